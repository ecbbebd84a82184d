/**
 * What importing one sheet would do, decided from its cells, the catalog, the clerk's choices and the figures
 * already stored: which rows and columns are recognized and how, each figure beside the current one, and the
 * findings. Pure: the backend supplies the stored figures through the lookups of the context.
 */
import type { ImportCounts, ImportFinding, PreviewRow, PreviewSheet, PreviewValue } from '../api/import-entities';
import { cellAddress, figureInCell, shownText } from './cells';
import { targetKey } from './roles';
import type { PlannedValue, PlannedValues } from './planned-values';
import { settleSuggestions } from './row-suggestions';
import type { RowWork } from './settle-row';
import { readColumns, type ColumnUse } from './sheet-columns';
import type { SheetContext } from './sheet-context';
import { planFigures } from './sheet-figures';
import { SheetFindings } from './sheet-findings';
import { readRows, type ManualRow } from './sheet-rows';
import { cellOf, type SheetGrid, type TableLayout } from './table';
import { targetLabel } from './target-periods';

export type { RememberedLayout, SheetContext, StoredFigure } from './sheet-context';
export { describeRole } from './sheet-columns';
export { settleDuplicates, type PlacedValue, type PlacedValues } from './duplicate-figures';
export { rowKey } from './sheet-rows';
export { defaultStatusOf, periodOfKey, targetLabel } from './target-periods';
export type { PlannedValue } from './planned-values';

/** A sheet's preview as the backend holds it: every planned figure (packed) instead of their counts. */
export type PlannedSheetPreview = Omit<PreviewSheet, 'valueChanges'> & { values: PlannedValues };

const labelCache = new Map<string, string>();

export function previewValueOf(planned: PlannedValue): PreviewValue {
  const { source, rowEvidence, columnEvidence, ...value } = planned;
  const key = targetKey(value.target);
  let label = labelCache.get(key);
  if (label === undefined) labelCache.set(key, (label = targetLabel(value.target)));
  return { ...value, label, shown: shownText(source), evidence: `${rowEvidence} ${columnEvidence}` };
}

export interface SheetPlan {
  preview: PlannedSheetPreview;
  /**
   * Rows mapped by hand, for the alias and the layout memory: key → code, with the name as written. A mapping
   * refused (a unit of another family, an unknown code) is left out: taught, it would misread every later workbook.
   */
  manualRows: ManualRow[];
}

export function emptyCounts(): ImportCounts {
  return {
    rowsMatched: 0,
    rowsSuggested: 0,
    rowsUnrecognized: 0,
    rowsUnitMismatch: 0,
    valuesNew: 0,
    valuesChanged: 0,
    valuesSame: 0,
    valuesKept: 0,
    valuesConflicting: 0,
    errors: 0,
    warnings: 0,
  };
}

export function addCounts(into: ImportCounts, more: ImportCounts): void {
  for (const k of Object.keys(into) as (keyof ImportCounts)[]) into[k] += more[k];
}

/**
 * Columns first (their roles, periods and statuses), then rows in order (each within its section), then the
 * suggestions across rows, then the figures of the rows recognized.
 */
export function planSheet(grid: SheetGrid, layout: TableLayout, ctx: SheetContext): SheetPlan {
  const findings = new SheetFindings(grid.name);
  const columns = readColumns(layout, ctx, findings);
  const { work, manualRows } = readRows(grid, layout, ctx, columns, findings);
  settleSuggestions(work, ctx);
  const values = planFigures(grid, ctx, columns, findings, work);
  reportUnknownColumns(grid, layout, columns.unknown, work, findings);
  values.trim();
  const rows = work.map((w) => w.preview);
  const counts = countRows(rows);
  countValuesAndFindings(counts, values, findings.list);
  return {
    preview: {
      name: grid.name,
      state: 'table',
      headerRows: layout.headerRows,
      firstDataRow: layout.firstDataRow,
      signature: layout.signature,
      remembered: ctx.remembered !== null,
      columns: columns.preview,
      rows,
      values,
      findings: findings.list,
      counts,
    },
    manualRows,
  };
}

/** Figures in a column not recognized, on rows that are, are not lost silently: the clerk may say what it holds. */
function reportUnknownColumns(
  grid: SheetGrid,
  layout: TableLayout,
  unknown: readonly ColumnUse[],
  work: readonly RowWork[],
  findings: SheetFindings,
): void {
  for (const u of unknown) {
    const matchedWithFigures = work.filter(
      (w) => w.preview.state === 'matched' && figureInCell(cellOf(grid, w.preview.row, u.col)).kind === 'number',
    );
    if (matchedWithFigures.length === 0) continue;
    findings.add(
      'info',
      'column-unrecognized',
      `Cột ${u.letter} "${u.heading}" không nhận ra: ${matchedWithFigures.length} số trong cột (từ ô ${cellAddress(matchedWithFigures[0]?.preview.row ?? 0, u.col)}) không được nhập. Có thể chọn cột này là số liệu của kỳ nào.`,
      cellAddress(layout.headerRows[0] ?? 1, u.col),
    );
  }
}

function countRows(rows: readonly PreviewRow[]): ImportCounts {
  const counts = emptyCounts();
  for (const p of rows) {
    if (p.state === 'matched') counts.rowsMatched++;
    else if (p.state === 'suggested') counts.rowsSuggested++;
    else if (p.state === 'unrecognized') counts.rowsUnrecognized++;
    else if (p.state === 'unit_mismatch') counts.rowsUnitMismatch++;
  }
  return counts;
}

export function countValuesAndFindings(
  counts: ImportCounts,
  values: PlannedValues,
  findings: readonly ImportFinding[],
): void {
  const changes = values.changeCounts();
  counts.valuesNew = changes.new;
  counts.valuesChanged = changes.changed;
  counts.valuesSame = changes.same;
  counts.valuesKept = changes.kept;
  counts.valuesConflicting = changes.conflict;
  counts.errors = findings.filter((f) => f.severity === 'error').length;
  counts.warnings = findings.filter((f) => f.severity === 'warning').length;
}
