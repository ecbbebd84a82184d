import { describe, expect, it } from 'vitest';
import { rangeOf } from '../../shared/grid/cell-range';
import { tabColumn } from '../../shared/grid/key-actions';
import { pasteTargets, readPastedCells } from '../../shared/grid/plan-paste';
import { parseTsv } from '../../shared/grid/tsv';
import { rangeBreachOf } from '../../shared/validation/figure-range';

/** The Nhập liệu columns: STT, name, unit, plan (3), same period (4), previous (5), this period (6), cumulative (7). */
const entry = { size: { rows: 6, cols: 8 }, inputColumns: [3, 4, 6], whyRefused: () => null };
const at = (row: number, col: number) => rangeOf({ row, col }, { row, col });

describe('where a block pasted from Excel lands', () => {
  it('fills the columns taking input in order, skipping the computed one between them', () => {
    const { cells, unlanded } = pasteTargets(parseTsv('1.136,2\t1.260\r\n2\t3\r\n4\t5\r\n'), at(1, 4), entry);
    expect(cells).toEqual([
      { row: 1, col: 4, text: '1.136,2' },
      { row: 1, col: 6, text: '1.260' },
      { row: 2, col: 4, text: '2' },
      { row: 2, col: 6, text: '3' },
      { row: 3, col: 4, text: '4' },
      { row: 3, col: 6, text: '5' },
    ]);
    expect(unlanded).toEqual([]);
  });

  it('starts at the next column taking input when the active cell is a computed one', () => {
    const { cells } = pasteTargets([['7']], at(0, 5), entry);
    expect(cells).toEqual([{ row: 0, col: 6, text: '7' }]);
  });

  it('refuses a block wider than the columns taking input, naming the cell that would be lost', () => {
    const { unlanded } = pasteTargets([['7', '8']], at(0, 5), entry);
    expect(unlanded).toEqual([
      {
        blockRow: 0,
        blockCol: 1,
        text: '8',
        at: null,
        reason: 'Khối dán rộng hơn bảng: từ ô đã chọn chỉ còn 1 cột nhập được.',
      },
    ]);
  });

  it('refuses a block taller than the grid, and a figure landing on a group row, each with its reason', () => {
    const grid = {
      ...entry,
      whyRefused: (p: { row: number }) => (p.row === 4 ? '“Sản phẩm chủ yếu” là dòng nhóm.' : null),
    };
    const { cells, unlanded } = pasteTargets([['1'], ['2'], ['3']], at(4, 6), grid);
    expect(cells).toEqual([{ row: 5, col: 6, text: '2' }]);
    expect(unlanded.map((c) => [c.blockRow, c.at, c.reason])).toEqual([
      [0, { row: 4, col: 6 }, '“Sản phẩm chủ yếu” là dòng nhóm.'],
      [2, null, 'Khối dán dài hơn bảng: bảng chỉ còn 2 dòng từ ô đã chọn.'],
    ]);
  });

  it('lets an empty cell of the block fall on a group row or past the edge: nothing is lost by it', () => {
    const grid = { ...entry, whyRefused: (p: { row: number }) => (p.row === 0 ? 'dòng nhóm.' : null) };
    const { cells, unlanded, skipped } = pasteTargets(
      [
        ['', ''],
        ['9', ''],
      ],
      at(0, 6),
      grid,
    );
    expect(cells).toEqual([{ row: 1, col: 6, text: '9' }]);
    expect(unlanded).toEqual([]);
    expect(skipped).toBe(3);
  });

  it('fills every cell taking input of a larger selection with one copied cell', () => {
    const selection = rangeOf({ row: 0, col: 4 }, { row: 1, col: 6 });
    const { cells, unlanded, skipped } = pasteTargets([['7']], selection, entry);
    expect(cells.map((c) => [c.row, c.col, c.text])).toEqual([
      [0, 4, '7'],
      [0, 6, '7'],
      [1, 4, '7'],
      [1, 6, '7'],
    ]);
    expect(unlanded).toEqual([]);
    expect(skipped).toBe(2);
  });
});

describe('where Tab goes', () => {
  it('moves between the columns taking input only, and past the last one leaves the grid', () => {
    expect(tabColumn(entry.inputColumns, 3, 1)).toBe(4);
    expect(tabColumn(entry.inputColumns, 4, 1)).toBe(6);
    expect(tabColumn(entry.inputColumns, 6, 1)).toBeNull();
    expect(tabColumn(entry.inputColumns, 6, -1)).toBe(4);
    expect(tabColumn(entry.inputColumns, 0, 1)).toBe(3);
    expect(tabColumn(entry.inputColumns, 3, -1)).toBeNull();
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
    const result = readPastedCells(
      cells,
      (_cell, value) => rangeBreachOf(xiMang, value, () => 'Tháng 6/2023')?.message ?? null,
    );
    expect(result).toEqual({
      ok: false,
      refused: [
        {
          row: 1,
          col: 0,
          text: '−5',
          reason: '"Xi măng Portland đen" Tháng 6/2023 là số âm (-5): số liệu cộng dồn được không thể âm.',
        },
      ],
    });
    expect(readPastedCells(cells.slice(0, 1), () => null)).toEqual({
      ok: true,
      cells: [{ row: 0, col: 0, value: 1200 }],
    });
  });
});
