import { useCallback, useEffect, useMemo } from 'react';
import { formatPeriodKey, type Period } from '../../../shared/periods/period';
import { useHashParam } from '../../app/use-hash-param';
import { openingPeriod, rememberPeriod } from './last-period';

/**
 * The period a screen shows: the one in the URL (`ky`, shared by Nhập liệu, Kiểm tra and the header), else the
 * one the clerk last worked on this month, else the month just ended. The period shown is remembered.
 */
export function usePeriodChoice() {
  const today = useMemo(() => new Date(), []);
  const [param, setParam] = useHashParam('ky');
  const period = useMemo(() => openingPeriod(param, today), [param, today]);
  const periodKey = formatPeriodKey(period);
  useEffect(() => {
    if (param !== null) rememberPeriod(period, today);
  }, [param, period, today]);
  const setPeriod = useCallback((p: Period) => setParam(formatPeriodKey(p)), [setParam]);
  return { period, periodKey, setPeriod, today };
}
