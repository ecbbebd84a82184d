/**
 * The columns of a report for its period, as domain.md describes real workbooks: STT | Chỉ tiêu | Đơn vị tính |
 * Kế hoạch năm | Thực hiện kỳ trước | Ước thực hiện kỳ báo cáo | Lũy kế | Cùng kỳ năm trước (kỳ, lũy kế) |
 * So sánh (%). January (and the first quarter) has no cumulative; June's cumulative is "Ước thực hiện 6 tháng";
 * October adds "Ước thực hiện năm" and "Kế hoạch năm sau" when there are figures for them; December's
 * cumulative is the year, compared with the plan. A report of a cumulative period (6 tháng, 9 tháng, năm) has
 * the period itself beside the same period last year and the plan, after the figure of its last month ("Ước thực
 * hiện tháng 6" in the 6-month report), which the department reports with it.
 *
 * Every heading names its period in words the import's heading vocabulary reads back to the same period.
 */
import type { ValueStatus } from '../../../shared/api/values-entities';
import {
  lastMonth,
  monthPeriod,
  periodLabelVi,
  previousPeriod,
  quarterRoman,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../../../shared/periods/period';

export type FigureKey =
  | 'plan'
  | 'planStretch'
  | 'previous'
  | 'closingMonth'
  | 'value'
  | 'ytd'
  | 'samePeriod'
  | 'ytdSamePeriod'
  | 'yearEstimate'
  | 'planNextYear';

export interface LabelColumn {
  kind: 'label';
  field: 'stt' | 'name' | 'unit';
  top: string;
  sub: null;
  code: string;
}

export interface FigureColumn {
  kind: 'figure';
  key: FigureKey;
  /** The period of the figure; null for plans. */
  period: Period | null;
  /** For plans, the year. */
  year: number | null;
  top: string;
  sub: string | null;
  code: string;
  /** Whether the heading says "Ước thực hiện" or "Thực hiện" after the statuses of its figures. */
  statusWord: boolean;
}

export interface PercentColumn {
  kind: 'percent';
  of: FigureKey;
  to: FigureKey;
  top: string;
  sub: string | null;
  code: string;
}

export interface NoteColumn {
  kind: 'note';
  top: string;
  sub: null;
  code: string;
}

export type ReportColumn = LabelColumn | FigureColumn | PercentColumn | NoteColumn;

/** Which optional columns have figures in at least one exported unit. */
export interface ColumnFlags {
  stretch: boolean;
  yearEstimate: boolean;
  nextYearPlan: boolean;
  note: boolean;
}

const sameGroup = 'Thực hiện cùng kỳ năm trước';
const compareGroup = 'So sánh (%)';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "tháng 6/2023", "quý II/2023", "6 tháng đầu năm 2023", "năm 2023", "7 tháng năm 2023". */
export function periodPhrase(p: Period): string {
  return lowerFirst(periodLabelVi(p));
}

/** The heading of a cumulative column of a month or quarter report. */
function ytdHeading(p: Period, word: string): string {
  const n = lastMonth(p);
  if (n === 6) return `${word} 6 tháng đầu năm ${p.year}`;
  if (n === 12) return `${word} năm ${p.year}`;
  return `Lũy kế ${n} tháng năm ${p.year}`;
}

function ytdShort(p: Period): string {
  const n = lastMonth(p);
  if (n === 6) return '6 tháng đầu năm';
  if (n === 12) return `Năm ${p.year}`;
  return `Lũy kế ${n} tháng`;
}

/** The same period a year earlier, as the sub-heading under "Thực hiện cùng kỳ năm trước". */
function sameHeading(p: Period, cumulative: boolean): string {
  const label = periodLabelVi(p);
  if (cumulative && p.kind === 'ytd' && p.throughMonth !== 6 && p.throughMonth !== 12)
    return `Lũy kế ${p.throughMonth} tháng năm ${p.year}`;
  return label;
}

function shortOfPeriod(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `Tháng ${p.month}/${p.year}`;
    case 'quarter':
      return `Quý ${quarterRoman(p.quarter)}/${p.year}`;
    case 'ytd':
      return periodLabelVi(p);
  }
}

/** The status word of a figure column from the statuses of its figures; an estimate anywhere makes it "Ước". */
export function statusWord(statuses: ReadonlySet<ValueStatus>, fallback: ValueStatus): string {
  if (statuses.has('estimate')) return 'Ước thực hiện';
  if (statuses.has('actual')) return 'Thực hiện';
  return fallback === 'estimate' ? 'Ước thực hiện' : 'Thực hiện';
}

export interface PlannedColumns {
  columns: ReportColumn[];
  /** The period of each figure key present. */
  periods: Map<FigureKey, Period>;
}

/** The column set of a report of `period`; figure headings get their status word later (figureHeading). */
export function planColumns(period: Period, flags: ColumnFlags): PlannedColumns {
  const year = period.year;
  const last = lastMonth(period);
  const cumulativeReport = period.kind === 'ytd';
  // January and the first quarter: the cumulative is the period itself.
  const withYtd =
    !cumulativeReport &&
    !(period.kind === 'month' && period.month === 1) &&
    !(period.kind === 'quarter' && period.quarter === 1);
  const ytd = ytdThrough(year, last);
  const previous = previousPeriod(period);

  const columns: ReportColumn[] = [
    { kind: 'label', field: 'stt', top: 'STT', sub: null, code: 'A' },
    { kind: 'label', field: 'name', top: 'Chỉ tiêu', sub: null, code: 'B' },
    { kind: 'label', field: 'unit', top: 'Đơn vị tính', sub: null, code: 'C' },
  ];
  const periods = new Map<FigureKey, Period>();
  const figure = (
    key: FigureKey,
    p: Period | null,
    planYear: number | null,
    top: string,
    sub: string | null,
    word: boolean,
  ) => {
    columns.push({ kind: 'figure', key, period: p, year: planYear, top, sub, code: '', statusWord: word });
    if (p) periods.set(key, p);
  };

  figure('plan', null, year, `Kế hoạch năm ${year}`, null, false);
  if (flags.stretch) figure('planStretch', null, year, `Chỉ tiêu phấn đấu năm ${year}`, null, false);
  if (!cumulativeReport && previous) figure('previous', previous, null, periodPhrase(previous), null, true);
  if (cumulativeReport && last > 1)
    figure('closingMonth', monthPeriod(year, last), null, periodPhrase(monthPeriod(year, last)), null, true);
  figure('value', period, null, periodPhrase(period), null, true);
  if (withYtd) figure('ytd', ytd, null, '', null, true);
  figure(
    'samePeriod',
    samePeriodLastYear(period),
    null,
    sameGroup,
    sameHeading(samePeriodLastYear(period), cumulativeReport),
    false,
  );
  if (withYtd)
    figure(
      'ytdSamePeriod',
      samePeriodLastYear(ytd),
      null,
      sameGroup,
      sameHeading(samePeriodLastYear(ytd), true),
      false,
    );

  const cumulativeKey: FigureKey = withYtd ? 'ytd' : 'value';
  const cumulativeName = withYtd ? ytdShort(ytd) : shortOfPeriod(period);
  const percent = (of: FigureKey, to: FigureKey, sub: string) =>
    columns.push({ kind: 'percent', of, to, top: compareGroup, sub, code: '' });
  percent('value', 'samePeriod', `${shortOfPeriod(period)} so với cùng kỳ`);
  if (withYtd) percent('ytd', 'ytdSamePeriod', `${cumulativeName} so với cùng kỳ`);
  percent(cumulativeKey, 'plan', `${cumulativeName} so với kế hoạch năm`);
  if (flags.stretch) percent(cumulativeKey, 'planStretch', `${cumulativeName} so với chỉ tiêu phấn đấu`);

  // From October: the estimate of the whole year (until the report is the year's) and next year's plan.
  if (flags.yearEstimate && last >= 10 && last < 12) {
    figure('yearEstimate', ytdThrough(year, 12), null, `Ước thực hiện năm ${year}`, null, false);
    columns.push({
      kind: 'percent',
      of: 'yearEstimate',
      to: 'plan',
      top: `Ước thực hiện năm ${year} so với kế hoạch năm (%)`,
      sub: null,
      code: '',
    });
  }
  if (flags.nextYearPlan && last >= 10) figure('planNextYear', null, year + 1, `Kế hoạch năm ${year + 1}`, null, false);
  if (flags.note) columns.push({ kind: 'note', top: 'Ghi chú', sub: null, code: '' });

  // Codes: A, B, C, then 1, 2 … left to right; a comparison also says what it divides: "7=3/5".
  let n = 0;
  const codeOf = new Map<FigureKey, string>();
  for (const c of columns) {
    if (c.kind === 'label') continue;
    c.code = String(++n);
    if (c.kind === 'figure') codeOf.set(c.key, c.code);
  }
  for (const c of columns)
    if (c.kind === 'percent') c.code = `${c.code}=${codeOf.get(c.of) ?? '?'}/${codeOf.get(c.to) ?? '?'}`;
  return { columns, periods };
}

/** The heading of a figure column once the statuses of its figures are known. */
export function figureHeading(column: FigureColumn, statuses: ReadonlySet<ValueStatus>, fallback: ValueStatus): string {
  if (!column.statusWord || !column.period) return column.top;
  const word = statusWord(statuses, fallback);
  if (column.key === 'ytd') return ytdHeading(column.period, word);
  return `${word} ${periodPhrase(column.period)}`;
}
