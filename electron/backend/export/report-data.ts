/**
 * The figures a report shows for one reporting unit and period, from the same computation as the entry grid
 * (computeGridRows over the in-memory history), plus what only a report has: the estimate of the year and next
 * year's plan from October on, and the statuses that decide "Ước thực hiện" or "Thực hiện" in a heading.
 */
import type { ChitieuDb } from '../../../db/connection';
import type { Indicator, ReportingUnit } from '../../../shared/api/entities';
import type { ValidationReport } from '../../../shared/api/validation-entities';
import type { ValueStatus } from '../../../shared/api/values-entities';
import { computeGridRows } from '../../../shared/figures/grid-rows';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import { formatPeriodKey, lastMonth, monthPeriod, ytdThrough, type Period } from '../../../shared/periods/period';
import type { CatalogCache } from '../catalog/catalog-cache';
import type { HistoryCache } from '../values/history-cache';
import { planFiguresOf } from '../plans/plan-figures';
import { validateUnitPeriod } from '../validation/validation-service';
import type { FigureKey } from './report-columns';

/** What an export reads: the database and the backend's caches (HandlerContext has all three). */
export interface ExportContext {
  db: ChitieuDb;
  history: HistoryCache;
  catalog: CatalogCache;
}

export type RowFigures = Record<FigureKey, number | null>;

export interface UnitFigures {
  unit: ReportingUnit;
  /** By indicator code, for every active indicator. */
  rows: Map<string, RowFigures>;
  /** The statuses of the entered figures in each column, for its heading. */
  statuses: Map<FigureKey, Set<ValueStatus>>;
  validation: ValidationReport;
}

export const emptyFigures = (): RowFigures => ({
  plan: null,
  planStretch: null,
  previous: null,
  closingMonth: null,
  value: null,
  ytd: null,
  samePeriod: null,
  ytdSamePeriod: null,
  yearEstimate: null,
  planNextYear: null,
});

/** The indicators a report lists: the active ones, parents before children (the catalog cache's order). */
export function reportedIndicators(catalog: CatalogCache): Indicator[] {
  return catalog.all().filter((i) => i.active);
}

export function gatherUnitFigures(
  ctx: ExportContext,
  unit: ReportingUnit,
  period: Period,
  periods: ReadonlyMap<FigureKey, Period>,
): UnitFigures {
  const all = ctx.catalog.all();
  const entered = ctx.history.entered(unit.id);
  const resolver = new FigureResolver(all, (code, key) => entered.get(code)?.get(key)?.value);
  const plans = planFiguresOf(ctx.db, unit.id, period.year);
  const computed = computeGridRows(all, period, entered, new Map(), plans, resolver);
  const last = lastMonth(period);
  const yearPeriod = ytdThrough(period.year, 12);
  const yearKey = formatPeriodKey(yearPeriod);
  const closingMonth = period.kind === 'ytd' ? monthPeriod(period.year, last) : null;
  const closingKey = closingMonth === null ? null : formatPeriodKey(closingMonth);
  const nextPlans = last >= 10 ? planFiguresOf(ctx.db, unit.id, period.year + 1) : new Map();
  const keyOf = new Map<FigureKey, string>([...periods].map(([k, p]) => [k, formatPeriodKey(p)]));

  const rows = new Map<string, RowFigures>();
  const statuses = new Map<FigureKey, Set<ValueStatus>>();
  computed.forEach((row, i) => {
    const indicator = all[i];
    if (!indicator?.active) return;
    const isFlow = indicator.kind === 'flow';
    const figures: RowFigures = {
      plan: row.plan,
      planStretch: row.planStretch,
      previous: row.previous,
      closingMonth: null,
      value: row.value ?? row.valueFromParts,
      ytd: row.ytd,
      samePeriod: row.samePeriod,
      ytdSamePeriod: row.ytdSamePeriod,
      yearEstimate: null,
      planNextYear: null,
    };
    if (closingMonth !== null && closingKey !== null) {
      figures.closingMonth = isFlow
        ? resolver.value(indicator.code, closingMonth)
        : (entered.get(indicator.code)?.get(closingKey)?.value ?? null);
    }
    if (last >= 10 && last < 12) {
      figures.yearEstimate = isFlow
        ? resolver.value(indicator.code, yearPeriod)
        : (entered.get(indicator.code)?.get(yearKey)?.value ?? null);
    }
    if (last >= 10) figures.planNextYear = nextPlans.get(indicator.code)?.giao ?? null;
    rows.set(indicator.code, figures);
    const own = entered.get(indicator.code);
    if (!own) return;
    for (const [key, periodKey] of keyOf) {
      const status = own.get(periodKey)?.status;
      if (!status) continue;
      let set = statuses.get(key);
      if (!set) statuses.set(key, (set = new Set()));
      set.add(status);
    }
  });
  const validation = validateUnitPeriod(ctx.db, ctx.history, ctx.catalog, unit, formatPeriodKey(period), resolver);
  return { unit, rows, statuses, validation };
}
