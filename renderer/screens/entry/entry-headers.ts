import type { ValueStatus } from '../../../shared/api/values-entities';
import {
  lastMonth,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../../../shared/periods/period';
import type { EntryHeaders } from './entry-columns';
import type { EntryRow } from './entry-row';

const valueHeading: Record<ValueStatus, string> = { estimate: 'Ước thực hiện', actual: 'Thực hiện' };

/**
 * "Ước thực hiện" while the period's figures are estimates, "Thực hiện" once they are actual; both words
 * when the rows are mixed. With no figure yet, the status new figures will get decides.
 */
export function valueHeader(rows: readonly EntryRow[], newStatus: ValueStatus): string {
  const statuses = new Set<ValueStatus>();
  for (const r of rows)
    if (r.figures !== null && r.figures.value !== null && r.figures.status !== null) statuses.add(r.figures.status);
  if (statuses.size === 0) return valueHeading[newStatus];
  if (statuses.size > 1) return 'Ước thực hiện / Thực hiện';
  const [only] = statuses;
  return only === undefined ? valueHeading[newStatus] : valueHeading[only];
}

/**
 * A cumulative period (6 tháng, 9 tháng, năm) is its own cumulative from the start of the year. A January or a
 * first quarter is too, but is reported in the month's and the quarter's layout, the one the other months have.
 */
export function isCumulative(period: Period): boolean {
  return period.kind === 'ytd';
}

export function headersFor(period: Period, value: string): EntryHeaders {
  const previous = previousPeriod(period);
  return {
    planYear: `Năm ${period.year}`,
    samePeriod: periodLabelVi(samePeriodLastYear(period)),
    previous: previous === null ? null : periodLabelVi(previous),
    value,
    valueSub: periodLabelVi(period),
    ytd: periodLabelVi(ytdThrough(period.year, lastMonth(period))),
    ytdSamePeriod: periodLabelVi(ytdThrough(period.year - 1, lastMonth(period))),
    cumulative: isCumulative(period),
  };
}
