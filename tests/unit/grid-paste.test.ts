import { describe, expect, it } from 'vitest';
import { rangeOf } from '../../shared/grid/cell-range';
import { pasteTargets, readPastedCells } from '../../shared/grid/plan-paste';
import { rangeBreachOf } from '../../shared/validation/figure-range';

const size = { rows: 5, cols: 4 };
const everyCell = () => true;

describe('where a pasted block lands', () => {
  it('starts at the active cell and covers the block', () => {
    const at = rangeOf({ row: 1, col: 2 }, { row: 1, col: 2 });
    const { cells, skipped } = pasteTargets([['1', '2'], ['3', '4']], at, size, everyCell);
    expect(cells).toEqual([
      { row: 1, col: 2, text: '1' },
      { row: 1, col: 3, text: '2' },
      { row: 2, col: 2, text: '3' },
      { row: 2, col: 3, text: '4' },
    ]);
    expect(skipped).toBe(0);
  });

  it('skips cells beyond the grid and cells that take no input', () => {
    const at = rangeOf({ row: 3, col: 3 }, { row: 3, col: 3 });
    const editable = ({ row }: { row: number }) => row !== 4;
    const { cells, skipped } = pasteTargets([['1', '2'], ['3', '4']], at, size, editable);
    expect(cells).toEqual([{ row: 3, col: 3, text: '1' }]);
    expect(skipped).toBe(3);
  });

  it('fills a selected block with one copied cell', () => {
    const selection = rangeOf({ row: 0, col: 1 }, { row: 1, col: 2 });
    const { cells } = pasteTargets([['7']], selection, size, everyCell);
    expect(cells.map((c) => [c.row, c.col, c.text])).toEqual([
      [0, 1, '7'],
      [0, 2, '7'],
      [1, 1, '7'],
      [1, 2, '7'],
    ]);
  });
});

describe('reading the pasted text', () => {
  it('reads Vietnamese numbers and takes a blank cell as clearing the figure', () => {
    const result = readPastedCells([
      { row: 0, col: 0, text: '14.659,9' },
      { row: 1, col: 0, text: '2.260' },
      { row: 2, col: 0, text: ' ' },
    ]);
    expect(result).toEqual({
      ok: true,
      cells: [
        { row: 0, col: 0, value: 14659.9 },
        { row: 1, col: 0, value: 2260 },
        { row: 2, col: 0, value: null },
      ],
    });
  });

  it('refuses the whole block when one cell is not a number, naming each such cell', () => {
    const result = readPastedCells([
      { row: 0, col: 0, text: '1' },
      { row: 1, col: 0, text: '56..537,447' },
      { row: 2, col: 0, text: '8.290 tỷ đồng' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused.map((c) => [c.row, c.text])).toEqual([
      [1, '56..537,447'],
      [2, '8.290 tỷ đồng'],
    ]);
    expect(result.refused[0]?.reason).toBe('Có hai dấu chấm liền nhau.');
  });

  it('refuses the whole block when a figure is one its cell may not hold, with the reason the cell gives', () => {
    const xiMang = { kind: 'flow', nameVi: 'Xi măng Portland đen', decimals: 0 } as const;
    const cells = [
      { row: 0, col: 0, text: '1.200' },
      { row: 1, col: 0, text: '−5' },
      { row: 2, col: 0, text: '' },
    ];
    const result = readPastedCells(cells, (_cell, value) => rangeBreachOf(xiMang, value, () => 'Tháng 6/2023')?.message ?? null);
    expect(result).toEqual({
      ok: false,
      refused: [{ row: 1, col: 0, text: '−5', reason: '"Xi măng Portland đen" Tháng 6/2023 là số âm (-5): số liệu cộng dồn được không thể âm.' }],
    });
    expect(readPastedCells(cells.slice(0, 1), () => null)).toEqual({ ok: true, cells: [{ row: 0, col: 0, value: 1200 }] });
  });
});
