import { describe, expect, it } from 'vitest';
import { emptyHistory, pushUndo, pushRedo, recordWrite, takeRedo, takeUndo } from '../../shared/grid/undo-history';

describe('undo and redo of saved writes', () => {
  it('undoes the last write first', () => {
    const h = recordWrite(recordWrite(emptyHistory, ['a']), ['b']);
    expect(takeUndo(h)?.batches).toEqual(['b']);
  });

  it('redoes by reverting the batch that the undo made', () => {
    const step = takeUndo(recordWrite(emptyHistory, ['a']));
    expect(step?.batches).toEqual(['a']);
    const afterUndo = pushRedo(step!.history, ['revert-a']);
    const redo = takeRedo(afterUndo);
    expect(redo?.batches).toEqual(['revert-a']);
    const afterRedo = pushUndo(redo!.history, ['revert-revert-a']);
    expect(afterRedo).toEqual({ undo: [['revert-revert-a']], redo: [] });
  });

  it('forgets what could be redone once a new write is made', () => {
    const undone = pushRedo(takeUndo(recordWrite(emptyHistory, ['a']))!.history, ['revert-a']);
    expect(recordWrite(undone, ['b'])).toEqual({ undo: [['b']], redo: [] });
  });

  it('keeps the redo stack while redoing several steps', () => {
    let h = recordWrite(recordWrite(emptyHistory, ['a']), ['b']);
    h = pushRedo(takeUndo(h)!.history, ['rb']);
    h = pushRedo(takeUndo(h)!.history, ['ra']);
    const redo = takeRedo(h)!;
    expect(redo.batches).toEqual(['ra']);
    expect(pushUndo(redo.history, ['rra'])).toEqual({ undo: [['rra']], redo: [['rb']] });
  });

  it('has nothing to undo or redo at first', () => {
    expect(takeUndo(emptyHistory)).toBeNull();
    expect(takeRedo(emptyHistory)).toBeNull();
  });
});

describe('a failed undo or redo', () => {
  it('can hand its step back without losing the other stack', () => {
    const h = pushRedo(recordWrite(emptyHistory, ['a']), ['r']);
    const step = takeUndo(h)!;
    expect(pushUndo(step.history, step.batches)).toEqual(h);
  });
});

describe('a paste written to several places', () => {
  it('undoes all its batches in one step', () => {
    const h = recordWrite(recordWrite(emptyHistory, ['typed']), ['plan-batch', 'value-batch']);
    const step = takeUndo(h)!;
    expect(step.batches).toEqual(['plan-batch', 'value-batch']);
    expect(takeUndo(step.history)?.batches).toEqual(['typed']);
  });

  it('keeps nothing on a stack for a step that left no batch', () => {
    expect(pushUndo(emptyHistory, [])).toBe(emptyHistory);
    expect(pushRedo(emptyHistory, [])).toBe(emptyHistory);
  });
});
