import type { IndicatorKind } from '../catalog/indicator-kinds';
import { cleanNumber } from '../numbers/vi-number';
import { formatPeriodKey, monthPeriod, monthsCovered, type Period, ytdThrough } from '../periods/period';

export interface FigureIndicator {
  code: string;
  parentCode: string | null;
  unit: string;
  kind: IndicatorKind;
  /** Retired indicators still count in the totals of the periods they have figures for. */
  active?: boolean;
}

export type PartsOrigin = 'months' | 'children';

export interface Figure {
  value: number;
  /** 'entered' is a stored figure; the others follow from the figures they add up. */
  origin: 'entered' | PartsOrigin;
}

/**
 * A flow parent adds up its children only where every child is a flow in the parent's own unit:
 * XNK = XK + NK, but XK's commodity rows (tonnes beside USD, and only a selection) never make XK.
 */
export function childrenAddUp(parent: FigureIndicator, children: readonly FigureIndicator[]): boolean {
  return (
    parent.kind === 'flow' && children.length > 0 && children.every((c) => c.kind === 'flow' && c.unit === parent.unit)
  );
}

const keys = new Map<number, string>();

/** The key of a period, built once: a grid or a check asks for the same few periods thousands of times. */
function keyOf(period: Period): string {
  const slot =
    period.kind === 'month' ? period.month : period.kind === 'quarter' ? 20 + period.quarter : 40 + period.throughMonth;
  const id = period.year * 100 + slot;
  let key = keys.get(id);
  if (key === undefined) keys.set(id, (key = formatPeriodKey(period)));
  return key;
}

interface KeptFigures {
  figure: Map<string, Figure | null>;
  parts: Map<string, Figure | null>;
}

/**
 * What a flow that adds up over its own months alone was found to be, by the figures it came from. Those
 * figures are replaced, never changed in place (see EnteredFigures), so the same object means the same
 * answers: after one saved cell, only the rows it touches are worked out again.
 */
const keptByFigures = new WeakMap<object, KeptFigures>();

function sumAll(values: (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return cleanNumber(total);
}

/**
 * Finds the figure of an indicator for a period, entered or derived, following the rules of domain.md:
 * flows add up over months (a cumulative is the previous cumulative plus the month, so an entered
 * "5 tháng" plus a June estimate gives "6 tháng") and over children; indices and ratios are published
 * figures of their own and are never derived.
 */
export class FigureResolver {
  private readonly byCode: Map<string, FigureIndicator>;
  private readonly children = new Map<string, FigureIndicator[]>();
  // By indicator, then period key: building one composite string key per lookup cost more than the lookups.
  private readonly memos = new Map<string, KeptFigures>();

  /**
   * figuresOf, when given, names the object holding an indicator's own entered figures; it must be replaced
   * whenever one of them changes. Flows whose figures follow from their own months are then remembered
   * across resolvers.
   */
  constructor(
    indicators: readonly FigureIndicator[],
    private readonly entered: (code: string, periodKey: string) => number | undefined,
    private readonly figuresOf?: (code: string) => object | undefined,
  ) {
    this.byCode = new Map(indicators.map((i) => [i.code, i]));
    for (const i of indicators) {
      if (i.parentCode === null) continue;
      const list = this.children.get(i.parentCode) ?? [];
      list.push(i);
      this.children.set(i.parentCode, list);
    }
  }

  /** The shared memo of a flow that depends on its own figures only, else this resolver's own. */
  private memosOf(code: string): KeptFigures {
    let memos = this.memos.get(code);
    if (memos !== undefined) return memos;
    const indicator = this.byCode.get(code);
    const figures = this.figuresOf?.(code);
    if (
      figures === undefined ||
      indicator === undefined ||
      indicator.kind !== 'flow' ||
      childrenAddUp(indicator, this.children.get(code) ?? [])
    ) {
      memos = { figure: new Map(), parts: new Map() };
    } else {
      memos = keptByFigures.get(figures);
      if (memos === undefined) keptByFigures.set(figures, (memos = { figure: new Map(), parts: new Map() }));
    }
    this.memos.set(code, memos);
    return memos;
  }

  /** The entered figure, else the one that follows from its parts. */
  figure(code: string, period: Period): Figure | null {
    const key = keyOf(period);
    const memo = this.memosOf(code).figure;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const stored = this.entered(code, key);
    const result: Figure | null =
      stored !== undefined ? { value: stored, origin: 'entered' } : this.fromParts(code, period);
    memo.set(key, result);
    return result;
  }

  value(code: string, period: Period | null): number | null {
    return period === null ? null : (this.figure(code, period)?.value ?? null);
  }

  /** What the months or the children add up to, whether or not a figure was entered for the period itself. */
  fromParts(code: string, period: Period): Figure | null {
    const key = keyOf(period);
    const memo = this.memosOf(code).parts;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const result = this.computeParts(code, period);
    memo.set(key, result);
    return result;
  }

  private computeParts(code: string, period: Period): Figure | null {
    const indicator = this.byCode.get(code);
    if (!indicator || indicator.kind !== 'flow') return null;
    const overMonths = this.overMonths(code, period);
    if (overMonths !== null) return { value: overMonths, origin: 'months' };
    const children = this.children.get(code) ?? [];
    if (childrenAddUp(indicator, children)) {
      // A retired child stays in the totals of the periods it reported, and drops out of later ones.
      const parts = children
        .map((c) => this.value(c.code, period))
        .filter((v, i) => v !== null || children[i]?.active !== false);
      const total = parts.length > 0 ? sumAll(parts) : null;
      if (total !== null) return { value: total, origin: 'children' };
    }
    return null;
  }

  private overMonths(code: string, period: Period): number | null {
    if (period.kind === 'month') return null;
    if (period.kind === 'quarter') return sumAll(monthsCovered(period).map((m) => this.value(code, m)));
    if (period.throughMonth === 1) return this.value(code, monthPeriod(period.year, 1));
    return sumAll([
      this.value(code, ytdThrough(period.year, period.throughMonth - 1)),
      this.value(code, monthPeriod(period.year, period.throughMonth)),
    ]);
  }
}
