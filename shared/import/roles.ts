/**
 * What a column of a workbook holds, relative to the report period the clerk imports for: "Thực hiện cùng
 * kỳ" is the report period a year earlier, whatever month that is. Kept relative so that a column mapped by
 * hand in May's workbook means the same in June's workbook of the same layout.
 */
import type { PlanLevel, ValueStatus } from '../api/values-entities';
import {
  formatPeriodKey,
  lastMonth,
  monthPeriod,
  periodLabelVi,
  previousPeriod,
  quarterPeriod,
  ytdThrough,
  type Period,
} from '../periods/period';

export type PeriodAnchor = 'report' | 'previous' | 'ytd' | 'month' | 'quarter' | 'months';

/** A period named relative to the report period; `year` (absolute) wins over `yearsBack`. */
export interface PeriodRef {
  anchor: PeriodAnchor;
  /** The month (month), quarter (quarter) or number of months from January (months). */
  n?: number | undefined;
  yearsBack?: number | undefined;
  year?: number | undefined;
}

export type Target =
  | { kind: 'value'; at: PeriodRef }
  | { kind: 'plan'; level: PlanLevel; yearsAhead?: number | undefined; year?: number | undefined };

export type StructuralRole = 'stt' | 'name' | 'unit' | 'code' | 'note';

export type ColumnRole =
  | { role: StructuralRole }
  /** `unit`: the unit the heading states, for rows that state none of their own. */
  | { role: 'data'; target: Target; status: ValueStatus | null; unit?: string | undefined }
  /** `status`: of the figure compared, when the heading says ("Ước tính tháng 9 so với cùng kỳ"). */
  | { role: 'percent'; of: Target; to: Target; status?: ValueStatus | undefined }
  | { role: 'ignore' };

/** A target made concrete for one report period. */
export type ResolvedTarget = { kind: 'value'; period: string } | { kind: 'plan'; year: number; level: PlanLevel };

export function resolvePeriodRef(ref: PeriodRef, report: Period): Period | null {
  const year = ref.year ?? report.year - (ref.yearsBack ?? 0);
  const n = ref.n ?? lastMonth(report);
  let base: Period | null;
  switch (ref.anchor) {
    case 'report':
      base = { ...report, year } as Period;
      break;
    case 'previous':
      base = previousPeriod({ ...report, year } as Period);
      break;
    case 'ytd':
      base = ytdThrough(year, lastMonth(report));
      break;
    case 'month':
      base = n >= 1 && n <= 12 ? monthPeriod(year, n) : null;
      break;
    case 'quarter': {
      const q = ref.n ?? Math.ceil(lastMonth(report) / 3);
      base = q >= 1 && q <= 4 ? quarterPeriod(year, q) : null;
      break;
    }
    case 'months':
      base = n >= 1 && n <= 12 ? ytdThrough(year, n) : null;
      break;
  }
  return base;
}

export function resolveTarget(target: Target, report: Period): ResolvedTarget | null {
  if (target.kind === 'plan')
    return { kind: 'plan', level: target.level, year: target.year ?? report.year + (target.yearsAhead ?? 0) };
  const period = resolvePeriodRef(target.at, report);
  return period ? { kind: 'value', period: formatPeriodKey(period) } : null;
}

export function targetKey(target: ResolvedTarget): string {
  return target.kind === 'value' ? target.period : `KH:${target.year}:${target.level}`;
}

const planLevelWords: Record<PlanLevel, string> = { giao: 'Kế hoạch', phan_dau: 'Chỉ tiêu phấn đấu' };

export function resolvedTargetLabel(target: ResolvedTarget, periodOf: (key: string) => Period | null): string {
  if (target.kind === 'plan') return `${planLevelWords[target.level]} năm ${target.year}`;
  const period = periodOf(target.period);
  return period ? periodLabelVi(period) : target.period;
}

export const statusWordsVi: Record<ValueStatus, string> = { estimate: 'ước tính', actual: 'thực hiện' };

/** Two roles are the same when they would put the same figures in the same places. */
export function sameRole(a: ColumnRole, b: ColumnRole): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
