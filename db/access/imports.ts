import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PlanLevel, ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlans, importFiles, importLayouts, imports, indicatorValues, reportingUnits } from '../schema';
import { appendChange } from './change-log';
import { findIndicator, updateIndicator } from './catalog';
import { writePlan } from './plans';
import { preparedFor } from './prepared';
import { sourceColumns, type WriteSource } from './write-source';

export interface StoredFigureRow {
  value: number;
  status: ValueStatus;
  comment: string | null;
}

/** The figures of a unit for the given periods, by "CODE|period". */
export function valuesAtPeriods(db: ChitieuDb, unitId: number, periods: readonly string[]): Map<string, StoredFigureRow> {
  const out = new Map<string, StoredFigureRow>();
  const unique = [...new Set(periods)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = db
      .select({
        code: indicatorValues.indicatorCode,
        period: indicatorValues.period,
        value: indicatorValues.value,
        status: indicatorValues.status,
        comment: indicatorValues.comment,
      })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.unitId, unitId), inArray(indicatorValues.period, unique.slice(i, i + 500))))
      .all();
    for (const r of rows) out.set(`${r.code}|${r.period}`, { value: r.value, status: r.status, comment: r.comment });
  }
  return out;
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

const statements = preparedFor((db) => ({
  upsertValue: db
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

export interface ImportedValueWrite {
  indicatorCode: string;
  unitId: number;
  period: string;
  /** What is stored now, read in the same transaction. */
  old: StoredFigureRow | null;
  next: StoredFigureRow;
  who: string;
  at: string;
  batchId: string;
  source: WriteSource;
}

/**
 * Writes one imported figure and its change-log row. The caller holds the transaction and has read the old
 * figure in it already, which saves a lookup per figure when a workbook brings a hundred thousand of them.
 */
export function writeImportedValue(db: ChitieuDb, write: ImportedValueWrite): void {
  const source = sourceColumns(write.source);
  statements(db).upsertValue.run({
    indicatorCode: write.indicatorCode,
    unitId: write.unitId,
    period: write.period,
    value: write.next.value,
    status: write.next.status,
    comment: write.next.comment,
    updatedBy: write.who,
    updatedAt: write.at,
    ...source,
  });
  appendChange(db, {
    batchId: write.batchId,
    at: write.at,
    who: write.who,
    entity: 'value',
    indicatorCode: write.indicatorCode,
    unitId: write.unitId,
    period: write.period,
    oldValue: write.old?.value ?? null,
    newValue: write.next.value,
    oldStatus: write.old?.status ?? null,
    newStatus: write.next.status,
    oldComment: write.old?.comment ?? null,
    newComment: write.next.comment,
    ...source,
  });
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
  files: { fileName: string; sha256: string; sizeBytes: number; unitId: number; period: string; changed: number }[];
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
