import type { QueryClient } from '@tanstack/react-query';
import { readOperationNames, type ReadOperation } from '../../shared/api/contract';
import { dataChangeSchema, type DataChange } from '../../shared/api/events';
import { invalidateAfter } from './api';
import { clientId, listenToChanges } from './transport';

type ChangeListener = (change: DataChange) => void;

const listeners = new Set<ChangeListener>();
let stopStream: (() => void) | null = null;

function told(raw: unknown): void {
  const change = dataChangeSchema.safeParse(raw);
  if (!change.success) return;
  for (const listener of [...listeners]) listener(change.data);
}

/**
 * Every change committed to the data, by this window or another, or by another process on the same file
 * (operation null). `origin === ownClientId` marks this window's own calls. Returns the way to stop.
 */
export function subscribeToChanges(listener: ChangeListener): () => void {
  listeners.add(listener);
  stopStream ??= listenToChanges(told, () =>
    told({
      seq: 0,
      operation: null,
      invalidates: [...readOperationNames],
      origin: null,
      figures: null,
      at: new Date().toISOString(),
    }),
  );
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopStream?.();
      stopStream = null;
    }
  };
}

/** The name this window gives itself on its calls, as change events carry it in origin. */
export const ownClientId = clientId;

/** Changes coming together (a paste, an import) are re-read once. */
const gatherMs = 100;

/**
 * Keeps the cached reads of this window up to date with changes made elsewhere: another window, another page,
 * the command line. This window's own writes re-read what they change themselves, more narrowly.
 */
export function startLiveUpdates(queryClient: QueryClient): () => void {
  const pending = new Set<ReadOperation>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return subscribeToChanges((change) => {
    if (change.origin === clientId) return;
    for (const read of change.invalidates) pending.add(read);
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const reads = [...pending];
      pending.clear();
      void invalidateAfter(queryClient, reads);
    }, gatherMs);
  });
}
