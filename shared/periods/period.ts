/**
 * Reporting periods as clerks use them: a month, a quarter, or a cumulative total from
 * January (lũy kế từ đầu năm). Six months, nine months and the year are cumulative periods
 * with names of their own, not separate kinds, so that "6 tháng đầu năm" and "lũy kế 6 tháng"
 * can never be stored as two different periods.
 */

export type PeriodKind = 'month' | 'quarter' | 'ytd';
export type Quarter = 1 | 2 | 3 | 4;

export type MonthPeriod = { readonly kind: 'month'; readonly year: number; readonly month: number };
export type QuarterPeriod = { readonly kind: 'quarter'; readonly year: number; readonly quarter: Quarter };
export type YtdPeriod = { readonly kind: 'ytd'; readonly year: number; readonly throughMonth: number };
export type Period = MonthPeriod | QuarterPeriod | YtdPeriod;

export type ParsePeriodResult = { ok: true; period: Period } | { ok: false; message: string };

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const ACCEPTED_FORMS = 'Dùng dạng 2023-06, 2023-Q2, 2023-L07, 2023-H1, 2023-9M hoặc 2023.';

const QUARTER_ROMAN: Readonly<Record<Quarter, string>> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

const KIND_LABEL_VI: Readonly<Record<PeriodKind, string>> = {
  month: 'Tháng',
  quarter: 'Quý',
  ytd: 'Lũy kế',
};

// Sorting rank when two periods end in the same month: the narrower period comes first,
// which is the order the columns appear in a report (tháng, quý, lũy kế).
const KIND_RANK: Readonly<Record<PeriodKind, number>> = { month: 0, quarter: 1, ytd: 2 };

function isMonthNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 12;
}

function isQuarterNumber(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthPeriod(year: number, month: number): MonthPeriod {
  if (!isMonthNumber(month)) throw new RangeError(`Tháng không hợp lệ: ${month}`);
  return { kind: 'month', year, month };
}

export function quarterPeriod(year: number, quarter: number): QuarterPeriod {
  if (!isQuarterNumber(quarter)) throw new RangeError(`Quý không hợp lệ: ${quarter}`);
  return { kind: 'quarter', year, quarter };
}

export function ytdThrough(year: number, month: number): YtdPeriod {
  if (!isMonthNumber(month)) throw new RangeError(`Tháng không hợp lệ: ${month}`);
  return { kind: 'ytd', year, throughMonth: month };
}

export function quarterRoman(quarter: Quarter): string {
  return QUARTER_ROMAN[quarter];
}

export function periodKindLabelVi(kind: PeriodKind): string {
  return KIND_LABEL_VI[kind];
}

export function parsePeriod(text: string): ParsePeriodResult {
  const trimmed = text.trim();
  const invalid = (detail: string = ACCEPTED_FORMS): ParsePeriodResult => ({
    ok: false,
    message: `Kỳ báo cáo không hợp lệ: '${trimmed}'. ${detail}`,
  });

  const m = /^(\d{4})(?:-(\d{1,2}|q\d|l\d{1,2}|h1|9m))?$/i.exec(trimmed);
  if (m === null || m[1] === undefined) return invalid();
  const year = Number(m[1]);
  const suffix = (m[2] ?? '').toUpperCase();

  let period: Period | null = null;
  if (suffix === '') {
    period = ytdThrough(year, 12);
  } else if (suffix === 'H1') {
    period = ytdThrough(year, 6);
  } else if (suffix === '9M') {
    period = ytdThrough(year, 9);
  } else if (suffix.startsWith('Q')) {
    const q = Number(suffix.slice(1));
    if (isQuarterNumber(q)) period = quarterPeriod(year, q);
  } else if (suffix.startsWith('L')) {
    const through = Number(suffix.slice(1));
    if (isMonthNumber(through)) period = ytdThrough(year, through);
  } else {
    const month = Number(suffix);
    if (isMonthNumber(month)) period = monthPeriod(year, month);
  }

  if (period === null) return invalid();
  // Checked after the shape so that "1989-13" gets the format message, which is the bigger mistake.
  if (year < MIN_YEAR || year > MAX_YEAR) return invalid(`Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`);
  return { ok: true, period };
}

export function periodOrThrow(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

export function formatPeriodKey(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${pad2(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'ytd':
      if (p.throughMonth === 6) return `${p.year}-H1`;
      if (p.throughMonth === 9) return `${p.year}-9M`;
      if (p.throughMonth === 12) return `${p.year}`;
      return `${p.year}-L${pad2(p.throughMonth)}`;
  }
}

export function periodLabelVi(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `Tháng ${p.month}/${p.year}`;
    case 'quarter':
      return `Quý ${quarterRoman(p.quarter)}/${p.year}`;
    case 'ytd':
      if (p.throughMonth === 6) return `6 tháng đầu năm ${p.year}`;
      if (p.throughMonth === 12) return `Năm ${p.year}`;
      // Even through January this stays cumulative wording: "Tháng 1/2023" would read as the
      // month column, and the two are different columns of the same report.
      return `${p.throughMonth} tháng năm ${p.year}`;
  }
}

export function lastMonth(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.month;
    case 'quarter':
      return p.quarter * 3;
    case 'ytd':
      return p.throughMonth;
  }
}

function firstMonth(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.month;
    case 'quarter':
      return p.quarter * 3 - 2;
    case 'ytd':
      return 1;
  }
}

export function monthsCovered(p: Period): MonthPeriod[] {
  const months: MonthPeriod[] = [];
  for (let m = firstMonth(p); m <= lastMonth(p); m++) months.push(monthPeriod(p.year, m));
  return months;
}

export function elapsedShareOfYear(p: Period): number {
  return lastMonth(p) / 12;
}

export function samePeriodLastYear<P extends Period>(p: P): P {
  return { ...p, year: p.year - 1 };
}

export function previousPeriod(p: Period): Period | null {
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? monthPeriod(p.year - 1, 12) : monthPeriod(p.year, p.month - 1);
    case 'quarter':
      return p.quarter === 1 ? quarterPeriod(p.year - 1, 4) : quarterPeriod(p.year, p.quarter - 1);
    case 'ytd':
      // Cumulative totals restart every January, so nothing precedes "lũy kế tháng 1".
      return p.throughMonth === 1 ? null : ytdThrough(p.year, p.throughMonth - 1);
  }
}

export function samePeriod(a: Period, b: Period): boolean {
  return formatPeriodKey(a) === formatPeriodKey(b);
}

export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || lastMonth(a) - lastMonth(b) || KIND_RANK[a.kind] - KIND_RANK[b.kind];
}

/** The words of a stored period key ("2024-01" → "Tháng 1/2024"); the key itself if it is not one. */
export function periodKeyLabelVi(key: string): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodLabelVi(parsed.period) : key;
}
