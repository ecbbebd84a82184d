import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PeriodStatus } from '../../../shared/api/period-state-entities';
import { refusalVi } from '../../../shared/periods/period-lock';
import { api } from '../../api/api';
import { lockKeyOf, type EntryTarget } from './entry-writes';

/**
 * Why each column's figures may not be written now, by column id: the period they belong to (this one, last
 * year's, or the plan's year) is approved or closed. Asked before anything is sent, so the clerk reads the reason
 * on the cell; the backend refuses such a write too.
 */
export function useEntryLocks(
  unitId: number | undefined,
  targets: Readonly<Record<string, EntryTarget>>,
): ReadonlyMap<string, string> {
  const entries = Object.entries(targets);
  const statuses = useQueries({
    queries: entries.map(([, target]) => {
      const input = { unitId, period: lockKeyOf(target) };
      return {
        queryKey: ['periods.status', input],
        queryFn: () => api.call('periods.status', input),
        enabled: unitId !== undefined,
      };
    }),
  });
  const refusals = entries.flatMap(([columnId, target], i): [string, string][] => {
    const status = statuses[i]?.data as PeriodStatus | undefined;
    return status?.lock ? [[columnId, refusalVi(target.label, status.unitName, status.lock, lockKeyOf(target))]] : [];
  });
  // Kept while the refusals read the same: the grid redraws when its cells' reasons change, not on every render.
  const key = JSON.stringify(refusals);
  return useMemo(() => new Map(JSON.parse(key) as [string, string][]), [key]);
}
