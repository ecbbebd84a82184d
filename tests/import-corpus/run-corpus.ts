import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importedFigures, type ImportedFigure } from '../../db/access/imported-figures';
import { createBackend } from '../../electron/backend/backend';
import { createApiClient } from '../../shared/api/client';
import type { ImportFinding } from '../../shared/api/import-entities';
import { listedPreview, readForImport, type ListedPreview } from '../support/workbooks';
import { corpus } from './corpus';
import { families, type CorpusCase, type CorpusTruth, type Family, type RefusedCell, type TruthFigure } from './truth';

/**
 * Imports every workbook of the corpus with the real backend, each on a fresh data directory, and compares what
 * the database then holds with the workbook's truth. Usable from vitest and from the bench alike.
 */

export interface Counts {
  files: number;
  /** Figure cells in the tables. */
  filled: number;
  /** Truth figures: what a careful clerk keys in. */
  expected: number;
  right: number;
  /** Stored figures the truth does not have, or has with another value or status. */
  wrong: number;
  /** Truth figures not stored and not refused with an error at their cell or row. */
  left: number;
  /** Truth figures not stored, with an error finding at their cell or row. */
  refused: number;
  /** Cells that must be refused, and how many were. */
  refusalsExpected: number;
  refusalsHonoured: number;
}

export interface WrongFigure {
  file: string;
  stored: ImportedFigure;
  /** The truth at the same indicator and period, if any; else the truth of the cell it came from, if any. */
  expected: TruthFigure | null;
  why: string;
}

export interface LeftFigure {
  file: string;
  truth: TruthFigure;
  outcome: 'left' | 'refused';
  /** What the preview tells the clerk about the cell; empty when it tells nothing. */
  reasons: string[];
}

export interface CaseResult {
  family: Family;
  name: string;
  counts: Counts;
  wrong: WrongFigure[];
  leftOut: LeftFigure[];
  refusalsMissed: RefusedCell[];
  /** File-level mismatches: the unit or the report period the preview took, a refused commit. */
  problems: string[];
}

export interface CorpusRun {
  acceptSuggestions: boolean;
  cases: CaseResult[];
  byFamily: Record<Family, Counts>;
  total: Counts;
}

export function emptyCounts(): Counts {
  return {
    files: 0,
    filled: 0,
    expected: 0,
    right: 0,
    wrong: 0,
    left: 0,
    refused: 0,
    refusalsExpected: 0,
    refusalsHonoured: 0,
  };
}

function addCounts(into: Counts, c: Counts): void {
  for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += c[key];
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

function storedKey(f: ImportedFigure): string {
  return f.kind === 'value' ? `${f.unitCode}|${f.code}|${f.period}` : `${f.unitCode}|${f.code}|KH:${f.year}:${f.level}`;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? NaN);
}

function columnOf(cell: string): string {
  return /^[A-Z]+/.exec(cell)?.[0] ?? '';
}

export function describeStored(f: ImportedFigure): string {
  const where = f.kind === 'value' ? `${f.period} (${f.status})` : `KH:${f.year}:${f.level}`;
  return `${f.code} ${where} = ${f.value}`;
}

/** Errors at a cell or anywhere on its row, from the file's and the sheet's findings. */
function findingsAt(preview: ListedPreview, sheet: string, cell: string): ImportFinding[] {
  const file = preview.files[0];
  if (!file) return [];
  const sheetFindings = file.sheets.find((s) => s.name === sheet)?.findings ?? [];
  return [...file.findings, ...sheetFindings].filter(
    (f) =>
      (f.sheet === null || f.sheet === sheet) && f.cell !== null && (f.cell === cell || rowOf(f.cell) === rowOf(cell)),
  );
}

/** What the preview says about a figure the import did not write. */
function reasonsFor(preview: ListedPreview, truth: TruthFigure): string[] {
  const reasons: string[] = [];
  for (const blocker of preview.blockers) reasons.push(`chặn: ${blocker}`);
  const file = preview.files[0];
  if (file?.error) reasons.push(`tệp lỗi: ${file.error.message}`);
  const sheet = file?.sheets.find((s) => s.name === truth.sheet);
  if (!sheet) {
    reasons.push(`no sheet ${truth.sheet} in the preview`);
    return reasons;
  }
  if (sheet.state !== 'table') reasons.push(`sheet ${sheet.state}`);
  const row = sheet.rows.find((r) => r.row === rowOf(truth.cell));
  if (row && row.state !== 'matched') {
    const suggestions = row.suggestions.map((s) => s.code).join(', ');
    reasons.push(
      `row ${row.state}${row.note ? `: ${row.note}` : ''}${suggestions ? ` (suggested ${suggestions})` : ''}`,
    );
  } else if (row?.note) reasons.push(`row note: ${row.note}`);
  const column = sheet.columns.find((c) => c.column === columnOf(truth.cell));
  if (column && (column.role === null || column.role.role === 'ignore' || column.role.role === 'percent'))
    reasons.push(`column ${column.column}: ${column.label}`);
  const value = sheet.values.find((v) => v.cell === truth.cell);
  if (value && (value.change === 'kept' || value.change === 'conflict' || value.change === 'duplicate'))
    reasons.push(`figure ${value.change}: ${value.label}`);
  for (const f of findingsAt(preview, truth.sheet, truth.cell))
    reasons.push(`${f.severity} ${f.kind} at ${f.cell}: ${f.message}`);
  return reasons;
}

function compare(
  name: string,
  truth: CorpusTruth,
  preview: ListedPreview,
  stored: ImportedFigure[],
): Omit<CaseResult, 'family' | 'name' | 'problems'> {
  const byKey = new Map<string, TruthFigure[]>();
  const byCell = new Map<string, TruthFigure>();
  for (const t of truth.figures) {
    const key = `${truth.unit.code}|${t.code}|${t.period}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
    byCell.set(`${t.sheet}!${t.cell}`, t);
  }
  const right = new Set<TruthFigure>();
  const storedAt = new Set<string>();
  const wrong: WrongFigure[] = [];
  for (const s of stored) {
    const key = storedKey(s);
    storedAt.add(key);
    const candidates = byKey.get(key) ?? [];
    const matches = candidates.filter(
      (t) => close(t.value, s.value) && (s.kind === 'plan' || t.status === null || t.status === s.status),
    );
    if (matches.length > 0) {
      for (const t of matches) right.add(t);
      continue;
    }
    const same = candidates[0];
    const fromCell = s.sheet && s.cell ? (byCell.get(`${s.sheet}!${s.cell}`) ?? null) : null;
    const why = same
      ? close(same.value, s.value)
        ? `status ${s.kind === 'value' ? s.status : ''} where the workbook says ${same.status}`
        : `value ${s.value} where ${same.sheet}!${same.cell} gives ${same.value}`
      : fromCell
        ? `its cell is ${fromCell.code} ${fromCell.period} = ${fromCell.value}`
        : 'the cell holds no figure of this indicator and period';
    wrong.push({ file: name, stored: s, expected: same ?? fromCell, why });
  }
  const leftOut: LeftFigure[] = [];
  let left = 0;
  let refused = 0;
  for (const t of truth.figures) {
    if (right.has(t) || storedAt.has(`${truth.unit.code}|${t.code}|${t.period}`)) continue;
    const errors = findingsAt(preview, t.sheet, t.cell).filter((f) => f.severity === 'error');
    const outcome = errors.length > 0 ? 'refused' : 'left';
    if (outcome === 'refused') refused++;
    else left++;
    leftOut.push({ file: name, truth: t, outcome, reasons: reasonsFor(preview, t) });
  }
  const refusalsMissed = truth.refused.filter((r) => {
    const written = stored.some((s) => s.sheet === r.sheet && s.cell === r.cell);
    const told = findingsAt(preview, r.sheet, r.cell).some((f) => f.severity === 'error');
    return written || !told;
  });
  return {
    counts: {
      files: 1,
      filled: truth.filledCells.length,
      expected: truth.figures.length,
      right: right.size,
      wrong: wrong.length,
      left,
      refused,
      refusalsExpected: truth.refused.length,
      refusalsHonoured: truth.refused.length - refusalsMissed.length,
    },
    wrong,
    leftOut,
    refusalsMissed,
  };
}

/** One workbook on a fresh data directory: units first, then read, preview and commit with these choices. */
export async function runCase(
  c: CorpusCase,
  file: string,
  truth: CorpusTruth,
  acceptSuggestions: boolean,
): Promise<CaseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-corpus-run-'));
  const backend = createBackend({ dataDir });
  try {
    const api = createApiClient((operation, input) => backend.call(operation, input));
    if (truth.unit.create) await api.call('units.create', { code: truth.unit.code, ...truth.unit.create });
    const problems: string[] = [];
    const { sessionId } = await readForImport(api, [file]);
    const choices = { sessionId, acceptSuggestions, ...(truth.titleNamesPeriod ? {} : { period: truth.reportPeriod }) };
    const preview = await listedPreview(api, choices);
    const found = preview.files[0];
    if (found?.unit?.code !== truth.unit.code)
      problems.push(`unit ${found?.unit?.code ?? 'none'} where the file is for ${truth.unit.code}`);
    if (found?.period?.key !== truth.reportPeriod)
      problems.push(`report period ${found?.period?.key ?? 'none'} where the title says ${truth.reportPeriod}`);
    try {
      await api.call('import.commit', choices);
    } catch (error) {
      problems.push(`commit refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    const stored = importedFigures(backend.database.db);
    return { family: c.family, name: c.name, problems, ...compare(c.name, truth, preview, stored) };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

export interface BuiltCase {
  case: CorpusCase;
  file: string;
  truth: CorpusTruth;
}

/** Writes every workbook once into `dir`, for runs that import them with different choices. */
export async function buildCorpus(dir: string, cases: CorpusCase[] = corpus): Promise<BuiltCase[]> {
  const built: BuiltCase[] = [];
  for (const c of cases) built.push({ case: c, ...(await c.build(dir)) });
  return built;
}

export async function runCorpus(built: BuiltCase[], acceptSuggestions: boolean): Promise<CorpusRun> {
  const cases: CaseResult[] = [];
  for (const b of built) cases.push(await runCase(b.case, b.file, b.truth, acceptSuggestions));
  const byFamily = Object.fromEntries(families.map((f) => [f, emptyCounts()])) as Record<Family, Counts>;
  const total = emptyCounts();
  for (const r of cases) {
    addCounts(byFamily[r.family], r.counts);
    addCounts(total, r.counts);
  }
  return { acceptSuggestions, cases, byFamily, total };
}
