/**
 * Checks of a row's figures against what the sheet states beside them: the cumulative against its own last
 * month, the stated percentages against the figures they compare. They warn; they never write a figure.
 */
import type { Indicator } from '../api/entities';
import { formatViNumber, percentOf } from '../numbers/vi-number';
import { formatPeriodKey, periodLabelVi, type Period } from '../periods/period';
import { cellAddress, type CellFigure } from './cells';
import { formatAsWritten, withinTolerance } from './figure-precision';
import { resolveTarget, targetKey, type ResolvedTarget } from './roles';
import type { ColumnUse } from './sheet-columns';
import type { SheetContext } from './sheet-context';
import type { SheetFindings } from './sheet-findings';
import { cellOf, type SheetGrid } from './table';
import { periodOfKey, targetLabel } from './target-periods';

/** The figures of one row for one indicator, as they are planned. */
export interface RowFigures {
  /** By target key: the figure written, and its cell. */
  values: Map<string, number>;
  cells: Map<string, string>;
  /** Targets whose own cell was refused: a comparison column must not slip its figure in instead. */
  refused: Set<string>;
  /** The row's stated percentages, by their column. */
  percents: { use: ColumnUse; figure: CellFigure }[];
}

/**
 * A cumulative figure of a flow is never below the figure of its own last month, and through January it is
 * January's: when a row says otherwise one of the two cells is wrong, and the clerk is told which two.
 */
export function checkCumulatives(findings: SheetFindings, indicator: Indicator, r: number, row: RowFigures): void {
  const sheet = findings.sheet;
  const tolerance = 0.5 * 10 ** -indicator.decimals;
  for (const [key, cumulative] of row.values) {
    const period = periodOfKey(key);
    if (period?.kind !== 'ytd') continue;
    const month: Period = { kind: 'month', year: period.year, month: period.throughMonth };
    const monthKey = formatPeriodKey(month);
    const monthly = row.values.get(monthKey);
    if (monthly === undefined) continue;
    const first = period.throughMonth === 1;
    if (first ? Math.abs(cumulative - monthly) <= tolerance : cumulative >= monthly - tolerance) continue;
    const cells = `${sheet}!${row.cells.get(key) ?? ''} và ${sheet}!${row.cells.get(monthKey) ?? ''}`;
    findings.add(
      'warning',
      'cumulative-below-month',
      `Dòng ${r} (${indicator.code}): ${periodLabelVi(period)} là ${formatAsWritten(cumulative)}, ${first ? 'khác' : 'nhỏ hơn'} số ${periodLabelVi(month)} là ${formatAsWritten(monthly)}; một trong hai ô ${cells} có thể sai.`,
      row.cells.get(key) ?? null,
      indicator.code,
    );
  }
}

/** Stated percentages of a flow are checks against the figures, never data. */
export function checkStatedPercents(
  grid: SheetGrid,
  ctx: SheetContext,
  findings: SheetFindings,
  indicator: Indicator,
  r: number,
  row: RowFigures,
): void {
  const sheet = findings.sheet;
  for (const { use: u, figure } of row.percents) {
    if (u.role?.role !== 'percent') continue;
    const cell = cellOf(grid, r, u.col);
    const address = cellAddress(r, u.col);
    if (figure.kind === 'none') continue;
    if (figure.kind === 'problem') {
      findings.unreadableCell({ address, isFormula: cell?.t === 'f' }, indicator.code, u.heading, figure.reason);
      continue;
    }
    const of = resolveTarget(u.role.of, ctx.report);
    const to = resolveTarget(u.role.to, ctx.report);
    if (!of || !to) continue;
    const amount = (t: ResolvedTarget): number | null => {
      const inRow = row.values.get(targetKey(t));
      if (inRow !== undefined) return inRow;
      if (t.kind === 'plan') return ctx.current(indicator.code, t)?.value ?? null;
      const period = periodOfKey(t.period);
      return period ? ctx.figure(indicator.code, period) : null;
    };
    const computed = percentOf(amount(of), amount(to));
    if (computed === null || withinTolerance(figure.value, computed)) continue;
    findings.add(
      'warning',
      'stated-percent',
      `${sheet}!${address}: "${u.heading}" của ${indicator.code} ghi ${formatAsWritten(figure.value)}%, nhưng số liệu cho ${formatViNumber(computed, 1)}% (${targetLabel(of)} so với ${targetLabel(to)}).`,
      address,
      indicator.code,
    );
  }
}
