import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod, ytdThrough } from '../../shared/periods/period';
import {
  defaultStatus,
  periodFromKey,
  withKind,
  withSub,
  ytdOptionLabel,
} from '../../renderer/screens/entry/period-choice';

const today = new Date(2026, 10, 22);

describe('choosing the period on the Nhập liệu screen', () => {
  it('opens on the month just ended, or on the period in the link', () => {
    expect(periodFromKey(null, today)).toEqual(monthPeriod(2026, 10));
    expect(periodFromKey('2023-H1', today)).toEqual(ytdThrough(2023, 6));
    expect(periodFromKey('not a period', today)).toEqual(monthPeriod(2026, 10));
    expect(periodFromKey(null, new Date(2027, 0, 5))).toEqual(monthPeriod(2026, 12));
  });

  it('takes figures of a running period as estimates and of a finished one as actual', () => {
    expect(defaultStatus(monthPeriod(2026, 11), today)).toBe('estimate');
    expect(defaultStatus(quarterPeriod(2026, 4), today)).toBe('estimate');
    expect(defaultStatus(monthPeriod(2026, 10), today)).toBe('actual');
    expect(defaultStatus(ytdThrough(2023, 6), today)).toBe('actual');
  });

  it('keeps the end of the period when switching between month, quarter and cumulative', () => {
    expect(withKind(monthPeriod(2026, 11), 'quarter')).toEqual(quarterPeriod(2026, 4));
    expect(withKind(quarterPeriod(2026, 2), 'ytd')).toEqual(ytdThrough(2026, 6));
    expect(withKind(ytdThrough(2026, 9), 'month')).toEqual(monthPeriod(2026, 9));
    expect(withSub(ytdThrough(2026, 9), 6)).toEqual(ytdThrough(2026, 6));
  });

  it('names the cumulative spans as reports do', () => {
    expect(ytdOptionLabel(6)).toBe('6 tháng đầu năm');
    expect(ytdOptionLabel(9)).toBe('9 tháng');
    expect(ytdOptionLabel(12)).toBe('Cả năm');
    expect(ytdOptionLabel(4)).toBe('Lũy kế 4 tháng');
  });
});
