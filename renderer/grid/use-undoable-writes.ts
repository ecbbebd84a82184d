import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppError } from '../../shared/api/errors';
import type { BatchResult } from '../../shared/api/values-entities';
import {
  emptyHistory,
  pushRedo,
  pushUndo,
  recordWrite,
  takeRedo,
  takeUndo,
  type Batches,
  type Step,
  type UndoHistory,
} from '../../shared/grid/undo-history';
import { api } from '../api/api';
import { createSaveStatus, type SaveStatus } from './save-status';
import { figureQueryKeys, summaryQueryKeys, summaryRefreshDelayMs } from './grid-features';

/** What a write gives back: its change-log batch, or one per place it wrote to (plans, and each period's figures). */
export type WriteResult = BatchResult | readonly BatchResult[];

function batchesOf(result: WriteResult): Batches {
  const results: readonly BatchResult[] = Array.isArray(result) ? result : [result as BatchResult];
  return results.flatMap((r) => (r.batchId === null ? [] : [r.batchId]));
}

export interface UndoableWrites {
  /**
   * Runs a write after every earlier one and records its batches as one step for Ctrl+Z; settles once the
   * figures are re-read. rowIds names the rows written, so that a screen that can re-read just those (and what
   * follows from them) does.
   */
  write<R extends WriteResult>(run: () => Promise<R>, rowIds?: readonly string[]): Promise<R>;
  /** Starts a write at once, ahead of the queue: for the last edit when the window closes. */
  writeNow(run: () => Promise<WriteResult>, rowIds?: readonly string[]): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Writes sent and not yet answered, and why the last one failed until a write succeeds. */
  status: SaveStatus;
}

/**
 * Brings the rows a write named up to date in the screen's cached figures; the screen knows which read holds
 * them and what else a change of them moves (the sums above).
 */
export type RefreshRows = (rowIds: readonly string[]) => Promise<void>;

/**
 * Saved writes of one screen, with undo and redo by change-log batch. Writes go one after another so that
 * two quick edits of the same cell reach the database in the order they were typed. A new scope (another
 * unit or period) starts a new history: undoing figures that are no longer on screen would be invisible.
 * With refreshRows, a write of known rows re-reads only those instead of the whole grid: a save must not
 * wait in the backend behind a re-read of thousands of rows.
 */
export function useUndoableWrites(scopeKey: string, refreshRows?: RefreshRows): UndoableWrites {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const history = useRef<UndoHistory>(emptyHistory);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Writes and reverts in the queue, not yet settled. */
  const queued = useRef(0);
  const [can, setCan] = useState({ undo: false, redo: false });
  const [status] = useState(createSaveStatus);
  const setFailure = useCallback((failure: string | null) => status.update((s) => ({ ...s, failure })), [status]);

  const setHistory = useCallback((next: UndoHistory) => {
    history.current = next;
    // Only a change of what the buttons offer re-renders: a re-render of a grid of thousands of rows is not free.
    const undo = next.undo.length > 0;
    const redo = next.redo.length > 0;
    setCan((old) => (old.undo === undo && old.redo === redo ? old : { undo, redo }));
  }, []);

  useEffect(() => setHistory(emptyHistory), [scopeKey, setHistory]);

  const summaryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(
    async (rowIds?: readonly string[]) => {
      // Marked stale at once, so that a screen opened meanwhile reads them afresh; re-read in place after the pause.
      for (const key of summaryQueryKeys) void queryClient.invalidateQueries({ queryKey: [key], refetchType: 'none' });
      clearTimeout(summaryTimer.current);
      summaryTimer.current = setTimeout(() => {
        for (const key of summaryQueryKeys) void queryClient.invalidateQueries({ queryKey: [key] });
      }, summaryRefreshDelayMs);
      if (refreshRows === undefined || rowIds === undefined) {
        await Promise.all(figureQueryKeys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        return;
      }
      // Figures of other periods and screens may follow from these rows too: they are read afresh when next shown.
      await Promise.all(
        figureQueryKeys.map((key) => queryClient.invalidateQueries({ queryKey: [key], refetchType: 'none' })),
      );
      try {
        await refreshRows(rowIds);
      } catch {
        await Promise.all(figureQueryKeys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      }
    },
    [queryClient, refreshRows],
  );

  const track = useCallback(
    <T>(promise: Promise<T>): Promise<T> => {
      status.update((s) => ({ ...s, pending: s.pending + 1 }));
      return promise.finally(() => status.update((s) => ({ ...s, pending: s.pending - 1, answered: true })));
    },
    [status],
  );

  const recordResult = useCallback(
    (result: WriteResult) => {
      const batches = batchesOf(result);
      if (batches.length > 0) setHistory(recordWrite(history.current, batches));
    },
    [setHistory],
  );

  const write = useCallback(
    <R extends WriteResult>(run: () => Promise<R>, rowIds?: readonly string[]): Promise<R> => {
      // With nothing ahead of it the write leaves at once, before the screen re-renders for the edit that caused it.
      const started = queued.current === 0 ? run() : queue.current.then(run);
      queued.current++;
      const saved = track(
        started.then(
          (result) => {
            recordResult(result);
            setFailure(null);
            return result;
          },
          (error: unknown) => {
            setFailure(errorText(error));
            throw error;
          },
        ),
      );
      queue.current = saved.catch(() => undefined).finally(() => queued.current--);
      return saved.then(async (result) => {
        await refresh(rowIds);
        return result;
      });
    },
    [refresh, setFailure, recordResult, track],
  );

  const writeNow = useCallback(
    (run: () => Promise<WriteResult>, rowIds?: readonly string[]) => {
      const saved = run().then((result) => {
        recordResult(result);
        setFailure(null);
        return refresh(rowIds);
      });
      saved.catch((error: unknown) => {
        setFailure(errorText(error));
        void message.error(errorText(error));
      });
    },
    [message, refresh, setFailure, recordResult],
  );

  const revert = useCallback(
    (
      take: (h: UndoHistory) => Step,
      giveBack: typeof pushUndo,
      record: typeof pushUndo,
      doneText: string,
      emptyText: string,
    ) => {
      const step = queue.current.then(async () => {
        const taken = take(history.current);
        if (taken === null) {
          void message.info(emptyText);
          return;
        }
        setHistory(taken.history);
        // The last batch of a step was written last: it goes back first.
        const pending = [...taken.batches].reverse();
        const reverts: string[] = [];
        let changed = 0;
        try {
          for (const batchId of [...pending]) {
            const result = await api.call('changes.revert', { batchId });
            pending.shift();
            if (result.batchId !== null) reverts.push(result.batchId);
            changed += result.changed;
          }
          void message.success(`${doneText} ${changed} ô.`);
        } catch (error) {
          setHistory(giveBack(history.current, [...pending].reverse()));
          void message.error(errorText(error));
        }
        setHistory(record(history.current, reverts.reverse()));
        await refresh();
      });
      queued.current++;
      queue.current = track(step)
        .catch(() => undefined)
        .finally(() => queued.current--);
    },
    [message, refresh, setHistory, track],
  );

  const undo = useCallback(
    () => revert(takeUndo, pushUndo, pushRedo, 'Đã hoàn tác:', 'Không còn thao tác nào để hoàn tác.'),
    [revert],
  );
  const redo = useCallback(
    () => revert(takeRedo, pushRedo, pushUndo, 'Đã làm lại:', 'Không còn thao tác nào để làm lại.'),
    [revert],
  );

  return useMemo(
    () => ({ write, writeNow, undo, redo, canUndo: can.undo, canRedo: can.redo, status }),
    [write, writeNow, undo, redo, can, status],
  );
}

/** The backend's errors are already Vietnamese; a failed connection is the browser's English, so it is said here. */
export function errorText(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return 'Không kết nối được với ChiTieu (máy chủ đã tắt hoặc mất mạng): chưa lưu.';
}
