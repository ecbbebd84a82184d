import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { PlanLevel, ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlans, importFiles, importLayouts, imports, reportingUnits } from '../schema';
import { findIndicator, updateIndicator } from './catalog';
import { writePlan } from './plans';
import { preparedFor } from './prepared';
import type { WriteSource } from './write-source';

export interface StoredFigureRow {
  value: number;
  status: ValueStatus;
  comment: string | null;
}

const raw = preparedFor((db) => ({
  // Rows as arrays: a workbook of twenty years reads a hundred thousand stored figures before its preview.
  valuesAt: db.$client
    .prepare<[number, string], [string, number, ValueStatus, string | null]>('SELECT indicator_code, value, status, comment FROM indicator_values WHERE unit_id = ? AND period = ?')
    .raw(true),
  totalChanges: db.$client.prepare<[], { n: number }>('SELECT total_changes() AS n'),
  // The same upsert as db/access/values.ts and the same change-log row as db/access/change-log.ts, without the
  // query builder in between and with positional parameters: a workbook brings a hundred thousand figures, and
  // both cost more than SQLite's own work.
  upsertValue: db.$client.prepare(
    `INSERT INTO indicator_values (indicator_code, unit_id, period, value, status, comment, updated_by, updated_at, source_kind, source_file, source_sha256, source_sheet, source_cell)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (indicator_code, unit_id, period) DO UPDATE SET value = excluded.value, status = excluded.status, comment = excluded.comment,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at, source_kind = excluded.source_kind, source_file = excluded.source_file,
       source_sha256 = excluded.source_sha256, source_sheet = excluded.source_sheet, source_cell = excluded.source_cell`,
  ),
  appendValueChange: db.$client.prepare(
    `INSERT INTO change_log (batch_id, at, who, entity, indicator_code, unit_id, period, year, level, old_value, new_value, old_status, new_status, old_comment, new_comment, source_kind, source_file, source_sha256, source_sheet, source_cell)
     VALUES (?, ?, ?, 'value', ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

/** The figures of a unit for one period, by indicator code. */
export function valuesAtPeriod(db: ChitieuDb, unitId: number, period: string): Map<string, StoredFigureRow> {
  const out = new Map<string, StoredFigureRow>();
  for (const [code, value, status, comment] of raw(db).valuesAt.all(unitId, period)) out.set(code, { value, status, comment });
  return out;
}

/**
 * Changes the database has seen, from this connection (total_changes) and from others (data_version): equal
 * numbers at two moments mean nothing was written in between.
 */
export function writeCounter(db: ChitieuDb): string {
  return `${raw(db).totalChanges.get()?.n ?? 0}:${db.$client.pragma('data_version', { simple: true }) as number}`;
}

/** The plans of a unit for the given years, by "CODE|year|level". */
export function plansAtYears(db: ChitieuDb, unitId: number, years: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  if (years.length === 0) return out;
  const rows = db
    .select({ code: annualPlans.indicatorCode, year: annualPlans.year, level: annualPlans.level, value: annualPlans.value })
    .from(annualPlans)
    .where(and(eq(annualPlans.unitId, unitId), inArray(annualPlans.year, [...new Set(years)])))
    .all();
  for (const r of rows) out.set(`${r.code}|${r.year}|${r.level}`, r.value);
  return out;
}

/**
 * Runs a large write with a page cache big enough for the indexes it touches (64 MB instead of SQLite's 2 MB),
 * then gives the memory back: an import of a hundred thousand figures writes twice as fast.
 */
export function withLargePageCache<T>(db: ChitieuDb, write: () => T): T {
  const before = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -65536');
  try {
    return write();
  } finally {
    db.$client.pragma(`cache_size = ${Number(before)}`);
  }
}

/** What every figure of one file's import shares: the batch, who, when and the file it came from. */
export interface ImportedFile {
  batchId: string;
  who: string;
  at: string;
  unitId: number;
  file: string;
  sha256: string;
}

export interface ImportedFigure {
  indicatorCode: string;
  period: string;
  sheet: string;
  cell: string;
  /** What is stored now, read in the same transaction. */
  old: StoredFigureRow | null;
  next: StoredFigureRow;
}

/**
 * Writes the imported figures of one file and a change-log row for each, with the file's name, sha256, the
 * sheet and the cell on both. The caller holds the transaction and has read the old figures in it already,
 * which saves a lookup per figure when a workbook brings a hundred thousand of them.
 */
export function writeImportedValues(db: ChitieuDb, file: ImportedFile, figures: Iterable<ImportedFigure>): void {
  const { upsertValue, appendValueChange } = raw(db);
  const { batchId, who, at, unitId, file: fileName, sha256 } = file;
  const kind = 'imported' satisfies WriteSource['kind'];
  for (const f of figures) {
    const { indicatorCode: code, period, sheet, cell, old, next } = f;
    upsertValue.run(code, unitId, period, next.value, next.status, next.comment, who, at, kind, fileName, sha256, sheet, cell);
    appendValueChange.run(batchId, at, who, code, unitId, period, old?.value ?? null, next.value, old?.status ?? null, next.status, old?.comment ?? null, next.comment, kind, fileName, sha256, sheet, cell);
  }
}

export function writeImportedPlan(
  db: ChitieuDb,
  write: { indicatorCode: string; unitId: number; year: number; level: PlanLevel; next: number; who: string; at: string; batchId: string; source: WriteSource },
): void {
  writePlan(db, write);
}

export interface NewImport {
  batchId: string;
  at: string;
  who: string;
  valuesChanged: number;
  plansChanged: number;
  files: { fileName: string; sha256: string; sizeBytes: number; unitId: number; period: string; changed: number; evidence: string | null }[];
}

export function insertImport(db: ChitieuDb, record: NewImport): number {
  const { id } = db
    .insert(imports)
    .values({ batchId: record.batchId, at: record.at, who: record.who, valuesChanged: record.valuesChanged, plansChanged: record.plansChanged })
    .returning({ id: imports.id })
    .get();
  for (const f of record.files) db.insert(importFiles).values({ importId: id, ...f }).run();
  return id;
}

export type StoredImport = typeof imports.$inferSelect;

export function findImport(db: ChitieuDb, id: number): StoredImport | undefined {
  return db.select().from(imports).where(eq(imports.id, id)).get();
}

export function importOfBatch(db: ChitieuDb, batchId: string): StoredImport | undefined {
  return db.select().from(imports).where(eq(imports.batchId, batchId)).get();
}

export function markImportUndone(db: ChitieuDb, id: number, undo: { at: string; who: string; batchId: string }): void {
  db.update(imports).set({ undoneAt: undo.at, undoneBy: undo.who, undoBatchId: undo.batchId }).where(eq(imports.id, id)).run();
}

export function unitsOfImport(db: ChitieuDb, importId: number): number[] {
  return [...new Set(db.select({ unitId: importFiles.unitId }).from(importFiles).where(eq(importFiles.importId, importId)).all().map((r) => r.unitId))];
}

export interface ImportWithFiles extends StoredImport {
  files: { fileName: string; sha256: string; sizeBytes: number; unitId: number; unitName: string; period: string; changed: number }[];
}

export function listImports(db: ChitieuDb, limit: number): ImportWithFiles[] {
  const rows = db.select().from(imports).orderBy(desc(imports.id)).limit(limit).all();
  if (rows.length === 0) return [];
  const files = db
    .select({
      importId: importFiles.importId,
      fileName: importFiles.fileName,
      sha256: importFiles.sha256,
      sizeBytes: importFiles.sizeBytes,
      unitId: importFiles.unitId,
      unitName: reportingUnits.name,
      period: importFiles.period,
      changed: importFiles.changed,
    })
    .from(importFiles)
    .innerJoin(reportingUnits, eq(reportingUnits.id, importFiles.unitId))
    .where(inArray(importFiles.importId, rows.map((r) => r.id)))
    .orderBy(importFiles.id)
    .all();
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.importId === r.id).map(({ importId: _id, ...f }) => f) }));
}

/** Imports (not undone) of files with these contents, by sha256. */
export function importsOfContents(db: ChitieuDb, sha256s: readonly string[]): Map<string, { importId: number; at: string }[]> {
  const out = new Map<string, { importId: number; at: string }[]>();
  if (sha256s.length === 0) return out;
  const rows = db
    .select({ sha256: importFiles.sha256, importId: imports.id, at: imports.at })
    .from(importFiles)
    .innerJoin(imports, eq(imports.id, importFiles.importId))
    .where(and(inArray(importFiles.sha256, [...new Set(sha256s)]), isNull(imports.undoneAt)))
    .orderBy(imports.id)
    .all();
  for (const r of rows) {
    const list = out.get(r.sha256) ?? [];
    if (!list.some((x) => x.importId === r.importId)) list.push({ importId: r.importId, at: r.at });
    out.set(r.sha256, list);
  }
  return out;
}

export type StoredLayout = typeof importLayouts.$inferSelect;

export function layoutsBySignature(db: ChitieuDb, signatures: readonly string[]): Map<string, StoredLayout> {
  if (signatures.length === 0) return new Map();
  const rows = db.select().from(importLayouts).where(inArray(importLayouts.signature, [...new Set(signatures)])).all();
  return new Map(rows.map((r) => [r.signature, r]));
}

export function listLayouts(db: ChitieuDb): StoredLayout[] {
  return db.select().from(importLayouts).orderBy(desc(importLayouts.updatedAt)).all();
}

export function saveLayout(
  db: ChitieuDb,
  layout: { signature: string; sheetName: string; fileName: string; headings: string[]; columns: Record<string, unknown>; rows: Record<string, string | null>; updatedBy: string; at: string },
): void {
  const { at, ...fields } = layout;
  db.insert(importLayouts)
    .values({ ...fields, updatedAt: at })
    .onConflictDoUpdate({ target: importLayouts.signature, set: { ...fields, updatedAt: at } })
    .run();
}

export function deleteLayout(db: ChitieuDb, signature: string): boolean {
  return db.delete(importLayouts).where(eq(importLayouts.signature, signature)).run().changes > 0;
}

/** Adds a name the clerk confirmed for an indicator to its aliases; false when it already had it. */
export function addAlias(db: ChitieuDb, code: string, alias: string, sameName: (a: string, b: string) => boolean): boolean {
  const indicator = findIndicator(db, code);
  if (!indicator) return false;
  if (sameName(indicator.nameVi, alias) || indicator.aliases.some((a) => sameName(a, alias))) return false;
  updateIndicator(db, code, { aliases: [...indicator.aliases, alias] });
  return true;
}
