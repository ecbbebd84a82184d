import type { ValueStatus } from '../api/values-entities';

export interface EnteredValue {
  indicatorCode: string;
  period: string;
  value: number;
  status: ValueStatus;
}

/**
 * The entered figures of one unit by indicator and period key, as the rules look them up. A change replaces
 * the map of the indicator it touches instead of changing it in place, so that what is worked out from one
 * indicator's figures can be remembered for as long as the same map stands.
 */
export type EnteredFigures = ReadonlyMap<string, ReadonlyMap<string, EnteredValue>>;

export function indexEnteredFigures(values: Iterable<EnteredValue>): Map<string, Map<string, EnteredValue>> {
  const byCode = new Map<string, Map<string, EnteredValue>>();
  for (const v of values) {
    let periods = byCode.get(v.indicatorCode);
    if (!periods) byCode.set(v.indicatorCode, (periods = new Map()));
    periods.set(v.period, v);
  }
  return byCode;
}
