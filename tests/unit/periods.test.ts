import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  elapsedShareOfYear,
  formatPeriodKey,
  lastMonth,
  monthPeriod,
  monthsCovered,
  parsePeriod,
  periodKindLabelVi,
  periodLabelVi,
  periodOrThrow,
  previousPeriod,
  quarterPeriod,
  quarterRoman,
  samePeriod,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../../shared/periods/period';

function keys(periods: readonly Period[]): string[] {
  return periods.map(formatPeriodKey);
}

describe('typing a reporting period', () => {
  it('reads 2023-06 as June 2023', () => {
    expect(parsePeriod('2023-06')).toEqual({ ok: true, period: { kind: 'month', year: 2023, month: 6 } });
  });

  it('reads 2023-Q2 as the second quarter of 2023', () => {
    expect(parsePeriod('2023-Q2')).toEqual({ ok: true, period: { kind: 'quarter', year: 2023, quarter: 2 } });
  });

  it('reads 2023-L07 as the cumulative total from January through July 2023', () => {
    expect(parsePeriod('2023-L07')).toEqual({ ok: true, period: { kind: 'ytd', year: 2023, throughMonth: 7 } });
  });

  it('reads 2023-H1 as six months, 2023-9M as nine months and 2023 as the whole year, all cumulative', () => {
    expect(periodOrThrow('2023-H1')).toEqual(ytdThrough(2023, 6));
    expect(periodOrThrow('2023-9M')).toEqual(ytdThrough(2023, 9));
    expect(periodOrThrow('2023')).toEqual(ytdThrough(2023, 12));
  });

  it('treats 2023-L06, 2023-L09 and 2023-L12 as the same periods as 2023-H1, 2023-9M and 2023', () => {
    expect(formatPeriodKey(periodOrThrow('2023-L06'))).toBe('2023-H1');
    expect(formatPeriodKey(periodOrThrow('2023-L09'))).toBe('2023-9M');
    expect(formatPeriodKey(periodOrThrow('2023-L12'))).toBe('2023');
  });

  it('accepts lower case letters and writes them back in upper case', () => {
    expect(formatPeriodKey(periodOrThrow('2023-q2'))).toBe('2023-Q2');
    expect(formatPeriodKey(periodOrThrow('2023-h1'))).toBe('2023-H1');
    expect(formatPeriodKey(periodOrThrow('2023-l07'))).toBe('2023-L07');
    expect(formatPeriodKey(periodOrThrow('2023-9m'))).toBe('2023-9M');
  });

  it('ignores spaces around the period and accepts a month without its leading zero', () => {
    expect(formatPeriodKey(periodOrThrow('  2023-06 '))).toBe('2023-06');
    expect(formatPeriodKey(periodOrThrow('2023-6'))).toBe('2023-06');
    expect(formatPeriodKey(periodOrThrow('2023-L7'))).toBe('2023-L07');
  });

  it('refuses month 13 with a message in Vietnamese that shows the accepted forms', () => {
    expect(parsePeriod('2023-13')).toEqual({
      ok: false,
      message: "Kỳ báo cáo không hợp lệ: '2023-13'. Dùng dạng 2023-06, 2023-Q2, 2023-L07, 2023-H1, 2023-9M hoặc 2023.",
    });
  });

  it.each([
    '',
    '2023-00',
    '2023-Q0',
    '2023-Q5',
    '2023-L00',
    '2023-L13',
    '2023-H2',
    '23-06',
    '2023/06',
    '06/2023',
    'abc',
    '2023-06-01',
  ])('refuses %j', (text) => {
    const result = parsePeriod(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('Kỳ báo cáo không hợp lệ');
  });

  it('refuses years before 1990 or after 2100 and says which years are allowed', () => {
    for (const text of ['1989-06', '2101', '0000-Q1']) {
      const result = parsePeriod(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('Năm phải từ 1990 đến 2100');
    }
    expect(parsePeriod('1990-01').ok).toBe(true);
    expect(parsePeriod('2100').ok).toBe(true);
  });

  it('throws the same Vietnamese message from periodOrThrow', () => {
    expect(() => periodOrThrow('2023-13')).toThrow("Kỳ báo cáo không hợp lệ: '2023-13'.");
  });

  it('writes every canonical key back exactly as it was typed, for every year and period', () => {
    for (let year = 1990; year <= 2100; year++) {
      const canonical = [
        ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
        `${year}-Q1`,
        `${year}-Q2`,
        `${year}-Q3`,
        `${year}-Q4`,
        `${year}-L01`,
        `${year}-L02`,
        `${year}-L03`,
        `${year}-L04`,
        `${year}-L05`,
        `${year}-H1`,
        `${year}-L07`,
        `${year}-L08`,
        `${year}-9M`,
        `${year}-L10`,
        `${year}-L11`,
        `${year}`,
      ];
      for (const key of canonical) expect(formatPeriodKey(periodOrThrow(key))).toBe(key);
    }
  });
});

describe('period names shown to the clerk', () => {
  it.each([
    ['2023-06', 'Tháng 6/2023'],
    ['2023-Q2', 'Quý II/2023'],
    ['2023-L07', '7 tháng năm 2023'],
    ['2023-H1', '6 tháng đầu năm 2023'],
    ['2023-9M', '9 tháng năm 2023'],
    ['2023', 'Năm 2023'],
    ['2023-L01', '1 tháng năm 2023'],
  ])('shows %s as "%s"', (key, label) => {
    expect(periodLabelVi(periodOrThrow(key))).toBe(label);
  });

  it('shows the cumulative January as "1 tháng năm", never as the month "Tháng 1/2023"', () => {
    expect(periodLabelVi(ytdThrough(2023, 1))).not.toBe(periodLabelVi(monthPeriod(2023, 1)));
  });

  it('numbers quarters I to IV', () => {
    expect([1, 2, 3, 4].map((q) => quarterRoman(quarterPeriod(2023, q).quarter))).toEqual(['I', 'II', 'III', 'IV']);
    expect(periodLabelVi(quarterPeriod(2024, 4))).toBe('Quý IV/2024');
  });

  it('names the kinds Tháng, Quý and Lũy kế', () => {
    expect(periodKindLabelVi('month')).toBe('Tháng');
    expect(periodKindLabelVi('quarter')).toBe('Quý');
    expect(periodKindLabelVi('ytd')).toBe('Lũy kế');
  });
});

describe('comparing with the same period last year', () => {
  it('compares 6 tháng 2023 with 6 tháng 2022', () => {
    expect(formatPeriodKey(samePeriodLastYear(periodOrThrow('2023-H1')))).toBe('2022-H1');
  });

  it('keeps the kind of period', () => {
    expect(keys(['2023-06', '2023-Q2', '2023-L07', '2023'].map((k) => samePeriodLastYear(periodOrThrow(k))))).toEqual([
      '2022-06',
      '2022-Q2',
      '2022-L07',
      '2022',
    ]);
  });
});

describe('the period before', () => {
  it('goes from June to May', () => {
    expect(previousPeriod(periodOrThrow('2023-06'))).toEqual(monthPeriod(2023, 5));
  });

  it('goes from January to December of the year before', () => {
    expect(previousPeriod(periodOrThrow('2023-01'))).toEqual(monthPeriod(2022, 12));
  });

  it('goes from the second quarter to the first, and from the first to the fourth of the year before', () => {
    expect(previousPeriod(periodOrThrow('2023-Q2'))).toEqual(quarterPeriod(2023, 1));
    expect(previousPeriod(periodOrThrow('2023-Q1'))).toEqual(quarterPeriod(2022, 4));
  });

  it('goes from the cumulative total through July to the one through June of the same year', () => {
    expect(previousPeriod(periodOrThrow('2023-L07'))).toEqual(ytdThrough(2023, 6));
    expect(previousPeriod(periodOrThrow('2023'))).toEqual(ytdThrough(2023, 11));
  });

  it('has nothing before the cumulative total through January, since it restarts every year', () => {
    expect(previousPeriod(periodOrThrow('2023-L01'))).toBeNull();
  });
});

describe('months a period covers', () => {
  it('covers only itself for a month', () => {
    expect(keys(monthsCovered(periodOrThrow('2023-06')))).toEqual(['2023-06']);
  });

  it('covers three months for a quarter', () => {
    expect(keys(monthsCovered(periodOrThrow('2023-Q2')))).toEqual(['2023-04', '2023-05', '2023-06']);
    expect(keys(monthsCovered(periodOrThrow('2023-Q4')))).toEqual(['2023-10', '2023-11', '2023-12']);
  });

  it('covers January through the last month for a cumulative total', () => {
    expect(keys(monthsCovered(periodOrThrow('2023-L07')))).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
    ]);
    expect(monthsCovered(periodOrThrow('2023'))).toHaveLength(12);
    expect(keys(monthsCovered(periodOrThrow('2023-L01')))).toEqual(['2023-01']);
  });

  it('ends a period in its last month: June for Q2 and for 6 tháng, July for 7 tháng', () => {
    expect(lastMonth(periodOrThrow('2023-06'))).toBe(6);
    expect(lastMonth(periodOrThrow('2023-Q2'))).toBe(6);
    expect(lastMonth(periodOrThrow('2023-H1'))).toBe(6);
    expect(lastMonth(periodOrThrow('2023-L07'))).toBe(7);
    expect(lastMonth(periodOrThrow('2023'))).toBe(12);
  });
});

describe('elapsed share of the year, used for "on schedule"', () => {
  it('is one half after six months, three quarters after nine and all of it after twelve', () => {
    expect(elapsedShareOfYear(periodOrThrow('2023-H1'))).toBe(0.5);
    expect(elapsedShareOfYear(periodOrThrow('2023-9M'))).toBe(0.75);
    expect(elapsedShareOfYear(periodOrThrow('2023'))).toBe(1);
    expect(elapsedShareOfYear(periodOrThrow('2023-L07'))).toBe(7 / 12);
  });
});

describe('sorting periods', () => {
  it('sorts by year, then by the month the period ends, then month before quarter before cumulative', () => {
    const shuffled = ['2023', '2022-Q4', '2023-H1', '2023-06', '2023-Q2', '2023-01', '2023-L01', '2022', '2023-L07'];
    expect(keys(shuffled.map(periodOrThrow).sort(comparePeriods))).toEqual([
      '2022-Q4',
      '2022',
      '2023-01',
      '2023-L01',
      '2023-06',
      '2023-Q2',
      '2023-H1',
      '2023-L07',
      '2023',
    ]);
  });

  it('gives zero for the same period written two ways', () => {
    expect(comparePeriods(periodOrThrow('2023-L06'), periodOrThrow('2023-H1'))).toBe(0);
    expect(samePeriod(periodOrThrow('2023-L06'), periodOrThrow('2023-h1'))).toBe(true);
  });
});

describe('building periods in code', () => {
  it('refuses a month or quarter out of range', () => {
    expect(() => monthPeriod(2023, 13)).toThrow(RangeError);
    expect(() => quarterPeriod(2023, 5)).toThrow(RangeError);
    expect(() => ytdThrough(2023, 0)).toThrow(RangeError);
    expect(() => ytdThrough(2023, 6.5)).toThrow(RangeError);
  });
});
