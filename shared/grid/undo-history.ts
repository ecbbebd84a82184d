/**
 * Undo and redo of saved writes, by the change-log batches each write produced (one, or one per place a paste
 * wrote to). Reverting a batch makes a new batch; reverting that one redoes the original, so each stack holds
 * the batches that take the next step.
 */

/** The change-log batches of one action of the clerk: undone and redone together. */
export type Batches = readonly string[];

export interface UndoHistory {
  readonly undo: readonly Batches[];
  readonly redo: readonly Batches[];
}

export const emptyHistory: UndoHistory = { undo: [], redo: [] };

// A day of keying is a few hundred saves; older steps are still in the change log.
const MAX_STEPS = 500;

function pushCapped(stack: readonly Batches[], batches: Batches): Batches[] {
  return [...stack, batches].slice(-MAX_STEPS);
}

/** A new write: it can be undone, and whatever was undone before can no longer be redone. */
export function recordWrite(h: UndoHistory, batches: Batches): UndoHistory {
  return { undo: pushCapped(h.undo, batches), redo: [] };
}

export type Step = { batches: Batches; history: UndoHistory } | null;

export function takeUndo(h: UndoHistory): Step {
  const batches = h.undo[h.undo.length - 1];
  return batches === undefined ? null : { batches, history: { ...h, undo: h.undo.slice(0, -1) } };
}

export function takeRedo(h: UndoHistory): Step {
  const batches = h.redo[h.redo.length - 1];
  return batches === undefined ? null : { batches, history: { ...h, redo: h.redo.slice(0, -1) } };
}

/**
 * Puts batches on the undo stack and keeps the redo stack: the reverts of a redone step, or an undo step
 * (or what of it was not reverted) handed back because its revert failed.
 */
export function pushUndo(h: UndoHistory, batches: Batches): UndoHistory {
  return batches.length === 0 ? h : { ...h, undo: pushCapped(h.undo, batches) };
}

/** Puts batches on the redo stack: the reverts of an undone step, or a redo step handed back after a failure. */
export function pushRedo(h: UndoHistory, batches: Batches): UndoHistory {
  return batches.length === 0 ? h : { ...h, redo: pushCapped(h.redo, batches) };
}
