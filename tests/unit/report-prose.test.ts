import { describe, expect, it } from 'vitest';
import { periodOrThrow } from '../../shared/periods/period';
import { periodInProse, periodInProseShort } from '../../shared/report/period-wording';
import { changeOfIndex, numberInProse } from '../../shared/report/prose-numbers';

describe('numbers in a sentence', () => {
  it("are written the Vietnamese way at the indicator's decimals, without the zeros a table pads with", () => {
    expect(numberInProse(2260, 1)).toBe('2.260');
    expect(numberInProse(14659.9, 1)).toBe('14.659,9');
    expect(numberInProse(105.79, 2)).toBe('105,79');
    expect(numberInProse(105.8, 2)).toBe('105,8');
    expect(numberInProse(1136.25, 1)).toBe('1.136,3');
    expect(numberInProse(1000000, 0)).toBe('1.000.000');
    expect(numberInProse(0.04, 1)).toBe('0');
  });

  it('turn an index into a change: tăng, giảm or tương đương', () => {
    expect(changeOfIndex(198.9, 1)).toEqual({ word: 'tăng', amount: 98.9, phrase: 'tăng 98,9%' });
    expect(changeOfIndex(105.79, 2)).toEqual({ word: 'tăng', amount: 5.79, phrase: 'tăng 5,79%' });
    expect(changeOfIndex(96.8, 1)).toEqual({ word: 'giảm', amount: 3.2, phrase: 'giảm 3,2%' });
    expect(changeOfIndex(100.04, 1)).toEqual({ word: 'tương đương', amount: 0, phrase: 'tương đương' });
    expect(changeOfIndex(100.04, 2)).toEqual({ word: 'tăng', amount: 0.04, phrase: 'tăng 0,04%' });
    expect(changeOfIndex(121.9, 1).phrase).toBe('tăng 21,9%');
  });
});

describe('a period in a sentence', () => {
  it.each([
    ['2023-H1', '6 tháng đầu năm 2023', '6 tháng đầu năm'],
    ['2023-06', 'tháng 6 năm 2023', 'tháng 6'],
    ['2023-Q2', 'quý II năm 2023', 'quý II'],
    ['2023-9M', '9 tháng năm 2023', '9 tháng'],
    ['2023-L07', '7 tháng năm 2023', '7 tháng'],
    ['2023-L01', 'tháng 1 năm 2023', 'tháng 1'],
    ['2023', 'năm 2023', 'cả năm'],
  ])('%s is "%s"', (key, prose, short) => {
    expect(periodInProse(periodOrThrow(key))).toBe(prose);
    expect(periodInProseShort(periodOrThrow(key))).toBe(short);
  });
});
