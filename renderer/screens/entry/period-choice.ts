import type { ValueStatus } from '../../../shared/api/values-entities';
import {
  lastMonth,
  monthPeriod,
  parsePeriod,
  quarterPeriod,
  ytdThrough,
  type Period,
  type PeriodKind,
} from '../../../shared/periods/period';

/** The month being reported on by default: the one just ended, whose report the clerk makes in the first days of the next. */
export function reportedMonth(today: Date): Period {
  const month = today.getMonth();
  return month === 0 ? monthPeriod(today.getFullYear() - 1, 12) : monthPeriod(today.getFullYear(), month);
}

/** The period a link names, else the one the clerk last worked on, else the month just ended. */
export function periodFromKey(key: string | null, today: Date, lastWorkedOn: Period | null = null): Period {
  const parsed = key === null ? null : parsePeriod(key);
  return parsed?.ok ? parsed.period : (lastWorkedOn ?? reportedMonth(today));
}

/**
 * Figures of a period still running are estimates (ước thực hiện); once it is over they are normally
 * the actual figures (thực hiện) that replace them.
 */
export function defaultStatus(p: Period, today: Date): ValueStatus {
  const periodEnd = p.year * 12 + lastMonth(p);
  const now = today.getFullYear() * 12 + today.getMonth() + 1;
  return periodEnd < now ? 'actual' : 'estimate';
}

/** The number that picks the period within its year: the month, the quarter, or the last month of the total. */
export function subOf(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.month;
    case 'quarter':
      return p.quarter;
    case 'ytd':
      return p.throughMonth;
  }
}

/** Switching the kind keeps the year and lands on the period that ends nearest the one shown. */
export function withKind(p: Period, kind: PeriodKind): Period {
  const end = lastMonth(p);
  switch (kind) {
    case 'month':
      return monthPeriod(p.year, end);
    case 'quarter':
      return quarterPeriod(p.year, Math.ceil(end / 3));
    case 'ytd':
      return ytdThrough(p.year, end);
  }
}

export function withSub(p: Period, sub: number): Period {
  switch (p.kind) {
    case 'month':
      return monthPeriod(p.year, sub);
    case 'quarter':
      return quarterPeriod(p.year, sub);
    case 'ytd':
      return ytdThrough(p.year, sub);
  }
}

export function withYear(p: Period, year: number): Period {
  return { ...p, year };
}

const ytdNames: Readonly<Record<number, string>> = { 6: '6 tháng đầu năm', 9: '9 tháng', 12: 'Cả năm' };

export function ytdOptionLabel(throughMonth: number): string {
  return ytdNames[throughMonth] ?? `Lũy kế ${throughMonth} tháng`;
}
