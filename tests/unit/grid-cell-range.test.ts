import { describe, expect, it } from 'vitest';
import { clampPos, positionsIn, rangeCellCount, rangeContains, rangeOf } from '../../shared/grid/cell-range';

const size = { rows: 3, cols: 4 };

describe('keeping a position in the grid', () => {
  it('stops at the edges', () => {
    expect(clampPos({ row: 2, col: 2 }, size)).toEqual({ row: 2, col: 2 });
    expect(clampPos({ row: 3, col: 4 }, size)).toEqual({ row: 2, col: 3 });
    expect(clampPos({ row: -1, col: -5 }, size)).toEqual({ row: 0, col: 0 });
  });

  it('stays at the first row of a grid that has none', () => {
    expect(clampPos({ row: 4, col: 1 }, { rows: 0, cols: 4 })).toEqual({ row: 0, col: 1 });
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
