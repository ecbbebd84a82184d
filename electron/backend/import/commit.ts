import { batchKey } from '../../../db/access/change-log';
import {
  addAlias,
  insertImport,
  insertImportFile,
  saveLayout,
  withLargePageCache,
  writeImportedPlan,
  writeImportedValues,
  type ImportedFigure,
} from '../../../db/access/imports';
import { cellPosition } from '../../../db/access/write-source';
import { encodeEvidence, type FileEvidence } from '../../../db/access/import-evidence';
import { AppError } from '../../../shared/api/errors';
import type { ImportChoices, ImportResult } from '../../../shared/api/import-entities';
import type { PlanLevel } from '../../../shared/api/values-entities';
import { nameKey } from '../../../shared/import/names';
import type { PlannedValue } from '../../../shared/import/plan';
import { sameRole } from '../../../shared/import/roles';
import type { HandlerContext } from '../handler-types';
import { newBatch } from '../changes/new-batch';
import { assertWritable } from '../periods/period-states';
import { previewFor, type PlannedSheet } from './preview';
import type { ImportSessions } from './sessions';

function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** What the layout memory should hold after this import; null when nothing new was mapped by hand. */
function rememberedAfter(
  sheet: PlannedSheet,
): { columns: Record<string, unknown>; rows: Record<string, string | null> } | null {
  if (sheet.manualRows.length === 0 && sheet.manualColumns.size === 0) return null;
  const columns: Record<string, unknown> = { ...(sheet.remembered?.columns ?? {}) };
  const rows: Record<string, string | null> = { ...(sheet.remembered?.rows ?? {}) };
  let changed = false;
  for (const [letter, role] of sheet.manualColumns) {
    const before = sheet.remembered?.columns[letter];
    if (!before || !sameRole(before, role)) changed = true;
    columns[letter] = role;
  }
  for (const r of sheet.manualRows) {
    if (r.key === '') continue;
    if (rows[r.key] !== r.code || !Object.hasOwn(rows, r.key)) changed = true;
    rows[r.key] = r.code;
  }
  return changed || !sheet.remembered ? { columns, rows } : null;
}

/** Keeps why a written figure is its indicator and period: its row's line and its column's, once each. */
function keepEvidence(into: FileEvidence, sheet: string, v: PlannedValue): void {
  const own = (into[sheet] ??= { rows: {}, columns: {} });
  const row = String(v.row);
  if (v.rowEvidence && !own.rows[row]) own.rows[row] = v.rowEvidence;
  if (v.columnEvidence && !own.columns[v.column]) own.columns[v.column] = v.columnEvidence;
}

/** The writes of one file, gathered before anything is written: its file row comes first, and they refer to it. */
interface FileWrites {
  file: ReturnType<typeof previewFor>['files'][number];
  unitId: number;
  period: string;
  workbook: { name: string; sha256: string; size: number };
  sheets: string[];
  figures: ImportedFigure[];
  plans: { code: string; year: number; level: PlanLevel; value: number; sheetIndex: number; cell: string }[];
  evidence: FileEvidence;
}

/** The writes of one commit, inside its transaction; the units whose figures changed are added to `touched`. */
function writeImport(
  ctx: HandlerContext,
  sessions: ImportSessions,
  choices: ImportChoices,
  touched: Set<number>,
): ImportResult {
  const { db } = ctx;
  const built = previewFor(ctx, sessions, choices);
  if (built.preview.blockers.length > 0) {
    throw new AppError(
      'bad_input',
      built.preview.blockers.join('\n'),
      { blockers: built.preview.blockers },
      'import has blockers',
    );
  }
  const { batchId, who, at } = newBatch(db);
  const aliasesAdded: ImportResult['aliasesAdded'] = [];
  let layoutsRemembered = 0;
  const planned: FileWrites[] = [];
  for (const file of built.files) {
    if (file.preview.skipped || !file.staged.workbook || file.unitId === null || file.period === null) continue;
    const unitId = file.unitId;
    const { name } = file.staged.workbook;
    const periods = new Set<string>();
    const own: FileWrites = {
      file,
      unitId,
      period: file.period,
      workbook: file.staged.workbook,
      sheets: file.sheets.map((s) => s.preview.name),
      figures: [],
      plans: [],
      evidence: {},
    };
    file.sheets.forEach((sheet, sheetIndex) => {
      for (const v of sheet.preview.values) {
        if (v.change !== 'new' && v.change !== 'changed') continue;
        keepEvidence(own.evidence, sheet.preview.name, v);
        periods.add(v.target.kind === 'value' ? v.target.period : String(v.target.year));
        if (v.target.kind === 'value') {
          own.figures.push({
            indicatorCode: v.code,
            period: v.target.period,
            sheetIndex,
            cell: v.cell,
            old: v.current
              ? { value: v.current.value, status: v.current.status ?? 'actual', comment: v.current.comment }
              : null,
            next: { value: v.value, status: v.status ?? 'actual', comment: v.current?.comment ?? null },
          });
        } else {
          own.plans.push({
            code: v.code,
            year: v.target.year,
            level: v.target.level,
            value: v.value,
            sheetIndex,
            cell: v.cell,
          });
        }
      }
      for (const r of sheet.manualRows) {
        if (r.code !== null && r.name !== '' && addAlias(db, r.code, r.name, sameName))
          aliasesAdded.push({ code: r.code, alias: r.name });
      }
      const memory = sheet.layout ? rememberedAfter(sheet) : null;
      if (memory && sheet.layout) {
        saveLayout(db, {
          signature: sheet.layout.signature,
          sheetName: sheet.preview.name,
          fileName: name,
          headings: sheet.layout.columns.map((c) => `${c.letter}: ${c.heading}`),
          columns: memory.columns,
          rows: memory.rows,
          updatedBy: who,
          at,
        });
        layoutsRemembered++;
      }
    });
    // A closed period refuses the whole import: the transaction takes back the aliases and layouts kept above.
    assertWritable(db, unitId, periods);
    planned.push(own);
  }
  const valuesChanged = planned.reduce((n, f) => n + f.figures.length, 0);
  const plansChanged = planned.reduce((n, f) => n + f.plans.length, 0);
  const changed = valuesChanged + plansChanged;
  // An import that changes no figure leaves no record: the same file again is no new import.
  const importId = changed > 0 ? insertImport(db, { batchId, at, who, valuesChanged, plansChanged }) : null;
  const batch = importId === null ? null : batchKey(db, { batchId, who, at });
  for (const f of planned) {
    const changedInFile = f.figures.length + f.plans.length;
    if (importId === null || batch === null) continue;
    const importFileId = insertImportFile(db, importId, {
      fileName: f.workbook.name,
      sha256: f.workbook.sha256,
      sizeBytes: f.workbook.size,
      unitId: f.unitId,
      period: f.period,
      changed: changedInFile,
      sheets: f.sheets,
      evidence: changedInFile > 0 ? encodeEvidence(f.evidence) : null,
    });
    for (const p of f.plans) {
      const source = {
        kind: 'imported' as const,
        cell: { importFileId, sheetIndex: p.sheetIndex, ...cellPosition(p.cell) },
      };
      writeImportedPlan(db, {
        indicatorCode: p.code,
        unitId: f.unitId,
        year: p.year,
        level: p.level,
        next: p.value,
        who,
        at,
        batchId,
        source,
      });
    }
    writeImportedValues(db, { batch, unitId: f.unitId, importFileId }, f.figures);
    if (changedInFile > 0) touched.add(f.unitId);
  }
  return {
    importId,
    batchId: changed > 0 ? batchId : null,
    changed,
    valuesChanged,
    plansChanged,
    aliasesAdded,
    layoutsRemembered,
    files: planned.map((f) => ({
      fileId: f.file.staged.fileId,
      name: f.workbook.name,
      unitId: f.unitId,
      period: f.period,
      changed: f.figures.length + f.plans.length,
    })),
    counts: built.preview.counts,
  };
}

/**
 * Writes what the preview shows, all files in one transaction and one change-log batch (so undo takes the
 * whole import back), each figure referring to its file's row (name, sha256, sheets) and to its sheet and cell; an import that changes no figure
 * leaves no trace but the aliases and layouts the clerk taught.
 */
export function commitImport(ctx: HandlerContext, sessions: ImportSessions, choices: ImportChoices): ImportResult {
  const { db } = ctx;
  const touched = new Set<number>();
  const result = withLargePageCache(db, () =>
    db.transaction(() => writeImport(ctx, sessions, choices, touched), { behavior: 'immediate' }),
  );
  // An import is the biggest save of all: chitieu.db alone holds it at once, not only after the next idle moment.
  ctx.database.checkpoint();
  // Too many figures to replay one by one: the validation history of these units is read again when next needed.
  for (const unitId of touched) ctx.history.forget(unitId);
  sessions.close(choices.sessionId);
  return result;
}
