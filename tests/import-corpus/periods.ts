import { formatPeriodKey, monthPeriod, quarterPeriod, ytdThrough } from '../../shared/periods/period';

export const month = (year: number, m: number): string => formatPeriodKey(monthPeriod(year, m));
/** The cumulative from January through month `m` (2025-L08, 2025-H1, 2025-9M, 2025 for the year). */
export const ytd = (year: number, m: number): string => formatPeriodKey(ytdThrough(year, m));
export const quarter = (year: number, q: number): string => formatPeriodKey(quarterPeriod(year, q));
export const year = (y: number): string => ytd(y, 12);
export const roman = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;
