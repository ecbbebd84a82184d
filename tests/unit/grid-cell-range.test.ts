import { describe, expect, it } from 'vitest';
import { movePos, positionsIn, rangeCellCount, rangeContains, rangeOf } from '../../shared/grid/cell-range';

const size = { rows: 3, cols: 4 };

describe('moving in the grid', () => {
  it('moves by rows and columns and stops at the edges', () => {
    expect(movePos({ row: 1, col: 1 }, 1, 1, size)).toEqual({ row: 2, col: 2 });
    expect(movePos({ row: 2, col: 3 }, 1, 1, size)).toEqual({ row: 2, col: 3 });
    expect(movePos({ row: 0, col: 0 }, -1, -5, size)).toEqual({ row: 0, col: 0 });
  });
});

describe('rectangles of cells', () => {
  it('is the same rectangle whichever corner comes first', () => {
    expect(rangeOf({ row: 2, col: 0 }, { row: 0, col: 3 })).toEqual({ top: 0, left: 0, bottom: 2, right: 3 });
  });

  it('counts and lists its cells row by row', () => {
    const r = rangeOf({ row: 0, col: 1 }, { row: 1, col: 2 });
    expect(rangeCellCount(r)).toBe(4);
    expect(positionsIn(r)).toEqual([
      { row: 0, col: 1 },
      { row: 0, col: 2 },
      { row: 1, col: 1 },
      { row: 1, col: 2 },
    ]);
    expect(rangeContains(r, { row: 1, col: 2 })).toBe(true);
    expect(rangeContains(r, { row: 2, col: 2 })).toBe(false);
  });
});
