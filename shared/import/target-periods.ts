/** The periods behind a figure's target: parsed once per key, named in words, and whether they are over. */
import type { ValueStatus } from '../api/values-entities';
import { lastMonth, parsePeriod, type Period } from '../periods/period';
import { resolvedTargetLabel, type ResolvedTarget } from './roles';

const periodCache = new Map<string, Period | null>();
export function periodOfKey(key: string): Period | null {
  let p = periodCache.get(key);
  if (p === undefined) {
    const parsed = parsePeriod(key);
    p = parsed.ok ? parsed.period : null;
    periodCache.set(key, p);
  }
  return p;
}

/** The period key of a target of figures; empty for a plan or no target. */
export function keyOfTarget(target: ResolvedTarget | null | undefined): string {
  return target?.kind === 'value' ? target.period : '';
}

/** A period still running (or in the future) is reported as an estimate; one that is over, as actual. */
export function defaultStatusOf(period: Period, today: Date): ValueStatus {
  const current = today.getFullYear() * 12 + today.getMonth();
  const end = period.year * 12 + (lastMonth(period) - 1);
  return end < current ? 'actual' : 'estimate';
}

/** A figure's status: as its heading says, else by whether its period is over; plans have none. */
export function figureStatusOf(
  target: ResolvedTarget,
  headingStatus: ValueStatus | null,
  today: Date,
): ValueStatus | null {
  if (target.kind !== 'value') return null;
  const period = periodOfKey(target.period);
  return headingStatus ?? (period ? defaultStatusOf(period, today) : 'actual');
}

export function targetLabel(target: ResolvedTarget): string {
  return resolvedTargetLabel(target, periodOfKey);
}
