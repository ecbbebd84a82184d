import { and, eq, sql } from 'drizzle-orm';
import type { ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { indicatorValuesFull } from '../schema';
import { appendChange, batchKey } from './change-log';
import { preparedFor } from './prepared';
import { sourceColumns, type WriteSource } from './write-source';

/** A figure with who wrote it last, when, and where from (file, sheet and cell spelled out). */
export type StoredValue = typeof indicatorValuesFull.$inferSelect;

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
    .from(indicatorValuesFull)
    .where(and(eq(indicatorValuesFull.unitId, unitId), eq(indicatorValuesFull.period, period)))
    .all();
}

const statements = preparedFor((db) => ({
  find: db
    .select()
    .from(indicatorValuesFull)
    .where(
      and(
        eq(indicatorValuesFull.unitId, sql.placeholder('unitId')),
        eq(indicatorValuesFull.period, sql.placeholder('period')),
        eq(indicatorValuesFull.indicatorCode, sql.placeholder('code')),
      ),
    )
    .prepare(),
  current: db.$client.prepare<[number, string, string], { value: number; status: ValueStatus; comment: string | null }>(
    'SELECT value, status, comment FROM indicator_values WHERE unit_id = ? AND period = ? AND indicator_code = ?',
  ),
  remove: db.$client.prepare<[number, string, string]>(
    'DELETE FROM indicator_values WHERE unit_id = ? AND period = ? AND indicator_code = ?',
  ),
  upsert: db.$client.prepare(
    `INSERT INTO indicator_values (unit_id, period, indicator_code, value, status, comment, batch_id, source_kind, import_file_id, sheet_index, cell_row, cell_col)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, period, indicator_code) DO UPDATE SET value = excluded.value, status = excluded.status, comment = excluded.comment,
       batch_id = excluded.batch_id, source_kind = excluded.source_kind, import_file_id = excluded.import_file_id, sheet_index = excluded.sheet_index,
       cell_row = excluded.cell_row, cell_col = excluded.cell_col`,
  ),
}));

export function findValue(
  db: ChitieuDb,
  indicatorCode: string,
  unitId: number,
  period: string,
): StoredValue | undefined {
  return statements(db).find.get({ code: indicatorCode, unitId, period });
}

/** The upsert of one figure by positional parameters, for the import's hundred thousand. */
export function upsertValueStatement(db: ChitieuDb) {
  return statements(db).upsert;
}

/** Writes (or removes) one figure and appends its change-log row; the caller holds the transaction. */
export function writeValue(db: ChitieuDb, write: ValueWrite): void {
  const { current, remove, upsert } = statements(db);
  const before = current.get(write.unitId, write.period, write.indicatorCode);
  const batch = batchKey(db, write);
  const s = sourceColumns(write.source);
  if (write.next === null) {
    if (before) remove.run(write.unitId, write.period, write.indicatorCode);
  } else {
    const { value, status, comment } = write.next;
    upsert.run(
      write.unitId,
      write.period,
      write.indicatorCode,
      value,
      status,
      comment,
      batch,
      s.sourceKind,
      s.importFileId,
      s.sheetIndex,
      s.cellRow,
      s.cellCol,
    );
  }
  appendChange(
    db,
    batch,
    {
      entity: 'value',
      indicatorCode: write.indicatorCode,
      unitId: write.unitId,
      period: write.period,
      oldValue: before?.value ?? null,
      newValue: write.next?.value ?? null,
      oldStatus: before?.status ?? null,
      newStatus: write.next?.status ?? null,
      oldComment: before?.comment ?? null,
      newComment: write.next?.comment ?? null,
    },
    write.source,
  );
}
