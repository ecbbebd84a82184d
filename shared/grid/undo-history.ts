/**
 * Undo and redo of saved writes, by the change-log batch each write produced. Reverting a batch makes a new
 * batch; reverting that one redoes the original, so each stack holds the batch that takes the next step.
 */

export interface UndoHistory {
  readonly undo: readonly string[];
  readonly redo: readonly string[];
}

export const emptyHistory: UndoHistory = { undo: [], redo: [] };

// A day of keying is a few hundred saves; older steps are still in the change log.
const MAX_STEPS = 500;

function pushCapped(stack: readonly string[], batchId: string): string[] {
  return [...stack, batchId].slice(-MAX_STEPS);
}

/** A new write: it can be undone, and whatever was undone before can no longer be redone. */
export function recordWrite(h: UndoHistory, batchId: string): UndoHistory {
  return { undo: pushCapped(h.undo, batchId), redo: [] };
}

export type Step = { batchId: string; history: UndoHistory } | null;

export function takeUndo(h: UndoHistory): Step {
  const batchId = h.undo[h.undo.length - 1];
  return batchId === undefined ? null : { batchId, history: { ...h, undo: h.undo.slice(0, -1) } };
}

export function takeRedo(h: UndoHistory): Step {
  const batchId = h.redo[h.redo.length - 1];
  return batchId === undefined ? null : { batchId, history: { ...h, redo: h.redo.slice(0, -1) } };
}

/**
 * Puts a batch on the undo stack and keeps the redo stack: the revert of a redone batch, or an undo step
 * handed back because its revert failed.
 */
export function pushUndo(h: UndoHistory, batchId: string): UndoHistory {
  return { ...h, undo: pushCapped(h.undo, batchId) };
}

/** Puts a batch on the redo stack: the revert of an undone batch, or a redo step handed back after a failure. */
export function pushRedo(h: UndoHistory, batchId: string): UndoHistory {
  return { ...h, redo: pushCapped(h.redo, batchId) };
}
