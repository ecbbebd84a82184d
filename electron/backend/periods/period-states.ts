import { findReportingUnit } from '../../../db/access/reporting-units';
import {
  findPeriodState,
  periodStateLogOf,
  periodStatesOfUnit,
  recordPeriodState,
  type StoredPeriodState,
} from '../../../db/access/period-states';
import type { ChitieuDb } from '../../../db/connection';
import { AppError } from '../../../shared/api/errors';
import type { PeriodAction, PeriodLock, PeriodStatus } from '../../../shared/api/period-state-entities';
import { periodKeyLabelVi, periodOrThrow } from '../../../shared/periods/period';
import {
  enclosingPeriodKeys,
  periodStateLabelsVi,
  refusalVi,
  refusingStates,
  type PeriodStateName,
} from '../../../shared/periods/period-lock';
import { changeAuthor } from '../settings/settings-service';
import { resolveUnit } from '../units/resolve-unit';

/**
 * The state machine of a unit's period: Đang nhập → Đã gửi → Đã duyệt → Khóa sổ, one step at a time as DHIS2's
 * approval levels go, and Mở khóa back to Đang nhập from any of them, only with a reason. Every step is logged.
 */
const steps: Readonly<Record<Exclude<PeriodAction, 'reopen'>, { from: PeriodStateName; to: PeriodStateName }>> = {
  submit: { from: 'entry', to: 'submitted' },
  approve: { from: 'submitted', to: 'approved' },
  lock: { from: 'approved', to: 'locked' },
};

const stepVerbVi: Readonly<Record<PeriodAction, string>> = {
  submit: 'gửi',
  approve: 'duyệt',
  lock: 'khóa sổ',
  reopen: 'mở khóa',
};

function actionsFrom(state: PeriodStateName): PeriodAction[] {
  const forward = (Object.keys(steps) as (keyof typeof steps)[]).filter((a) => steps[a].from === state);
  return state === 'entry' ? forward : [...forward, 'reopen'];
}

function lockOf(row: StoredPeriodState): PeriodLock {
  return {
    period: row.period,
    periodLabel: periodKeyLabelVi(row.period),
    state: row.state,
    who: row.changedBy,
    at: row.changedAt,
  };
}

/** The closed period that refuses writes to `periodKey` of the unit: itself first, then the widest one around it. */
function lockAround(closed: ReadonlyMap<string, StoredPeriodState>, periodKey: string): PeriodLock | null {
  const keys = enclosingPeriodKeys(periodOrThrow(periodKey));
  const found = keys.map((k) => closed.get(k)).filter((r): r is StoredPeriodState => r !== undefined);
  const own = found.find((r) => r.period === periodKey);
  const chosen = own ?? found.at(-1);
  return chosen ? lockOf(chosen) : null;
}

function closedPeriodsOf(db: ChitieuDb, unitId: number): Map<string, StoredPeriodState> {
  return new Map(periodStatesOfUnit(db, unitId, refusingStates).map((r) => [r.period, r]));
}

/**
 * Refuses, with the period as the clerk reads it and who closed it when, any write to a unit's figures of periods
 * that are approved or closed or lie inside one that is. Called inside the write's own transaction, so a state
 * changed meanwhile is seen; `periodKeys` may repeat ("2023" stands for the year's plans).
 */
export function assertWritable(db: ChitieuDb, unitId: number, periodKeys: Iterable<string>): void {
  const closed = closedPeriodsOf(db, unitId);
  if (closed.size === 0) return;
  for (const key of new Set(periodKeys)) {
    const lock = lockAround(closed, key);
    if (lock === null) continue;
    const unitName = findReportingUnit(db, unitId)?.name ?? String(unitId);
    throw new AppError(
      'conflict',
      refusalVi(periodKeyLabelVi(key), unitName, lock, key),
      { unitId, period: key, lockedPeriod: lock.period, state: lock.state, who: lock.who, at: lock.at },
      `period ${lock.period} of unit ${unitId} is ${lock.state}`,
    );
  }
}

/** A year's plans are closed with the year itself ("Năm 2023"), not with its months: plans are revised mid-year. */
export function assertPlanWritable(db: ChitieuDb, unitId: number, year: number): void {
  assertWritable(db, unitId, [String(year)]);
}

export function periodStatus(db: ChitieuDb, unitId: number | undefined, periodKey: string): PeriodStatus {
  const unit = resolveUnit(db, unitId);
  periodOrThrow(periodKey);
  const stored = findPeriodState(db, unit.id, periodKey);
  const state = stored?.state ?? 'entry';
  return {
    unitId: unit.id,
    unitName: unit.name,
    period: periodKey,
    periodLabel: periodKeyLabelVi(periodKey),
    state,
    changedBy: stored?.changedBy ?? null,
    changedAt: stored?.changedAt ?? null,
    note: stored?.note ?? null,
    lock: lockAround(closedPeriodsOf(db, unit.id), periodKey),
    actions: actionsFrom(state),
    log: periodStateLogOf(db, unit.id, periodKey).map((r) => ({
      from: r.fromState,
      to: r.toState,
      who: r.who,
      at: r.at,
      note: r.note,
    })),
  };
}

function refuseStep(action: PeriodAction, status: PeriodStatus): never {
  const label = `${status.periodLabel} của ${status.unitName}`;
  const now = periodStateLabelsVi[status.state];
  let hint: string;
  if (action === 'reopen') {
    hint = status.lock
      ? `Kỳ này bị khóa theo ${status.lock.periodLabel}: hãy mở khóa ${status.lock.periodLabel}.`
      : 'Kỳ đang nhập, không có gì để mở khóa.';
  } else {
    const needed = steps[action].from;
    const next = actionsFrom(status.state).filter((a) => a !== 'reopen');
    hint = `Chỉ ${stepVerbVi[action]} được kỳ ở trạng thái ${periodStateLabelsVi[needed]}`;
    hint +=
      next.length > 0
        ? `; bước tiếp theo của kỳ này là ${next.map((a) => stepVerbVi[a]).join(', ')}.`
        : '; muốn làm lại, hãy mở khóa kỳ (kèm lý do).';
  }
  throw new AppError(
    'conflict',
    `Không ${stepVerbVi[action]} được: ${label} đang ở trạng thái ${now}. ${hint}`,
    { state: status.state, action },
    `cannot ${action} a period in state ${status.state}`,
  );
}

/** One step of the state machine, in one transaction with its log row; refused steps name the state and the way on. */
export function changePeriodState(
  db: ChitieuDb,
  action: PeriodAction,
  unitId: number | undefined,
  periodKey: string,
  note: string | null,
): PeriodStatus {
  return db.transaction(
    () => {
      const before = periodStatus(db, unitId, periodKey);
      let to: PeriodStateName;
      if (action === 'reopen') {
        if (before.state === 'entry') refuseStep(action, before);
        if (note === null || note.trim() === '') {
          throw new AppError(
            'bad_input',
            `Mở khóa ${before.periodLabel} cần có lý do.`,
            { period: periodKey },
            'reopen without a reason',
          );
        }
        to = 'entry';
      } else {
        if (before.state !== steps[action].from) refuseStep(action, before);
        to = steps[action].to;
      }
      const trimmed = note === null || note.trim() === '' ? null : note.trim();
      recordPeriodState(db, {
        unitId: before.unitId,
        period: periodKey,
        from: before.state,
        to,
        who: changeAuthor(db),
        at: new Date().toISOString(),
        note: trimmed,
      });
      return periodStatus(db, before.unitId, periodKey);
    },
    { behavior: 'immediate' },
  );
}

/** Undo and redo write back what a batch changed: refused when any of its figures or plans lies in a closed period. */
export function assertChangesWritable(
  db: ChitieuDb,
  rows: readonly { unitId: number; entity: 'value' | 'plan'; period: string | null; year: number | null }[],
): void {
  const keysByUnit = new Map<number, Set<string>>();
  for (const row of rows) {
    const key = row.entity === 'value' ? row.period : row.year === null ? null : String(row.year);
    if (key === null) continue;
    const keys = keysByUnit.get(row.unitId) ?? new Set<string>();
    keys.add(key);
    keysByUnit.set(row.unitId, keys);
  }
  for (const [unitId, keys] of keysByUnit) assertWritable(db, unitId, keys);
}
