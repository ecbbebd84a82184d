import { and, eq, sql } from 'drizzle-orm';
import type { ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { indicatorValues } from '../schema';
import { appendChange } from './change-log';
import { preparedFor } from './prepared';
import { sourceColumns, type WriteSource } from './write-source';

export type StoredValue = typeof indicatorValues.$inferSelect;

export interface ValueState {
  value: number;
  status: ValueStatus;
  comment: string | null;
}

export interface ValueWrite {
  indicatorCode: string;
  unitId: number;
  period: string;
  /** null removes the figure. */
  next: ValueState | null;
  who: string;
  at: string;
  batchId: string;
  source: WriteSource;
}

/** The figures of one unit and period with everything the grid shows of them. */
export function valuesOfPeriod(db: ChitieuDb, unitId: number, period: string): StoredValue[] {
  return db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.unitId, unitId), eq(indicatorValues.period, period)))
    .all();
}

const statements = preparedFor((db) => ({
  find: db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorCode, sql.placeholder('code')),
        eq(indicatorValues.unitId, sql.placeholder('unitId')),
        eq(indicatorValues.period, sql.placeholder('period')),
      ),
    )
    .prepare(),
  remove: db.delete(indicatorValues).where(eq(indicatorValues.id, sql.placeholder('id'))).prepare(),
  upsert: db
    .insert(indicatorValues)
    .values({
      indicatorCode: sql.placeholder('indicatorCode'),
      unitId: sql.placeholder('unitId'),
      period: sql.placeholder('period'),
      value: sql.placeholder('value'),
      status: sql.placeholder('status'),
      comment: sql.placeholder('comment'),
      updatedBy: sql.placeholder('updatedBy'),
      updatedAt: sql.placeholder('updatedAt'),
      sourceKind: sql.placeholder('sourceKind'),
      sourceFile: sql.placeholder('sourceFile'),
      sourceSha256: sql.placeholder('sourceSha256'),
      sourceSheet: sql.placeholder('sourceSheet'),
      sourceCell: sql.placeholder('sourceCell'),
    })
    .onConflictDoUpdate({
      target: [indicatorValues.indicatorCode, indicatorValues.unitId, indicatorValues.period],
      set: {
        value: sql`excluded.value`,
        status: sql`excluded.status`,
        comment: sql`excluded.comment`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
        sourceKind: sql`excluded.source_kind`,
        sourceFile: sql`excluded.source_file`,
        sourceSha256: sql`excluded.source_sha256`,
        sourceSheet: sql`excluded.source_sheet`,
        sourceCell: sql`excluded.source_cell`,
      },
    })
    .prepare(),
}));

export function findValue(db: ChitieuDb, indicatorCode: string, unitId: number, period: string): StoredValue | undefined {
  return statements(db).find.get({ code: indicatorCode, unitId, period });
}

/** Writes (or removes) one figure and appends its change-log row; the caller holds the transaction. */
export function writeValue(db: ChitieuDb, write: ValueWrite): void {
  const current = findValue(db, write.indicatorCode, write.unitId, write.period);
  const source = sourceColumns(write.source);
  if (write.next === null) {
    if (current) statements(db).remove.run({ id: current.id });
  } else {
    statements(db).upsert.run({
      indicatorCode: write.indicatorCode,
      unitId: write.unitId,
      period: write.period,
      ...write.next,
      updatedBy: write.who,
      updatedAt: write.at,
      ...source,
    });
  }
  appendChange(db, {
    batchId: write.batchId,
    at: write.at,
    who: write.who,
    entity: 'value',
    indicatorCode: write.indicatorCode,
    unitId: write.unitId,
    period: write.period,
    oldValue: current?.value ?? null,
    newValue: write.next?.value ?? null,
    oldStatus: current?.status ?? null,
    newStatus: write.next?.status ?? null,
    oldComment: current?.comment ?? null,
    newComment: write.next?.comment ?? null,
    ...source,
  });
}
