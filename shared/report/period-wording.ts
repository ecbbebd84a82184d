import { lastMonth, quarterRoman, type Period } from '../periods/period';

/**
 * How a report's prose names a period, as the department writes it mid-sentence: "6 tháng đầu năm 2023",
 * "tháng 6 năm 2023", "quý II năm 2023", "9 tháng năm 2023", "năm 2023". (The grid's labels, "Tháng 6/2023",
 * are column headings, not prose.)
 */
export function periodInProse(p: Period): string {
  if (p.kind === 'ytd' && p.throughMonth === 12) return `năm ${p.year}`;
  if (p.kind === 'ytd' && p.throughMonth === 6) return `6 tháng đầu năm ${p.year}`;
  return `${periodInProseShort(p)} năm ${p.year}`;
}

/** The same without the year, for a sentence that has already named it: "6 tháng đầu năm", "tháng 6", "quý II". */
export function periodInProseShort(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${p.month}`;
    case 'quarter':
      return `quý ${quarterRoman(p.quarter)}`;
    case 'ytd': {
      const n = lastMonth(p);
      if (n === 1) return 'tháng 1';
      if (n === 6) return '6 tháng đầu năm';
      if (n === 12) return 'cả năm';
      return `${n} tháng`;
    }
  }
}

/** "năm 2022": what "so với cùng kỳ" is compared with. */
export function yearInProse(year: number): string {
  return `năm ${year}`;
}
