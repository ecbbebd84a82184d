import type { PlanFigures } from '../figures/grid-rows';
import { childrenAddUp, FigureResolver, type FigureIndicator } from '../figures/resolve-figures';
import { cleanNumber, figureDecimals, formatViFigure, formatViNumber, percentOf } from '../numbers/vi-number';
import {
  formatPeriodKey,
  lastMonth,
  monthPeriod,
  monthsCovered,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../periods/period';
import { builtinRules, type BuiltinRuleId } from './builtin-rules';
import { indexEnteredFigures, type EnteredFigures, type EnteredValue } from '../figures/entered-figures';
import { findingKey, type Finding, type Severity } from './finding';
import { rangeBreachOf } from './figure-range';
import { robustBaseline, robustZOf, type RobustBaseline } from './robust-z';
import { defaultBand, defaultRuleSettings, type IndicatorRuleSettings } from './rule-settings';
import { evaluateExpression, parseExpression, type PeriodOffset } from './expression';
import { brokenRuleVi, type UserRule } from './user-rule';

export interface ValidationIndicator extends FigureIndicator {
  nameVi: string;
  decimals: number;
  settings?: IndicatorRuleSettings;
}

export type { EnteredValue };

export interface StatedComparison {
  indicatorCode: string;
  period: string;
  measure: 'pctOfPlan' | 'pctOfSamePeriod' | 'pctYtdOfSamePeriod';
  value: number;
}

export interface ValidationInput {
  indicators: readonly ValidationIndicator[];
  period: Period;
  today: Date;
  /** The unit's entered figures; the outlier rule wants the history of the same indicator (12+ periods). */
  entered: EnteredFigures | readonly EnteredValue[];
  plans: ReadonlyMap<string, PlanFigures>;
  userRules?: readonly UserRule[];
  stated?: readonly StatedComparison[];
  /** A resolver over the same figures, when the caller has one already (the grid computes its rows with it). */
  resolver?: FigureResolver;
}

const severityOf = new Map<string, Severity>(builtinRules.map((r) => [r.id, r.severity]));
const outlierThreshold = 3.5;
const outlierMinHistory = 12;
/** Ten years of a month's history say what is usual for it; older figures describe another economy. */
export const historyYears = 10;

function decimalsOf(x: number): number {
  return String(x).split('.')[1]?.length ?? 0;
}

function tolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** The finest decimals among figures compared with each other: a figure typed more precisely is not rounded away. */
function figuresDecimals(values: readonly number[], indicatorDecimals: number): number {
  return Math.max(...values.map((x) => figureDecimals(x, indicatorDecimals)));
}

/**
 * How far a sum may lie from a total when each figure was rounded where it was written: half a unit of the last
 * decimal of each, at its indicator's decimals or its own when it has more.
 */
function roundingSlack(values: readonly number[], indicatorDecimals: number): number {
  return values.reduce((slack, x) => slack + 0.5 * 10 ** -figureDecimals(x, indicatorDecimals), 1e-9);
}

function endIndex(p: Period): number {
  return p.year * 12 + lastMonth(p);
}

function sameShape(a: Period, b: Period): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ytd' && b.kind === 'ytd') return a.throughMonth === b.throughMonth;
  return true;
}

/**
 * The keys of the periods whose figures make the history of a period for the outlier rule: the same shape
 * (month, quarter, the same cumulative), ending before it, within the last ten years. Worked out once per
 * check, so each indicator's history is a set lookup per figure instead of a parse.
 */
function historyKeys(period: Period): Set<string> {
  const keys = new Set<string>();
  const oldestYear = period.year - historyYears;
  for (let year = oldestYear; year <= period.year; year++) {
    const candidates: Period[] =
      period.kind === 'month'
        ? Array.from({ length: 12 }, (_, i) => ({ kind: 'month', year, month: i + 1 }))
        : period.kind === 'quarter'
          ? ([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter', year, quarter }))
          : [{ kind: 'ytd', year, throughMonth: period.throughMonth }];
    for (const p of candidates)
      if (sameShape(p, period) && endIndex(p) < endIndex(period)) keys.add(formatPeriodKey(p));
  }
  return keys;
}

const baselines = new WeakMap<ReadonlyMap<string, EnteredValue>, Map<string, RobustBaseline | null>>();

/**
 * What the history before a period says is usual for one indicator, remembered by the figures it came from:
 * an indicator's figures are replaced, never changed in place (see EnteredFigures), so after one saved cell
 * only that indicator's history is sorted again.
 */
function baselineOf(
  figures: ReadonlyMap<string, EnteredValue>,
  periodKey: string,
  pastKeys: ReadonlySet<string>,
): RobustBaseline | null {
  let byPeriod = baselines.get(figures);
  if (byPeriod === undefined) baselines.set(figures, (byPeriod = new Map()));
  let baseline = byPeriod.get(periodKey);
  if (baseline === undefined) {
    const history: number[] = [];
    for (const [key, e] of figures) if (pastKeys.has(key)) history.push(e.value);
    baseline = history.length >= outlierMinHistory ? robustBaseline(history) : null;
    byPeriod.set(periodKey, baseline);
  }
  return baseline;
}

/**
 * Checks one unit and period with the built-in rules and the department's own, and explains every finding in
 * Vietnamese with the figures involved. Pure: the same input gives the same findings, wherever it runs.
 */
export function validatePeriod(input: ValidationInput): Finding[] {
  const steps = validationSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many indicators a check works through between two pauses of validationSteps. */
const indicatorsPerStep = 200;

/**
 * validatePeriod in steps: it pauses after every few hundred indicators, so that a backend serving a clerk
 * can answer a save in between instead of making it wait for the whole check.
 */
export function* validationSteps(input: ValidationInput): Generator<void, Finding[]> {
  const { indicators, period } = input;
  const periodKey = formatPeriodKey(period);
  const label = periodLabelVi(period);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const enteredByCode = Array.isArray(input.entered)
    ? indexEnteredFigures(input.entered)
    : (input.entered as EnteredFigures);
  const entered = (code: string, key: string) => enteredByCode.get(code)?.get(key);
  const resolver =
    input.resolver ??
    new FigureResolver(
      indicators,
      (code, key) => entered(code, key)?.value,
      (code) => enteredByCode.get(code),
    );
  const childrenOf = new Map<string, ValidationIndicator[]>();
  for (const i of indicators) {
    if (i.parentCode === null) continue;
    const list = childrenOf.get(i.parentCode) ?? [];
    list.push(i);
    childrenOf.set(i.parentCode, list);
  }

  const findings: Finding[] = [];
  const add = (
    ruleId: BuiltinRuleId,
    indicator: ValidationIndicator,
    message: string,
    values: Record<string, number | null>,
  ) => {
    if ((indicator.settings ?? defaultRuleSettings).disabledRules.includes(ruleId)) return;
    findings.push({
      key: findingKey(ruleId, indicator.code, periodKey),
      ruleId,
      indicatorCode: indicator.code,
      period: periodKey,
      severity: severityOf.get(ruleId) ?? 'warning',
      message,
      values,
    });
  };
  const fmt = (x: number | null, indicator: ValidationIndicator) =>
    x === null ? '—' : formatViFigure(x, indicator.decimals);
  const ytd = ytdThrough(period.year, lastMonth(period));
  const same = samePeriodLastYear(period);
  const sameKey = formatPeriodKey(same);
  const pastKeys = historyKeys(period);
  const earlier = lastMonth(period) > 1 ? ytdThrough(period.year, lastMonth(period) - 1) : null;
  const periodOver = endIndex(period) <= input.today.getFullYear() * 12 + input.today.getMonth();

  for (const [n, indicator] of indicators.entries()) {
    if (n > 0 && n % indicatorsPerStep === 0) yield;
    if (indicator.kind === 'group' || indicator.active === false) continue;
    const settings = indicator.settings ?? defaultRuleSettings;
    const ownFigures = enteredByCode.get(indicator.code);
    const own = ownFigures?.get(periodKey);
    const isFlow = indicator.kind === 'flow';
    const current = own?.value ?? (isFlow ? resolver.value(indicator.code, period) : null);
    const samePeriodValue = isFlow ? resolver.value(indicator.code, same) : (ownFigures?.get(sameKey)?.value ?? null);

    if (current === null) {
      const required = settings.required ?? samePeriodValue !== null;
      if (required) {
        add(
          'required-missing',
          indicator,
          `Chưa có số liệu ${label} của "${indicator.nameVi}"${samePeriodValue !== null ? ` (cùng kỳ năm trước: ${fmt(samePeriodValue, indicator)} ${indicator.unit})` : ''}.`,
          {
            samePeriod: samePeriodValue,
          },
        );
      }
      continue;
    }

    const breach = own ? rangeBreachOf(indicator, own.value, () => label) : null;
    if (own && breach) add(breach.ruleId, indicator, breach.message, { value: own.value });

    if (isFlow && own) {
      const children = childrenOf.get(indicator.code) ?? [];
      if (childrenAddUp(indicator, children)) {
        const parts = children
          .map((c) => resolver.value(c.code, period))
          .filter((v, i) => v !== null || children[i]?.active !== false);
        if (parts.length > 0 && parts.every((p) => p !== null)) {
          const sum = cleanNumber(parts.reduce<number>((a, b) => a + (b ?? 0), 0));
          if (Math.abs(own.value - sum) > tolerance(indicator.decimals)) {
            add(
              'parent-sum',
              indicator,
              `"${indicator.nameVi}" (${fmt(own.value, indicator)}) khác tổng các chỉ tiêu con ${children.map((c) => c.code).join(' + ')} (${fmt(sum, indicator)}).`,
              {
                value: own.value,
                sumOfChildren: sum,
              },
            );
          }
        }
      }
    }

    if (isFlow && earlier !== null) {
      const ytdValue = resolver.value(indicator.code, ytd);
      const earlierValue = resolver.value(indicator.code, earlier);
      if (
        ytdValue !== null &&
        earlierValue !== null &&
        ytdValue < earlierValue - tolerance(figuresDecimals([ytdValue, earlierValue], indicator.decimals))
      ) {
        add(
          'ytd-decreasing',
          indicator,
          `Lũy kế ${periodLabelVi(ytd)} của "${indicator.nameVi}" (${fmt(ytdValue, indicator)}) thấp hơn ${periodLabelVi(earlier)} (${fmt(earlierValue, indicator)}): số lũy kế không thể giảm.`,
          {
            ytd: ytdValue,
            previousYtd: earlierValue,
          },
        );
      }
    }

    if (isFlow && earlier !== null) {
      // A cumulative holds each of its months, so it is never below one of them (a flow is never negative).
      const ytdValue = resolver.value(indicator.code, ytd);
      let largest: { month: Period; value: number } | null = null;
      for (const month of monthsCovered(ytd)) {
        const value = resolver.value(indicator.code, month);
        if (value !== null && (largest === null || value > largest.value)) largest = { month, value };
      }
      if (
        ytdValue !== null &&
        largest !== null &&
        ytdValue < largest.value - tolerance(figuresDecimals([ytdValue, largest.value], indicator.decimals))
      ) {
        add(
          'ytd-below-month',
          indicator,
          `"${indicator.nameVi}": ${periodLabelVi(ytd)} (${fmt(ytdValue, indicator)}) nhỏ hơn ${periodLabelVi(largest.month)} (${fmt(largest.value, indicator)}): số lũy kế không thể nhỏ hơn số của một tháng trong kỳ.`,
          {
            ytd: ytdValue,
            month: largest.value,
          },
        );
      }
    }

    if (isFlow && own && period.kind !== 'month') {
      const months = monthsCovered(period);
      const stored = months.map((m) => entered(indicator.code, formatPeriodKey(m))?.value ?? null);
      if (stored.every((v): v is number => v !== null)) {
        // Every month is stored: the total is theirs, within what the rounding of each figure explains.
        const sum = cleanNumber(stored.reduce((a, b) => a + b, 0));
        if (Math.abs(own.value - sum) > roundingSlack([own.value, ...stored], indicator.decimals)) {
          const span =
            months.length === 1
              ? periodLabelVi(months[0] ?? period)
              : `${periodLabelVi(months[0] ?? period)} đến ${periodLabelVi(months[months.length - 1] ?? period)}`;
          add(
            'ytd-vs-months',
            indicator,
            `"${indicator.nameVi}" ${label} nhập trực tiếp (${fmt(own.value, indicator)}) khác tổng ${months.length} tháng đã nhập, ${span} (${fmt(sum, indicator)}).`,
            {
              value: own.value,
              sumOfMonths: sum,
            },
          );
        }
      } else if (period.kind === 'ytd' && period.throughMonth > 1) {
        // Some months are missing: the previous cumulative and the last month still make this one.
        const before = ytdThrough(period.year, period.throughMonth - 1);
        const month = monthPeriod(period.year, period.throughMonth);
        const beforeValue = resolver.value(indicator.code, before);
        const monthValue = resolver.value(indicator.code, month);
        if (beforeValue !== null && monthValue !== null) {
          const sum = cleanNumber(beforeValue + monthValue);
          if (Math.abs(own.value - sum) > roundingSlack([own.value, beforeValue, monthValue], indicator.decimals)) {
            add(
              'ytd-vs-months',
              indicator,
              `"${indicator.nameVi}" ${label} nhập trực tiếp (${fmt(own.value, indicator)}) khác ${periodLabelVi(before)} (${fmt(beforeValue, indicator)}) cộng ${periodLabelVi(month)} (${fmt(monthValue, indicator)}), tức ${fmt(sum, indicator)}.`,
              { value: own.value, previousYtd: beforeValue, month: monthValue, sumOfMonths: sum },
            );
          }
        }
      }
    }

    if (isFlow && samePeriodValue !== null && samePeriodValue > 0) {
      const pct = percentOf(current, samePeriodValue);
      const low = settings.bandLow ?? defaultBand.low;
      const high = settings.bandHigh ?? defaultBand.high;
      if (pct !== null && (pct < low || pct > high)) {
        add(
          'same-period-band',
          indicator,
          `"${indicator.nameVi}" ${label} bằng ${formatViNumber(pct, 1)}% cùng kỳ năm trước, ngoài ngưỡng ${formatViNumber(low, decimalsOf(low))}–${formatViNumber(high, decimalsOf(high))}%.`,
          {
            value: current,
            samePeriod: samePeriodValue,
            percent: pct,
          },
        );
      }
    }

    if (own && ownFigures) {
      const z = robustZOf(own.value, baselineOf(ownFigures, periodKey, pastKeys));
      if (z !== null && Math.abs(z) > outlierThreshold) {
        add(
          'outlier',
          indicator,
          `"${indicator.nameVi}" ${label} (${fmt(own.value, indicator)}) khác xa các kỳ trước (z = ${formatViNumber(z, 1)}, ngưỡng ${formatViNumber(outlierThreshold, 1)}).`,
          {
            value: own.value,
            robustZ: z,
          },
        );
      }
    }

    const plan = input.plans.get(indicator.code)?.giao ?? null;
    if (isFlow && plan !== null && plan > 0) {
      const ytdValue = resolver.value(indicator.code, ytd);
      const share = percentOf(ytdValue, plan);
      const due = (lastMonth(period) / 12) * 100;
      if (share !== null && share + 1e-9 < due) {
        add(
          'behind-schedule',
          indicator,
          `"${indicator.nameVi}" lũy kế đạt ${formatViNumber(share, 1)}% kế hoạch năm, chậm so với tiến độ ${formatViNumber(due, 1)}% (${lastMonth(period)}/12 tháng).`,
          {
            ytd: ytdValue,
            plan,
            percent: share,
          },
        );
      }
    }

    if (own && own.status === 'estimate' && periodOver) {
      add(
        'estimate-not-replaced',
        indicator,
        `Số ${label} của "${indicator.nameVi}" vẫn là số ước tính dù kỳ đã kết thúc; hãy nhập số thực hiện.`,
        { value: own.value },
      );
    }
  }

  findings.push(...copiedGroups(indicators, childrenOf, entered, periodKey, sameKey, label));
  findings.push(...statedComparisons(input, byCode, resolver));
  findings.push(...userRuleFindings(input, byCode, resolver));
  return findings;
}

function copiedGroups(
  indicators: readonly ValidationIndicator[],
  childrenOf: ReadonlyMap<string, ValidationIndicator[]>,
  entered: (code: string, key: string) => EnteredValue | undefined,
  periodKey: string,
  sameKey: string,
  label: string,
): Finding[] {
  const out: Finding[] = [];
  for (const parent of indicators) {
    if (parent.active === false) continue;
    // The parent is left out: a total may be revised while every part was pasted from last year's sheet.
    const members = (childrenOf.get(parent.code) ?? []).filter((i) => i.kind !== 'group');
    const pairs = members
      .map((i) => ({ now: entered(i.code, periodKey)?.value, before: entered(i.code, sameKey)?.value }))
      .filter((p): p is { now: number; before: number } => p.now !== undefined && p.before !== undefined);
    if (pairs.length < 2) continue;
    if (pairs.every((p) => p.now === p.before)) {
      if ((parent.settings ?? defaultRuleSettings).disabledRules.includes('copied-group')) continue;
      out.push({
        key: findingKey('copied-group', parent.code, periodKey),
        ruleId: 'copied-group',
        indicatorCode: parent.code,
        period: periodKey,
        severity: 'warning',
        message: `Cả ${pairs.length} số liệu của nhóm "${parent.nameVi}" ${label} giống hệt cùng kỳ năm trước: có thể đã chép nhầm số năm trước.`,
        values: { identical: pairs.length },
      });
    }
  }
  return out;
}

function statedComparisons(
  input: ValidationInput,
  byCode: ReadonlyMap<string, ValidationIndicator>,
  resolver: FigureResolver,
): Finding[] {
  const out: Finding[] = [];
  const periodKey = formatPeriodKey(input.period);
  for (const stated of input.stated ?? []) {
    const indicator = byCode.get(stated.indicatorCode);
    if (!indicator || indicator.kind !== 'flow' || stated.period !== periodKey) continue;
    if ((indicator.settings ?? defaultRuleSettings).disabledRules.includes('stated-comparison')) continue;
    const ytd = ytdThrough(input.period.year, lastMonth(input.period));
    const computed =
      stated.measure === 'pctOfPlan'
        ? percentOf(resolver.value(indicator.code, ytd), input.plans.get(indicator.code)?.giao ?? null)
        : stated.measure === 'pctOfSamePeriod'
          ? percentOf(
              resolver.value(indicator.code, input.period),
              resolver.value(indicator.code, samePeriodLastYear(input.period)),
            )
          : percentOf(resolver.value(indicator.code, ytd), resolver.value(indicator.code, samePeriodLastYear(ytd)));
    if (computed === null || Math.abs(computed - stated.value) <= 0.1 + 1e-9) continue;
    const measureVi = {
      pctOfPlan: 'so với kế hoạch năm',
      pctOfSamePeriod: 'so với cùng kỳ',
      pctYtdOfSamePeriod: 'lũy kế so với cùng kỳ',
    }[stated.measure];
    out.push({
      key: findingKey(`stated-comparison:${stated.measure}`, indicator.code, periodKey),
      ruleId: 'stated-comparison',
      indicatorCode: indicator.code,
      period: periodKey,
      severity: 'warning',
      message: `Tỷ lệ ghi sẵn ${measureVi} của "${indicator.nameVi}" là ${formatViNumber(stated.value, 1)}%, nhưng số liệu cho ${formatViNumber(computed, 1)}%.`,
      values: { stated: stated.value, computed },
    });
  }
  return out;
}

function userRuleFindings(
  input: ValidationInput,
  byCode: ReadonlyMap<string, ValidationIndicator>,
  resolver: FigureResolver,
): Finding[] {
  const out: Finding[] = [];
  const periodKey = formatPeriodKey(input.period);
  const known = new Set(byCode.keys());
  const periodAt: Record<PeriodOffset, Period | null> = {
    current: input.period,
    samePeriod: samePeriodLastYear(input.period),
    previous: previousPeriod(input.period),
  };
  const lookup = (code: string, offset: PeriodOffset) => resolver.value(code, periodAt[offset]);
  for (const rule of input.userRules ?? []) {
    if (!rule.enabled) continue;
    const left = parseExpression(rule.left, known);
    const right = parseExpression(rule.right, known);
    if (!left.ok || !right.ok) continue;
    const refs = [...left.refs, ...right.refs];
    const present = refs.map((r) => lookup(r.code, r.offset) !== null);
    const leftRaw = evaluateExpression(left.expression, lookup, null);
    const rightRaw = evaluateExpression(right.expression, lookup, null);
    // The sides as compared: with a strategy that counts missing figures as 0, that is what the finding shows.
    let shownLeft = leftRaw;
    let shownRight = rightRaw;
    let violated: boolean;
    if (rule.operator === 'compulsory_pair' || rule.operator === 'exclusive_pair') {
      const l = leftRaw !== null;
      const r = rightRaw !== null;
      violated = rule.operator === 'compulsory_pair' ? l !== r : l && r;
    } else {
      if (rule.missing === 'skip_if_any_missing' && present.some((p) => !p)) continue;
      if (rule.missing === 'skip_if_all_missing' && present.every((p) => !p)) continue;
      if (rule.missing !== 'skip_if_any_missing') {
        shownLeft = evaluateExpression(left.expression, lookup, 0);
        shownRight = evaluateExpression(right.expression, lookup, 0);
      }
      if (shownLeft === null || shownRight === null) continue;
      const decimals = Math.max(0, ...refs.map((ref) => byCode.get(ref.code)?.decimals ?? 0));
      const tol = tolerance(decimals);
      const diff = cleanNumber(shownLeft - shownRight);
      violated = {
        eq: Math.abs(diff) > tol,
        ne: Math.abs(diff) <= tol,
        lt: !(diff < -tol),
        le: !(diff <= tol),
        gt: !(diff > tol),
        ge: !(diff >= -tol),
      }[rule.operator];
    }
    if (!violated) continue;
    const anchor = refs[0]?.code ?? '';
    const indicator = byCode.get(anchor);
    const show = (x: number | null) => (x === null ? 'không có' : formatViFigure(x, indicator?.decimals ?? 1));
    out.push({
      key: findingKey(`user:${rule.id}`, anchor, periodKey),
      ruleId: `user:${rule.id}`,
      indicatorCode: anchor,
      period: periodKey,
      severity: rule.severity,
      message: rule.message || `${rule.name}: ${brokenRuleVi(rule, show(shownLeft), show(shownRight))}.`,
      values: { left: shownLeft, right: shownRight },
    });
  }
  return out;
}
