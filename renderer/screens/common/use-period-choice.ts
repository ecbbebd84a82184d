import { useCallback, useMemo } from 'react';
import { formatPeriodKey, type Period } from '../../../shared/periods/period';
import { useHashParam } from '../../app/use-hash-param';
import { periodFromKey } from '../entry/period-choice';

/** The period a screen shows: the one in the URL (`ky`, shared by Nhập liệu, Kiểm tra and the header), else this month. */
export function usePeriodChoice() {
  const today = useMemo(() => new Date(), []);
  const [param, setParam] = useHashParam('ky');
  const period = useMemo(() => periodFromKey(param, today), [param, today]);
  const setPeriod = useCallback((p: Period) => setParam(formatPeriodKey(p)), [setParam]);
  return { period, periodKey: formatPeriodKey(period), setPeriod, today };
}
