import { batchKey } from '../../../db/access/change-log';
import {
  addAlias,
  insertImport,
  insertImportFile,
  saveLayout,
  withLargePageCache,
  writeImportedPlan,
  writeImportedValues,
  type ImportedFigures,
} from '../../../db/access/imports';
import { cellPosition } from '../../../db/access/write-source';
import { encodeEvidence, type FileEvidence } from '../../../db/access/import-evidence';
import { AppError } from '../../../shared/api/errors';
import type { ImportChoices, ImportResult } from '../../../shared/api/import-entities';
import type { PlanLevel, ValueStatus } from '../../../shared/api/values-entities';
import { nameKey } from '../../../shared/import/names';
import type { PlannedValues } from '../../../shared/import/planned-values';
import { sameRole } from '../../../shared/import/roles';
import type { HandlerContext } from '../handler-types';
import { newBatch } from '../changes/new-batch';
import { assertWritable } from '../periods/period-states';
import { refuseChangesSincePreview } from './changed-since-preview';
import { previewFor, type BuiltPreview, type PlannedSheet } from './preview';
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

/** Keeps why written figure i is its indicator and period: its row's line and its column's, once each. */
function keepEvidence(into: FileEvidence, sheet: string, values: PlannedValues, i: number): void {
  const own = (into[sheet] ??= { rows: {}, columns: {} });
  const row = String(values.rowAt(i));
  const rowEvidence = values.rowEvidenceAt(i);
  if (rowEvidence && !own.rows[row]) own.rows[row] = rowEvidence;
  const column = values.columnAt(i);
  const columnEvidence = values.columnEvidenceAt(i);
  if (columnEvidence && !own.columns[column]) own.columns[column] = columnEvidence;
}

/**
 * The figures of a file's sheets that the commit writes, as positions into each sheet's planned values (two
 * numbers a figure): read from there as they are bound, never copied into an object each.
 */
class FiguresToWrite implements ImportedFigures {
  private count = 0;
  private sheetOf = new Int32Array(256);
  private indexOf = new Int32Array(256);
  private readonly sheets: PlannedValues[] = [];

  get length(): number {
    return this.count;
  }

  /** Adds figure i of the sheet at `sheetIndex` in the file's list of sheets. */
  add(sheetIndex: number, values: PlannedValues, i: number): void {
    this.sheets[sheetIndex] = values;
    if (this.count === this.sheetOf.length) {
      const sheetOf = new Int32Array(this.count * 2);
      const indexOf = new Int32Array(this.count * 2);
      sheetOf.set(this.sheetOf);
      indexOf.set(this.indexOf);
      this.sheetOf = sheetOf;
      this.indexOf = indexOf;
    }
    this.sheetOf[this.count] = sheetIndex;
    this.indexOf[this.count] = i;
    this.count++;
  }

  private values(k: number): PlannedValues {
    const values = this.sheets[this.sheetOf[k] ?? -1];
    if (!values) throw new Error(`figure ${k} of the commit has no sheet`);
    return values;
  }

  private at(k: number): number {
    return this.indexOf[k] ?? -1;
  }

  code(k: number): string {
    return this.values(k).codeAt(this.at(k));
  }

  period(k: number): string {
    const target = this.values(k).targetAt(this.at(k));
    if (target.kind !== 'value') throw new Error(`figure ${k} of the commit is a plan, not a value`);
    return target.period;
  }

  sheetIndex(k: number): number {
    return this.sheetOf[k] ?? -1;
  }

  row(k: number): number {
    return this.values(k).rowAt(this.at(k));
  }

  col(k: number): number {
    return this.values(k).colAt(this.at(k));
  }

  oldValue(k: number): number | null {
    return this.values(k).currentValueAt(this.at(k));
  }

  oldStatus(k: number): ValueStatus | null {
    const values = this.values(k);
    const i = this.at(k);
    return values.hasCurrent(i) ? (values.currentStatusAt(i) ?? 'actual') : null;
  }

  oldComment(k: number): string | null {
    return this.values(k).currentCommentAt(this.at(k));
  }

  nextValue(k: number): number {
    return this.values(k).valueAt(this.at(k));
  }

  nextStatus(k: number): ValueStatus {
    return this.values(k).statusAt(this.at(k)) ?? 'actual';
  }

  /** An import keeps the comment the figure had: a workbook brings figures, not the clerk's notes. */
  nextComment(k: number): string | null {
    return this.values(k).currentCommentAt(this.at(k));
  }
}

/** The writes of one file, gathered before anything is written: its file row comes first, and they refer to it. */
interface FileWrites {
  file: ReturnType<typeof previewFor>['files'][number];
  unitId: number;
  period: string;
  workbook: { name: string; sha256: string; size: number };
  sheets: string[];
  figures: FiguresToWrite;
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
  const confirmed = sessions.ready(choices.sessionId).lastPreview?.preview as BuiltPreview | undefined;
  const built = previewFor(ctx, sessions, choices);
  if (confirmed !== undefined && confirmed !== built) refuseChangesSincePreview(confirmed, built);
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
      figures: new FiguresToWrite(),
      plans: [],
      evidence: {},
    };
    file.sheets.forEach((sheet, sheetIndex) => {
      const values = sheet.preview.values;
      for (let i = 0; i < values.length; i++) {
        const change = values.changeAt(i);
        if (change !== 'new' && change !== 'changed') continue;
        keepEvidence(own.evidence, sheet.preview.name, values, i);
        const target = values.targetAt(i);
        periods.add(target.kind === 'value' ? target.period : String(target.year));
        if (target.kind === 'value') {
          own.figures.add(sheetIndex, values, i);
        } else {
          own.plans.push({
            code: values.codeAt(i),
            year: target.year,
            level: target.level,
            value: values.valueAt(i),
            sheetIndex,
            cell: values.cellAt(i),
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
