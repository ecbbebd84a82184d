import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { changeLogFull } from '../schema';
import { preparedFor } from './prepared';
import { sourceColumns, type WriteSource } from './write-source';

/** A change-log row as the audit trail reads it: its batch by name, who and when, its source spelled out. */
export type ChangeRow = typeof changeLogFull.$inferSelect;

/** The batch a write belongs to, by its API name, with who and when. */
export interface BatchOfWrite {
  batchId: string;
  who: string;
  at: string;
}

export interface NewChangeRow {
  entity: 'value' | 'plan';
  indicatorCode: string;
  unitId: number;
  period?: string | null;
  year?: number | null;
  level?: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldStatus?: string | null;
  newStatus?: string | null;
  oldComment?: string | null;
  newComment?: string | null;
}

const raw = preparedFor((db) => ({
  findBatch: db.$client
    .prepare<[string, string, string], number>(
      'SELECT id FROM change_batches WHERE uuid = ? AND at = ? AND who = ? ORDER BY id DESC LIMIT 1',
    )
    .pluck(),
  insertBatch: db.$client.prepare<[string, string, string]>(
    'INSERT INTO change_batches (uuid, at, who) VALUES (?, ?, ?)',
  ),
  append: db.$client.prepare(
    `INSERT INTO change_log (batch_id, entity, indicator_code, unit_id, period, year, level, old_value, new_value, old_status, new_status, old_comment, new_comment, source_kind, import_file_id, sheet_index, cell_row, cell_col)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

/**
 * The number of a batch in change_batches, written with its first row: who and when are kept once per user
 * action, and every figure and change-log row of it refers to them. The caller holds the transaction.
 */
export function batchKey(db: ChitieuDb, batch: BatchOfWrite): number {
  const { findBatch, insertBatch } = raw(db);
  return (
    findBatch.get(batch.batchId, batch.at, batch.who) ??
    Number(insertBatch.run(batch.batchId, batch.at, batch.who).lastInsertRowid)
  );
}

export function appendChange(db: ChitieuDb, batch: number, row: NewChangeRow, source: WriteSource): void {
  const s = sourceColumns(source);
  raw(db).append.run(
    batch,
    row.entity,
    row.indicatorCode,
    row.unitId,
    row.period ?? null,
    row.year ?? null,
    row.level ?? null,
    row.oldValue,
    row.newValue,
    row.oldStatus ?? null,
    row.newStatus ?? null,
    row.oldComment ?? null,
    row.newComment ?? null,
    s.sourceKind,
    s.importFileId,
    s.sheetIndex,
    s.cellRow,
    s.cellCol,
  );
}

/** Writes one change-log row per imported figure the fastest way: positional parameters, the statement reused. */
export function appendChangeStatement(db: ChitieuDb) {
  return raw(db).append;
}

export function changesOfBatch(db: ChitieuDb, batchId: string): ChangeRow[] {
  return db.select().from(changeLogFull).where(eq(changeLogFull.batchId, batchId)).orderBy(asc(changeLogFull.id)).all();
}

/** The latest change of the figure or plan a change-log row is about. */
export function lastChangeOf(db: ChitieuDb, row: ChangeRow): ChangeRow | undefined {
  const same = and(
    eq(changeLogFull.entity, row.entity),
    eq(changeLogFull.indicatorCode, row.indicatorCode),
    eq(changeLogFull.unitId, row.unitId),
    row.period === null ? isNull(changeLogFull.period) : eq(changeLogFull.period, row.period),
    row.year === null ? isNull(changeLogFull.year) : eq(changeLogFull.year, row.year),
    row.level === null ? isNull(changeLogFull.level) : eq(changeLogFull.level, row.level),
  );
  return db.select().from(changeLogFull).where(same).orderBy(desc(changeLogFull.id)).limit(1).get();
}
