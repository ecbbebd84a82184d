import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../shared/grid/tsv';

describe('reading a block copied from Excel', () => {
  it('splits rows on new lines and cells on tabs', () => {
    expect(parseTsv('1\t2\n3\t4\n5\t6')).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('ignores the new line Excel puts after the last row, and Windows line ends', () => {
    expect(parseTsv('14.659,9\t2.260\r\n1\t2\r\n')).toEqual([
      ['14.659,9', '2.260'],
      ['1', '2'],
    ]);
  });

  it('keeps empty cells where the block has gaps', () => {
    expect(parseTsv('1\t\t3\n\t5\t')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });

  it('reads a quoted cell holding a tab, a new line or a quote', () => {
    expect(parseTsv('"a\tb"\t"dòng 1\ndòng 2"\n"nói ""có"""\tx')).toEqual([
      ['a\tb', 'dòng 1\ndòng 2'],
      ['nói "có"', 'x'],
    ]);
  });

  it('takes a quote that does not close a cell as ordinary text', () => {
    expect(parseTsv('"5 tấn\t6')).toEqual([['"5 tấn', '6']]);
  });

  it('reads one cell as a one-by-one block', () => {
    expect(parseTsv('56..537,447')).toEqual([['56..537,447']]);
    expect(parseTsv('')).toEqual([['']]);
  });
});

describe('writing a block for Excel', () => {
  it('joins cells with tabs and rows with new lines', () => {
    expect(
      toTsv([
        ['IV', 'Tổng mức bán lẻ', '14.659,9'],
        ['V', 'XNK', '2.260,0'],
      ]),
    ).toBe('IV\tTổng mức bán lẻ\t14.659,9\nV\tXNK\t2.260,0');
  });

  it('quotes cells that would otherwise split, and reads back the same block', () => {
    const block = [
      ['Hạt điều "nhân"', 'a\tb'],
      ['dòng 1\ndòng 2', ''],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});
