import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { indicatorValues } from '../schema';
import { appendChange } from './change-log';
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

/** Every figure of a unit in the given years: the grid derives quarters, cumulative and last year from them. */
export function valuesOfYears(db: ChitieuDb, unitId: number, years: number[]): StoredValue[] {
  return db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.unitId, unitId),
        inArray(
          sql`substr(${indicatorValues.period}, 1, 4)`,
          years.map((y) => String(y)),
        ),
      ),
    )
    .all();
}

export function findValue(db: ChitieuDb, indicatorCode: string, unitId: number, period: string): StoredValue | undefined {
  return db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorCode, indicatorCode),
        eq(indicatorValues.unitId, unitId),
        eq(indicatorValues.period, period),
      ),
    )
    .get();
}

/** Writes (or removes) one figure and appends its change-log row; the caller holds the transaction. */
export function writeValue(db: ChitieuDb, write: ValueWrite): void {
  const current = findValue(db, write.indicatorCode, write.unitId, write.period);
  const source = sourceColumns(write.source);
  if (write.next === null) {
    if (current) db.delete(indicatorValues).where(eq(indicatorValues.id, current.id)).run();
  } else {
    db.insert(indicatorValues)
      .values({
        indicatorCode: write.indicatorCode,
        unitId: write.unitId,
        period: write.period,
        ...write.next,
        updatedBy: write.who,
        updatedAt: write.at,
        ...source,
      })
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorCode, indicatorValues.unitId, indicatorValues.period],
        set: { ...write.next, updatedBy: write.who, updatedAt: write.at, ...source },
      })
      .run();
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
