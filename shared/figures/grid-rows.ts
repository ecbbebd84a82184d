import type { GridRow, ValueSource } from '../api/values-entities';
import { percentOf, roundDecimal } from '../numbers/vi-number';
import {
  formatPeriodKey,
  lastMonth,
  type Period,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
} from '../periods/period';
import type { EnteredFigures, EnteredValue } from './entered-figures';
import { FigureResolver, type FigureIndicator } from './resolve-figures';

/** What the grid shows of the figure of its own period beyond the number: the clerk's note and its origin. */
export interface ValueDetail {
  comment: string | null;
  updatedBy: string;
  updatedAt: string;
  source: ValueSource;
}

export type EnteredFigure = EnteredValue & ValueDetail;

/** A grid row before validation adds its findings. */
export type ComputedRow = Omit<GridRow, 'findings'>;

export interface PlanFigures {
  giao: number | null;
  phanDau: number | null;
}

/** Comparisons are shown, exported and reported to one decimal (121,9): round once, here. */
function pct(part: number | null, whole: number | null): number | null {
  const p = percentOf(part, whole);
  return p === null ? null : roundDecimal(p, 1);
}

/**
 * The row of every indicator for one unit and period, as the columns of a Vietnamese report have it:
 * plan, same period last year, previous period, this period, cumulative, cumulative last year, and the
 * comparisons. Only flows are compared and cumulated by arithmetic; an index or ratio shows what was
 * entered for each period, cumulative ones included.
 */
export function computeGridRows(
  indicators: readonly FigureIndicator[],
  period: Period,
  figures: EnteredFigures,
  details: ReadonlyMap<string, ValueDetail>,
  plans: ReadonlyMap<string, PlanFigures>,
  resolver = new FigureResolver(indicators, (code, key) => figures.get(code)?.get(key)?.value),
): ComputedRow[] {
  const ytd = ytdThrough(period.year, lastMonth(period));
  const same = samePeriodLastYear(period);
  const ytdSame = samePeriodLastYear(ytd);
  const previous = previousPeriod(period);
  const periodKey = formatPeriodKey(period);

  return indicators.map((indicator) => {
    const ownFigures = figures.get(indicator.code);
    const own = ownFigures?.get(periodKey) ?? null;
    const detail = own ? details.get(indicator.code) : undefined;
    const plan = plans.get(indicator.code) ?? { giao: null, phanDau: null };
    const isFlow = indicator.kind === 'flow';
    const parts = isFlow ? resolver.fromParts(indicator.code, period) : null;
    const current = own?.value ?? parts?.value ?? null;
    const enteredOnly = (p: Period | null) =>
      p === null ? null : (ownFigures?.get(formatPeriodKey(p))?.value ?? null);
    const figure = (p: Period | null) => (isFlow ? resolver.value(indicator.code, p) : enteredOnly(p));
    const ytdValue = figure(ytd);
    const ytdSameValue = figure(ytdSame);
    const samePeriodValue = figure(same);
    return {
      code: indicator.code,
      value: own?.value ?? null,
      status: own?.status ?? null,
      comment: detail?.comment ?? null,
      valueFromParts: parts?.value ?? null,
      partsOrigin: parts && parts.origin !== 'entered' ? parts.origin : null,
      plan: plan.giao,
      planStretch: plan.phanDau,
      samePeriod: samePeriodValue,
      previous: figure(previous),
      ytd: ytdValue,
      ytdSamePeriod: ytdSameValue,
      pctOfPlan: isFlow ? pct(ytdValue, plan.giao) : null,
      pctOfPlanStretch: isFlow ? pct(ytdValue, plan.phanDau) : null,
      pctOfSamePeriod: isFlow ? pct(current, samePeriodValue) : null,
      pctYtdOfSamePeriod: isFlow ? pct(ytdValue, ytdSameValue) : null,
      updatedBy: detail?.updatedBy ?? null,
      updatedAt: detail?.updatedAt ?? null,
      source: detail?.source ?? null,
    };
  });
}
