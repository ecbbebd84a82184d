import type { Indicator } from '../../../shared/api/entities';
import type { ChartMonth, PlanShare, PlanShareGroup } from '../../../shared/api/chart-entities';
import { AppError } from '../../../shared/api/errors';
import type { EnteredFigures } from '../../../shared/figures/entered-figures';
import { computeGridRows, type ComputedRow } from '../../../shared/figures/grid-rows';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import { cleanNumber, percentOf } from '../../../shared/numbers/vi-number';
import { elapsedShareOfYear, monthPeriod, periodLabelVi, periodOrThrow } from '../../../shared/periods/period';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../handler-types';
import { planFiguresOf } from '../plans/plan-figures';
import { resolveUnit } from '../units/resolve-unit';

const noDetails = new Map<never, never>();

function resolverOf(indicators: readonly Indicator[], figures: EnteredFigures): FigureResolver {
  return new FigureResolver(indicators, (code, key) => figures.get(code)?.get(key)?.value);
}

function chartableIndicator(indicators: readonly Indicator[], code: string): Indicator {
  const indicator = indicators.find((i) => i.code === code);
  if (!indicator) throw new AppError('not_found', `Không có chỉ tiêu ${code}.`, { code }, 'indicator not found');
  if (indicator.kind === 'group') {
    throw new AppError(
      'bad_input',
      `"${indicator.nameVi}" là dòng nhóm, không có số liệu riêng để vẽ biểu đồ.`,
      { code },
      'group rows have no figures to chart',
    );
  }
  return indicator;
}

/** Only flows are checked against the schedule: an index or ratio has no share of an annual plan. */
function planShareOf(indicator: Indicator, row: ComputedRow | undefined, due: number): PlanShare | null {
  if (indicator.kind !== 'flow' || !row || row.ytd === null || row.plan === null || row.pctOfPlan === null) return null;
  const exact = percentOf(row.ytd, row.plan);
  return {
    code: indicator.code,
    nameVi: indicator.nameVi,
    unit: indicator.unit,
    decimals: indicator.decimals,
    ytd: row.ytd,
    plan: row.plan,
    pctOfPlan: row.pctOfPlan,
    // The same test as the behind-schedule rule of Kiểm tra, on the unrounded share, so the two never disagree.
    onSchedule: exact !== null && exact + 1e-9 >= due,
  };
}

export function indicatorChart(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { code, unitId, year }: ParsedInput<'charts.indicator'>,
): OperationOutput<'charts.indicator'> {
  const unit = resolveUnit(db, unitId);
  const indicators = catalog.all();
  const indicator = chartableIndicator(indicators, code);
  const figures = history.entered(unit.id);
  const resolver = resolverOf(indicators, figures);
  const plans = planFiguresOf(db, unit.id, year);
  const plan = plans.get(code) ?? { giao: null, phanDau: null };
  // The grid's own row computation for each month, on this one indicator with the whole catalog's resolver.
  const months: ChartMonth[] = Array.from({ length: 12 }, (_, i) => {
    const month = monthPeriod(year, i + 1);
    const [row] = computeGridRows([indicator], month, figures, noDetails, plans, resolver);
    const isFlow = indicator.kind === 'flow';
    return {
      month: i + 1,
      value: row?.value ?? row?.valueFromParts ?? null,
      samePeriod: row?.samePeriod ?? null,
      ytd: row?.ytd ?? null,
      ytdSamePeriod: row?.ytdSamePeriod ?? null,
      planToDate: isFlow && plan.giao !== null ? cleanNumber(plan.giao * elapsedShareOfYear(month)) : null,
    };
  });
  return {
    unitId: unit.id,
    code: indicator.code,
    nameVi: indicator.nameVi,
    unit: indicator.unit,
    kind: indicator.kind,
    decimals: indicator.decimals,
    year,
    plan: plan.giao,
    planStretch: plan.phanDau,
    months,
  };
}

export function planShares(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { period: periodKey, unitId }: ParsedInput<'charts.planShares'>,
): OperationOutput<'charts.planShares'> {
  const unit = resolveUnit(db, unitId);
  const period = periodOrThrow(periodKey);
  const indicators = catalog.all().filter((i) => i.active);
  const figures = history.entered(unit.id);
  const rows = computeGridRows(
    indicators,
    period,
    figures,
    noDetails,
    planFiguresOf(db, unit.id, period.year),
    resolverOf(catalog.all(), figures),
  );
  const rowOf = new Map(rows.map((r) => [r.code, r]));
  const due = cleanNumber(elapsedShareOfYear(period) * 100);
  // A group is a top-level row of the catalog with its direct children: XNK with XK and NK, SPCN with its products.
  const groups: PlanShareGroup[] = [];
  for (const top of indicators.filter((i) => i.parentCode === null)) {
    const members = [top, ...indicators.filter((i) => i.parentCode === top.code)];
    const items = members.map((i) => planShareOf(i, rowOf.get(i.code), due)).filter((s) => s !== null);
    if (items.length > 0) groups.push({ code: top.code, stt: top.stt, nameVi: top.nameVi, items });
  }
  return { unitId: unit.id, period: periodKey, periodLabel: periodLabelVi(period), elapsedPct: due, groups };
}
