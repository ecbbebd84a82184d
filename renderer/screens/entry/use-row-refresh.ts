import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { OperationInput } from '../../../shared/api/contract';
import type { ComputedGridRow, ValueGrid } from '../../../shared/api/values-entities';
import { api } from '../../api/api';
import type { RefreshRows } from '../../grid/use-undoable-writes';

/** Rows of one grid read merged with rows read again: their figures replace the old ones, their findings stay. */
export function mergeRows(grid: ValueGrid, fresh: readonly ComputedGridRow[]): ValueGrid {
  const byCode = new Map(fresh.map((r) => [r.code, r]));
  return {
    ...grid,
    rows: grid.rows.map((row) => {
      const next = byCode.get(row.code);
      return next === undefined ? row : { ...next, findings: row.findings };
    }),
  };
}

/**
 * Re-reads the rows a save wrote, and the sums above them, into the cached grid of the unit and period. One
 * re-read is under way at a time; rows saved meanwhile wait and go together in the next, so answers land
 * in the order the backend gave them and quick typing does not pile up reads ahead of the next save.
 */
export function useRowRefresh(gridInput: OperationInput<'values.grid'>): RefreshRows {
  const queryClient = useQueryClient();
  // One queue per grid: rows saved for another unit or period never ride along in this one's re-read.
  const state = useMemo(
    () => ({ queued: new Set<string>(), round: null as Promise<void> | null, last: Promise.resolve() }),
    [gridInput],
  );

  return useCallback(
    (rowIds) => {
      for (const id of rowIds) state.queued.add(id);
      if (state.round === null) {
        const next = state.last.then(async () => {
          const codes = [...state.queued];
          state.queued = new Set();
          state.round = null;
          const fresh = await api.call('values.rows', { unitId: gridInput.unitId, period: gridInput.period, codes });
          queryClient.setQueryData<ValueGrid>(['values.grid', gridInput], (old) =>
            old === undefined ? old : mergeRows(old, fresh.rows),
          );
        });
        state.round = next;
        state.last = next.catch(() => undefined);
      }
      return state.round;
    },
    [queryClient, gridInput, state],
  );
}
