import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { PlanLevel, ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlans, importFiles, importLayouts, imports, reportingUnits } from '../schema';
import { findIndicator, updateIndicator } from './catalog';
import { appendChangeStatement } from './change-log';
import { writePlan } from './plans';
import { preparedFor } from './prepared';
import { upsertValueStatement } from './values';
import type { WriteSource } from './write-source';

export interface StoredFigureRow {
  value: number;
  status: ValueStatus;
  comment: string | null;
}

const raw = preparedFor((db) => ({
  // Rows as arrays: a workbook of twenty years reads a hundred thousand stored figures before its preview.
  valuesAt: db.$client
    .prepare<[number, string], [string, number, ValueStatus, string | null]>(
      'SELECT indicator_code, value, status, comment FROM indicator_values WHERE unit_id = ? AND period = ?',
    )
    .raw(true),
  totalChanges: db.$client.prepare<[], { n: number }>('SELECT total_changes() AS n'),
}));

/** The figures of a unit for one period, by indicator code. */
export function valuesAtPeriod(db: ChitieuDb, unitId: number, period: string): Map<string, StoredFigureRow> {
  const out = new Map<string, StoredFigureRow>();
  for (const [code, value, status, comment] of raw(db).valuesAt.all(unitId, period))
    out.set(code, { value, status, comment });
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
    .select({
      code: annualPlans.indicatorCode,
      year: annualPlans.year,
      level: annualPlans.level,
      value: annualPlans.value,
    })
    .from(annualPlans)
    .where(and(eq(annualPlans.unitId, unitId), inArray(annualPlans.year, [...new Set(years)])))
    .all();
  for (const r of rows) out.set(`${r.code}|${r.year}|${r.level}`, r.value);
  return out;
}

/**
 * Runs a large write with a page cache big enough for the indexes it touches (16 MB instead of SQLite's 2 MB),
 * then gives the memory back: an import of a hundred thousand figures writes twice as fast. The figures go in key
 * order, so the pages being filled are few: 64 MB wrote no faster and held 40 MB more at 480.000 figures.
 */
export function withLargePageCache<T>(db: ChitieuDb, write: () => T): T {
  const before = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -16384');
  try {
    return write();
  } finally {
    db.$client.pragma(`cache_size = ${Number(before)}`);
  }
}

/** What every figure of one file's import shares: its batch (who and when) by number, the unit, the file's row. */
export interface ImportedFile {
  batch: number;
  unitId: number;
  importFileId: number;
}

/**
 * The figures of one file to write, read by position where the import keeps them (a workbook of twenty years
 * brings half a million, and an object each would hold hundreds of megabytes for the length of the commit).
 * What is stored now was read in the same transaction; null when nothing is.
 */
export interface ImportedFigures {
  readonly length: number;
  code(i: number): string;
  period(i: number): string;
  /** The sheet's place in the file's list of sheets (import_files.sheets). */
  sheetIndex(i: number): number;
  row(i: number): number;
  col(i: number): number;
  oldValue(i: number): number | null;
  oldStatus(i: number): ValueStatus | null;
  oldComment(i: number): string | null;
  nextValue(i: number): number;
  nextStatus(i: number): ValueStatus;
  nextComment(i: number): string | null;
}

/**
 * Positions of the figures in key order (period, then indicator), so that the table and the log's index fill
 * their pages in sequence: each distinct period and code is ranked once, then the positions sorted by number.
 */
function keyOrder(figures: ImportedFigures): Uint32Array {
  const n = figures.length;
  const periodIds = new Map<string, number>();
  const codeIds = new Map<string, number>();
  const periodOf = new Int32Array(n);
  const codeOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const period = figures.period(i);
    const code = figures.code(i);
    let p = periodIds.get(period);
    if (p === undefined) periodIds.set(period, (p = periodIds.size));
    let c = codeIds.get(code);
    if (c === undefined) codeIds.set(code, (c = codeIds.size));
    periodOf[i] = p;
    codeOf[i] = c;
  }
  const rank = (ids: Map<string, number>): Int32Array => {
    const ranks = new Int32Array(ids.size);
    [...ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).forEach((key, r) => (ranks[ids.get(key) ?? 0] = r));
    return ranks;
  };
  const periodRank = rank(periodIds);
  const codeRank = rank(codeIds);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++)
    keys[i] = (periodRank[periodOf[i] ?? 0] ?? 0) * codeIds.size + (codeRank[codeOf[i] ?? 0] ?? 0);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
}

/**
 * Writes the imported figures of one file and a change-log row for each, both referring to the file's row and to
 * their sheet and cell by number, each bound straight into its prepared statement. The caller holds the
 * transaction and has read the old figures in it already, which saves a lookup per figure.
 */
export function writeImportedValues(db: ChitieuDb, file: ImportedFile, figures: ImportedFigures): void {
  const upsert = upsertValueStatement(db);
  const append = appendChangeStatement(db);
  const { batch, unitId, importFileId } = file;
  const kind = 'imported' satisfies WriteSource['kind'];
  for (const i of keyOrder(figures)) {
    const code = figures.code(i);
    const period = figures.period(i);
    const sheetIndex = figures.sheetIndex(i);
    const row = figures.row(i);
    const col = figures.col(i);
    // A figure without its cell is refused, never stored half: the audit trail names the cell of every figure.
    if (!(row >= 1 && col >= 1)) throw new Error(`figure ${code} ${period} has no cell (row ${row}, column ${col})`);
    const value = figures.nextValue(i);
    const status = figures.nextStatus(i);
    const comment = figures.nextComment(i);
    upsert.run(unitId, period, code, value, status, comment, batch, kind, importFileId, sheetIndex, row, col);
    append.run(
      batch,
      'value',
      code,
      unitId,
      period,
      null,
      null,
      figures.oldValue(i),
      value,
      figures.oldStatus(i),
      status,
      figures.oldComment(i),
      comment,
      kind,
      importFileId,
      sheetIndex,
      row,
      col,
    );
  }
}

export function writeImportedPlan(
  db: ChitieuDb,
  write: {
    indicatorCode: string;
    unitId: number;
    year: number;
    level: PlanLevel;
    next: number;
    who: string;
    at: string;
    batchId: string;
    source: WriteSource;
  },
): void {
  writePlan(db, write);
}

export interface NewImport {
  batchId: string;
  at: string;
  who: string;
  valuesChanged: number;
  plansChanged: number;
}

export interface NewImportFile {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  unitId: number;
  period: string;
  changed: number;
  /** The file's sheets by name: its figures name their sheet by its place here. */
  sheets: string[];
  evidence: string | null;
}

/** The import's record, written before its figures, which refer to its files. */
export function insertImport(db: ChitieuDb, record: NewImport): number {
  return db.insert(imports).values(record).returning({ id: imports.id }).get().id;
}

export function insertImportFile(db: ChitieuDb, importId: number, file: NewImportFile): number {
  return db
    .insert(importFiles)
    .values({ importId, ...file })
    .returning({ id: importFiles.id })
    .get().id;
}

export type StoredImport = typeof imports.$inferSelect;

export function findImport(db: ChitieuDb, id: number): StoredImport | undefined {
  return db.select().from(imports).where(eq(imports.id, id)).get();
}

export function importOfBatch(db: ChitieuDb, batchId: string): StoredImport | undefined {
  return db.select().from(imports).where(eq(imports.batchId, batchId)).get();
}

export function markImportUndone(db: ChitieuDb, id: number, undo: { at: string; who: string; batchId: string }): void {
  db.update(imports)
    .set({ undoneAt: undo.at, undoneBy: undo.who, undoBatchId: undo.batchId })
    .where(eq(imports.id, id))
    .run();
}

export function unitsOfImport(db: ChitieuDb, importId: number): number[] {
  return [
    ...new Set(
      db
        .select({ unitId: importFiles.unitId })
        .from(importFiles)
        .where(eq(importFiles.importId, importId))
        .all()
        .map((r) => r.unitId),
    ),
  ];
}

export interface ImportWithFiles extends StoredImport {
  files: {
    fileName: string;
    sha256: string;
    sizeBytes: number;
    unitId: number;
    unitName: string;
    period: string;
    changed: number;
  }[];
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
    .where(
      inArray(
        importFiles.importId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(importFiles.id)
    .all();
  return rows.map((r) => ({
    ...r,
    files: files.filter((f) => f.importId === r.id).map(({ importId: _id, ...f }) => f),
  }));
}

/** Imports (not undone) of files with these contents, by sha256. */
export function importsOfContents(
  db: ChitieuDb,
  sha256s: readonly string[],
): Map<string, { importId: number; at: string }[]> {
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
  const rows = db
    .select()
    .from(importLayouts)
    .where(inArray(importLayouts.signature, [...new Set(signatures)]))
    .all();
  return new Map(rows.map((r) => [r.signature, r]));
}

export function listLayouts(db: ChitieuDb): StoredLayout[] {
  return db.select().from(importLayouts).orderBy(desc(importLayouts.updatedAt)).all();
}

export function saveLayout(
  db: ChitieuDb,
  layout: {
    signature: string;
    sheetName: string;
    fileName: string;
    headings: string[];
    columns: Record<string, unknown>;
    rows: Record<string, string | null>;
    updatedBy: string;
    at: string;
  },
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
export function addAlias(
  db: ChitieuDb,
  code: string,
  alias: string,
  sameName: (a: string, b: string) => boolean,
): boolean {
  const indicator = findIndicator(db, code);
  if (!indicator) return false;
  if (sameName(indicator.nameVi, alias) || indicator.aliases.some((a) => sameName(a, alias))) return false;
  updateIndicator(db, code, { aliases: [...indicator.aliases, alias] });
  return true;
}
