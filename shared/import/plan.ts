/**
 * What importing one sheet would do, decided from its cells, the catalog, the clerk's choices and the figures
 * already stored: which rows and columns are recognized and how, each figure beside the current one, and the
 * findings. Pure: the backend supplies the stored figures through the lookups of the context.
 */
import type { ImportCounts, ImportFinding, PreviewRow, PreviewSheet, PreviewValue } from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import { cellAddress, figureInCell, shownText } from './cells';
import { formatAsWritten } from './figure-precision';
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

function statusWords(status: ValueStatus | null): string {
  return status === 'estimate' ? 'ước tính' : status === 'actual' ? 'thực hiện' : '';
}

/** The figures of one sheet with the file and sheet they come from. */
export interface PlacedValues {
  fileName: string;
  sheet: string;
  values: PlannedValues;
}

/** One figure of them. */
export interface PlacedValue<P extends PlacedValues = PlacedValues> {
  place: P;
  index: number;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/**
 * Two cells giving the same indicator and period (two columns of one period, a row repeated, two files of one
 * unit): one figure is written if they agree (the others are marked duplicate); if they disagree none is
 * (all are marked conflict), and the clerk is told where.
 */
export function settleDuplicates<P extends PlacedValues>(
  sheets: readonly P[],
  report: (finding: ImportFinding, places: readonly PlacedValue<P>[]) => void,
): void {
  // Every indicator and target gets one number across the sheets, so that a figure's key is a number, not a string.
  const codeIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const local = sheets.map((s) => ({
    codes: s.values.codes.map((c) => idOf(codeIds, c)),
    targets: s.values.targets.map((t) => idOf(targetIds, targetKey(t))),
  }));
  const width = Math.max(1, targetIds.size);
  const offsets: number[] = [];
  let total = 0;
  for (const s of sheets) {
    offsets.push(total);
    total += s.values.length;
  }
  const placeOf = (figure: number): PlacedValue<P> => {
    let lo = 0;
    let hi = sheets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((offsets[mid] ?? 0) <= figure) lo = mid;
      else hi = mid - 1;
    }
    return { place: sheets[lo] as P, index: figure - (offsets[lo] ?? 0) };
  };
  const first = new Map<number, number>();
  const groups = new Map<number, number[]>();
  sheets.forEach((s, k) => {
    const ids = local[k];
    if (!ids) return;
    for (let i = 0; i < s.values.length; i++) {
      const key = (ids.codes[s.values.codeIdAt(i)] ?? 0) * width + (ids.targets[s.values.targetIdAt(i)] ?? 0);
      const figure = (offsets[k] ?? 0) + i;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, figure);
        continue;
      }
      let list = groups.get(earlier);
      if (!list) groups.set(earlier, (list = [earlier]));
      list.push(figure);
    }
  });
  for (const figures of groups.values()) {
    const list = figures.map(placeOf);
    const [head, ...rest] = list;
    if (!head) continue;
    const value = (p: PlacedValue<P>) => p.place.values.valueAt(p.index);
    const status = (p: PlacedValue<P>) => p.place.values.statusAt(p.index);
    const agree = rest.every((p) => value(p) === value(head) && status(p) === status(head));
    if (agree) {
      for (const p of rest) p.place.values.setChange(p.index, 'duplicate');
      continue;
    }
    for (const p of list) p.place.values.setChange(p.index, 'conflict');
    const files = new Set(list.map((p) => p.place.fileName));
    const where = list
      .map((p) => `${files.size > 1 ? `${p.place.fileName}: ` : ''}${p.place.sheet}!${p.place.values.cellAt(p.index)}`)
      .join(', ');
    const code = head.place.values.codeAt(head.index);
    const label = targetLabel(head.place.values.targetAt(head.index));
    // Equal numbers differ by status alone: say which is the estimate.
    const sameNumbers = list.every((p) => value(p) === value(head));
    const oneRow =
      files.size === 1 &&
      list.every(
        (p) =>
          p.place.sheet === head.place.sheet && p.place.values.rowAt(p.index) === head.place.values.rowAt(head.index),
      );
    // Two columns of one row read as one period most often means the report period chosen is off by one.
    const hint = oneRow
      ? ` Các cột ${list.map((p) => p.place.values.columnAt(p.index)).join(', ')} cùng được hiểu là số của ${label}: hãy kiểm tra kỳ báo cáo đã chọn và cách đọc các cột.`
      : '';
    report(
      {
        severity: 'error',
        kind: 'conflicting-cells',
        message: `${code} ${label}: các ô ${where} ghi số khác nhau (${list.map((p) => `${formatAsWritten(value(p))}${sameNumbers ? ` ${statusWords(status(p))}` : ''}`).join('; ')}); không nhập số nào của chỉ tiêu và kỳ này.${hint}`,
        sheet: head.place.sheet,
        cell: head.place.values.cellAt(head.index),
        code,
      },
      list,
    );
  }
}
