import { describe, expect, it } from 'vitest';
import { periodOrThrow } from '../../shared/periods/period';
import { enclosingPeriodKeys, periodStateLineVi } from '../../shared/periods/period-lock';

const enclosing = (key: string) => enclosingPeriodKeys(periodOrThrow(key));

describe('the periods whose closing closes a period', () => {
  it('for June 2023: itself, quý II, and the cumulatives through June and later, never another year', () => {
    expect(enclosing('2023-06')).toEqual([
      '2023-06',
      '2023-H1',
      '2023-L07',
      '2023-L08',
      '2023-9M',
      '2023-L10',
      '2023-L11',
      '2023',
      '2023-Q2',
    ]);
  });

  it('for 6 tháng 2023: itself and the longer cumulatives, not quý II, which holds only three of its months', () => {
    expect(enclosing('2023-H1')).toEqual([
      '2023-H1',
      '2023-L07',
      '2023-L08',
      '2023-9M',
      '2023-L10',
      '2023-L11',
      '2023',
    ]);
  });

  it('for the year: only itself, so closing a month leaves the year and its plans open', () => {
    expect(enclosing('2023')).toEqual(['2023']);
  });

  it('for January: the month, its first cumulative and quý I', () => {
    expect(enclosing('2024-01')).toContain('2024-L01');
    expect(enclosing('2024-01')).toContain('2024-Q1');
  });
});

describe('the state in one line', () => {
  it('names a period closed through the cumulative it lies in', () => {
    const line = periodStateLineVi({
      period: '2023-06',
      state: 'entry',
      changedBy: null,
      changedAt: null,
      lock: {
        period: '2023-H1',
        periodLabel: '6 tháng đầu năm 2023',
        state: 'locked',
        who: 'Nguyễn Thị Lan',
        at: '2026-12-07T07:05:00.000Z',
      },
    });
    expect(line).toMatch(
      /^Đang nhập; nằm trong 6 tháng đầu năm 2023 đã khóa sổ lúc \d\d:\d\d 07\/12\/2026 bởi Nguyễn Thị Lan$/,
    );
  });
});
