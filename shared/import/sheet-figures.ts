/**
 * The figures a sheet's recognized rows give, beside the figures stored now: read from each data column (converted
 * to the catalog's unit), an index from its "so với cùng kỳ (%)" column, each checked against its range, and
 * the row's stated figures checked against them.
 */
import type { Indicator } from '../api/entities';
import type { ValueChange } from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import { rangeBreachOf } from '../validation/figure-range';
import { cellAddress } from './cells';
import { checkCumulatives, checkStatedPercents, type RowFigures } from './figure-checks';
import { formatAsWritten, withinTolerance } from './figure-precision';
import { unitFit, type UnitFit } from './match';
import { PlannedValues } from './planned-values';
import { resolveTarget, targetKey, type ResolvedTarget } from './roles';
import type { RowWork } from './settle-row';
import { indexTargetOf, type SheetColumns } from './sheet-columns';
import type { SheetContext } from './sheet-context';
import type { SheetFindings } from './sheet-findings';
import { cellOf, type SheetGrid } from './table';
import { figureStatusOf, targetLabel } from './target-periods';
import { convertFigure } from './units';

interface FigurePlanning {
  grid: SheetGrid;
  ctx: SheetContext;
  columns: SheetColumns;
  findings: SheetFindings;
  values: PlannedValues;
}

/** The columns of a row that hold one indicator's figures, by their place among the data columns. */
interface FigureGroup {
  indicator: Indicator;
  fit: UnitFit;
  columns: Set<number>;
}

export function planFigures(
  grid: SheetGrid,
  ctx: SheetContext,
  columns: SheetColumns,
  findings: SheetFindings,
  work: readonly RowWork[],
): PlannedValues {
  const planning: FigurePlanning = { grid, ctx, columns, findings, values: new PlannedValues(grid, columns.evidence) };
  for (const w of work) {
    reportFiguresLeftOut(findings, w);
    if (w.preview.state !== 'matched' || !w.indicator || !w.fit) continue;
    for (const group of figureGroups(planning, w)) planRowFigures(planning, w, group);
  }
  return planning.values;
}

/** Figures on a row whose unit does not fit, or on a group's row, are told and not written. */
function reportFiguresLeftOut(findings: SheetFindings, w: RowWork): void {
  const p = w.preview;
  const r = p.row;
  if (p.state === 'unit_mismatch' && w.hasFigures) {
    findings.add(
      'error',
      'unit-family',
      `Dòng ${r} "${p.name}" (ô ${p.cell}): ${p.note ?? ''} Dòng này không được nhập.`,
      p.cell,
      w.indicator?.code ?? null,
    );
  }
  if (p.state === 'group' && w.hasFigures) {
    findings.add(
      'info',
      'group-figures',
      `Dòng ${r} "${p.name}" là nhóm ${w.indicator?.code ?? ''}: nhóm không có số liệu riêng nên số trên dòng này không được nhập.`,
      p.cell,
      w.indicator?.code ?? null,
    );
  }
}

/** The columns of a row by the indicator they hold: one, or one per unit its headings state. */
function figureGroups(planning: FigurePlanning, w: RowWork): FigureGroup[] {
  const { columns } = planning;
  const groups = new Map<string, FigureGroup>();
  const skippedColumns = new Set<string>();
  for (const [i, u] of columns.data.entries()) {
    const unit = columns.unitOf.get(u.letter);
    const own = unit ? w.byUnit.get(unit) : undefined;
    const indicator = own?.indicator ?? w.indicator;
    const fit = own?.fit ?? (unit ? unitFit(unit, indicator ?? { unit: '' }) : w.fit);
    if (!indicator || !fit) continue;
    // A figure whose heading states a unit the indicator cannot hold, or a column of no unit in a row of
    // several, belongs to no indicator found for the row.
    const fits = fit.kind === 'same' || fit.kind === 'convert' || fit.kind === 'assumed';
    if (!fits || (!unit && w.byUnit.size > 1)) {
      if (w.figures[i]?.kind === 'number') skippedColumns.add(u.letter);
      continue;
    }
    let g = groups.get(indicator.code);
    if (!g) groups.set(indicator.code, (g = { indicator, fit, columns: new Set() }));
    g.columns.add(i);
  }
  if (skippedColumns.size > 0) {
    const letters = [...skippedColumns].join(', ');
    planning.findings.add(
      'info',
      'column-unit',
      `Dòng ${w.preview.row} "${w.preview.name}": số ở cột ${letters} không nhập, vì đơn vị của cột không khớp chỉ tiêu nào tìm được cho dòng này.`,
      w.preview.cell,
      w.indicator?.code ?? null,
    );
  }
  return [...groups.values()];
}

function planRowFigures(planning: FigurePlanning, w: RowWork, group: FigureGroup): void {
  const { grid, ctx, findings } = planning;
  const { indicator, fit } = group;
  const p = w.preview;
  const r = p.row;
  if (fit.kind === 'assumed' && w.hasFigures) {
    findings.add(
      'warning',
      'unit-assumed',
      `Dòng ${r} "${p.name}" (ô ${p.cell}) không ghi đơn vị tính: số liệu được coi là "${indicator.unit}".`,
      p.cell,
      indicator.code,
    );
  }
  const row = planDataFigures(planning, w, group);
  if (indicator.kind === 'index') planIndexFromPercents(planning, w, indicator, row);
  if (indicator.kind === 'flow') {
    checkCumulatives(findings, indicator, r, row);
    checkStatedPercents(grid, ctx, findings, indicator, r, row);
  }
}

/** The figures of the row's data columns, converted to the catalog's unit; its percentages are set aside. */
function planDataFigures(planning: FigurePlanning, w: RowWork, group: FigureGroup): RowFigures {
  const { grid, columns, findings } = planning;
  const { indicator, fit } = group;
  const r = w.preview.row;
  const factor = fit.kind === 'convert' ? fit.factor : 1;
  const row: RowFigures = { values: new Map(), cells: new Map(), refused: new Set(), percents: [] };
  for (const [i, u] of columns.data.entries()) {
    if (!group.columns.has(i)) continue;
    const figure = w.figures[i] ?? { kind: 'none' };
    if (u.role?.role === 'percent') {
      row.percents.push({ use: u, figure });
      continue;
    }
    if (u.role?.role !== 'data') continue;
    const target = columns.resolved.get(u.letter);
    const cell = cellOf(grid, r, u.col);
    const address = cellAddress(r, u.col);
    if (figure.kind === 'none') continue;
    if (figure.kind === 'problem') {
      findings.unreadableCell(
        { address, isFormula: cell?.t === 'f' },
        indicator.code,
        u.heading,
        figure.reason,
        ' Ô này không được nhập.',
      );
      if (target) row.refused.add(targetKey(target));
      continue;
    }
    if (!target) continue;
    const value = convertFigure(figure.value, factor);
    const key = columns.keyOf.get(u.letter) ?? targetKey(target);
    if (outOfRange(findings, indicator, target, value, address, u.heading)) {
      row.refused.add(key);
      continue;
    }
    row.values.set(key, value);
    row.cells.set(key, address);
    const status = columns.statusOf.get(u.letter) ?? null;
    addValue(planning, w.preview.evidence ?? '', indicator, target, status, r, u.col, figure.value, value);
  }
  return row;
}

/** An index stated only as "so với cùng kỳ (%)" is the index itself; given twice, the data column is written. */
function planIndexFromPercents(planning: FigurePlanning, w: RowWork, indicator: Indicator, row: RowFigures): void {
  const { grid, ctx, columns, findings } = planning;
  const sheet = findings.sheet;
  const r = w.preview.row;
  for (const { use: u, figure } of row.percents) {
    if (u.role?.role !== 'percent') continue;
    const own = indexTargetOf(u.role);
    const target = own ? resolveTarget(own, ctx.report) : null;
    if (!target || row.refused.has(targetKey(target))) continue;
    const cell = cellOf(grid, r, u.col);
    const address = cellAddress(r, u.col);
    const inDataColumn = row.values.get(targetKey(target));
    if (inDataColumn !== undefined) {
      // The index given twice: the data column is written, the comparison column only checked against it.
      if (figure.kind === 'number' && !withinTolerance(figure.value, inDataColumn)) {
        findings.add(
          'warning',
          'stated-percent',
          `${sheet}!${address}: "${u.heading}" của ${indicator.code} ghi ${formatAsWritten(figure.value)}, nhưng ô ${row.cells.get(targetKey(target)) ?? ''} ghi chỉ số ${targetLabel(target)} là ${formatAsWritten(inDataColumn)}.`,
          address,
          indicator.code,
        );
      }
      continue;
    }
    if (figure.kind === 'problem') {
      findings.unreadableCell(
        { address, isFormula: cell?.t === 'f' },
        indicator.code,
        u.heading,
        figure.reason,
        ' Ô này không được nhập.',
      );
    }
    if (figure.kind !== 'number' || outOfRange(findings, indicator, target, figure.value, address, u.heading)) continue;
    row.values.set(targetKey(target), figure.value);
    const status = figureStatusOf(target, columns.statusOf.get(u.letter) ?? null, ctx.today);
    addValue(planning, w.preview.evidence ?? '', indicator, target, status, r, u.col, figure.value, figure.value);
  }
}

/** A figure its indicator's kind cannot hold is refused with the reason, like prose in a number cell. */
function outOfRange(
  findings: SheetFindings,
  indicator: Indicator,
  target: ResolvedTarget,
  value: number,
  address: string,
  heading: string,
): boolean {
  const breach = rangeBreachOf(indicator, value, () => targetLabel(target));
  if (!breach) return false;
  findings.add(
    'error',
    'out-of-range',
    `${findings.sheet}!${address} (${indicator.code}, cột "${heading}"): ${breach.message} Ô này không được nhập; hãy sửa trong tệp.`,
    address,
    indicator.code,
  );
  return true;
}

/** A figure to write, beside the one stored now: new, changed, the same, or an estimate kept from the actual. */
function addValue(
  planning: FigurePlanning,
  rowEvidence: string,
  indicator: Indicator,
  target: ResolvedTarget,
  status: ValueStatus | null,
  row: number,
  col: number,
  read: number,
  value: number,
): void {
  const current = planning.ctx.current(indicator.code, target);
  let change: ValueChange;
  if (!current) change = 'new';
  else if (current.value === value && (target.kind === 'plan' || current.status === status)) change = 'same';
  else if (target.kind === 'value' && current.status === 'actual' && status === 'estimate')
    change = current.value === value ? 'same' : 'kept';
  else change = 'changed';
  planning.values.add({
    row,
    col,
    code: indicator.code,
    target,
    read,
    value,
    status,
    current: current ? { value: current.value, status: current.status, comment: current.comment } : null,
    change,
    rowEvidence,
  });
}
