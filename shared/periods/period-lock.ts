import { formatViDateTime } from '../text/date-time';
import {
  formatPeriodKey,
  lastMonth,
  monthsCovered,
  monthPeriod,
  quarterPeriod,
  ytdThrough,
  type Period,
} from './period';

/**
 * Where a unit's period stands, as DHIS2's data approval has it. Approved and closed periods refuse edits
 * (DHIS2 refuses them from approval on): what the Province was sent as approved does not change under it.
 */
export const periodStateNames = ['entry', 'submitted', 'approved', 'locked'] as const;
export type PeriodStateName = (typeof periodStateNames)[number];

export const periodStateLabelsVi: Readonly<Record<PeriodStateName, string>> = {
  entry: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  locked: 'Đã khóa sổ',
};

export const refusingStates: readonly PeriodStateName[] = ['approved', 'locked'];

export function refusesEdits(state: PeriodStateName): boolean {
  return refusingStates.includes(state);
}

function firstMonthOf(p: Period): number {
  return monthsCovered(p)[0]?.month ?? lastMonth(p);
}

/**
 * The periods of the same year whose months include all of `p`'s, `p` first: a figure of `p` is closed when any of
 * them is. Closing "6 tháng 2023" closes its months, its quarters and the shorter cumulatives too, because changing
 * any of them changes what the closed six months were reported from; closing a month leaves the six months open.
 */
export function enclosingPeriodKeys(p: Period): string[] {
  const first = firstMonthOf(p);
  const last = lastMonth(p);
  const candidates: Period[] = [];
  for (let m = 1; m <= 12; m++) candidates.push(monthPeriod(p.year, m), ytdThrough(p.year, m));
  for (let q = 1; q <= 4; q++) candidates.push(quarterPeriod(p.year, q));
  const own = formatPeriodKey(p);
  const enclosing = candidates.filter((c) => firstMonthOf(c) <= first && lastMonth(c) >= last).map(formatPeriodKey);
  return [own, ...enclosing.filter((k) => k !== own)];
}

const refusalVerbVi: Readonly<Record<PeriodStateName, string>> = {
  entry: 'đang nhập',
  submitted: 'đã gửi',
  approved: 'đã được duyệt',
  locked: 'đã khóa sổ',
};

/** How a state change reads after its name: "lúc 14:05 07/12/2026 bởi Nguyễn Văn A". */
export function whenAndWhoVi(at: string, who: string): string {
  return `lúc ${formatViDateTime(at)}${who.trim() === '' ? '' : ` bởi ${who.trim()}`}`;
}

export interface PeriodStateLine {
  state: PeriodStateName;
  changedBy: string | null;
  changedAt: string | null;
  lock: { period: string; periodLabel: string; state: PeriodStateName; who: string; at: string } | null;
  period: string;
}

/** The state of a period in one line, for the grid's tag, the check screen, the workbook and the report. */
export function periodStateLineVi(s: PeriodStateLine): string {
  const own =
    s.state === 'entry' || s.changedAt === null
      ? periodStateLabelsVi[s.state]
      : `${periodStateLabelsVi[s.state]} ${whenAndWhoVi(s.changedAt, s.changedBy ?? '')}`;
  if (s.lock === null || s.lock.period === s.period) return own;
  return `${own}; nằm trong ${s.lock.periodLabel} ${refusalVerbVi[s.lock.state]} ${whenAndWhoVi(s.lock.at, s.lock.who)}`;
}

/** Why a write into a closed period is refused, naming the period as the clerk reads it and who closed it. */
export function refusalVi(
  targetLabel: string,
  unitName: string,
  lock: { period: string; periodLabel: string; state: PeriodStateName; who: string; at: string },
  targetKey: string,
): string {
  const when = whenAndWhoVi(lock.at, lock.who);
  if (lock.period === targetKey) {
    return `Không ghi được: ${targetLabel} của ${unitName} ${refusalVerbVi[lock.state]} ${when}. Muốn sửa, hãy mở khóa kỳ này (Mở khóa, kèm lý do) trước.`;
  }
  return `Không ghi được: ${targetLabel} nằm trong ${lock.periodLabel} của ${unitName}, kỳ ${refusalVerbVi[lock.state]} ${when}. Muốn sửa, hãy mở khóa ${lock.periodLabel} (kèm lý do) trước.`;
}
