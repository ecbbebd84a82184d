import { formatPeriodKey, periodLabelVi, samePeriodLastYear, type Period } from '../../../shared/periods/period';
import type { BatchResult, ValueStatus } from '../../../shared/api/values-entities';
import { api } from '../../api/api';
import type { CellEdit, WriteSource } from '../../grid/grid-features';
import type { EntryRow } from './entry-row';

/** Where a column typed in Nhập liệu keeps its figure: the same place Kế hoạch and the other period's grid do. */
export type EntryTarget =
  | { kind: 'plan'; year: number; label: string }
  | {
      kind: 'values';
      period: string;
      label: string;
      status?: ValueStatus;
      /**
       * The stored figure the row showed, sent with the save so that a figure someone else saved meanwhile is not
       * replaced unseen; only where the column shows the stored figure itself, not one worked out from months.
       */
      seenOf?: (row: EntryRow) => number | null;
    };

/** The stored figure behind each column that takes input, by column id. */
export function entryTargets(period: Period, newStatus: ValueStatus): Readonly<Record<string, EntryTarget>> {
  const same = samePeriodLastYear(period);
  return {
    plan: { kind: 'plan', year: period.year, label: `Kế hoạch giao năm ${period.year}` },
    samePeriod: { kind: 'values', period: formatPeriodKey(same), label: periodLabelVi(same) },
    value: {
      kind: 'values',
      period: formatPeriodKey(period),
      label: periodLabelVi(period),
      status: newStatus,
      seenOf: (row) => row.figures?.value ?? null,
    },
  };
}

/** The period key a target's writes are closed with: a year's plans close with the year itself. */
export function lockKeyOf(target: EntryTarget): string {
  return target.kind === 'plan' ? String(target.year) : target.period;
}

/**
 * Figures this page saved whose re-read has not come back yet: typing over such a cell again (or pasting over it)
 * replaces the page's own figure, which the row on screen does not show yet, so that one is what the save saw.
 */
class OwnSaves {
  private readonly saved = new Map<string, { shownBefore: number | null; written: number | null }>();

  seen(key: string, shown: number | null): number | null {
    const own = this.saved.get(key);
    if (own === undefined) return shown;
    if (shown === own.shownBefore) return own.written;
    this.saved.delete(key);
    return shown;
  }

  record(key: string, shownBefore: number | null, written: number | null): void {
    this.saved.set(key, { shownBefore, written });
  }
}

const ownSaves = new OwnSaves();

async function writeTo(
  unitId: number | undefined,
  target: EntryTarget,
  edits: readonly CellEdit<EntryRow>[],
  source: WriteSource,
): Promise<BatchResult> {
  if (target.kind === 'plan') {
    const entries = edits.map((e) => ({ code: e.row.code, level: 'giao' as const, value: e.value }));
    return api.call('plans.set', { unitId, year: target.year, source, entries });
  }
  const { status, seenOf } = target;
  const keyOf = (code: string) => `${unitId ?? ''}|${target.period}|${code}`;
  const seen = edits.map((e) => (seenOf === undefined ? undefined : ownSaves.seen(keyOf(e.row.code), seenOf(e.row))));
  const entries = edits.map((e, i) => ({
    code: e.row.code,
    value: e.value,
    ...(e.value === null || status === undefined ? {} : { status }),
    ...(seen[i] === undefined ? {} : { seen: seen[i] }),
  }));
  const result = await api.call('values.set', { unitId, period: target.period, source, entries });
  if (seenOf !== undefined) for (const e of edits) ownSaves.record(keyOf(e.row.code), seenOf(e.row), e.value);
  return result;
}

/**
 * Writes the edits of one action, one call per place they go to (each call one transaction). Should a later call
 * be refused, the earlier ones are reverted before the refusal is passed on, so that a paste never stays half-written.
 */
export async function writeEntryEdits(
  unitId: number | undefined,
  targets: Readonly<Record<string, EntryTarget>>,
  edits: readonly CellEdit<EntryRow>[],
  source: WriteSource,
): Promise<BatchResult[]> {
  const groups = new Map<EntryTarget, CellEdit<EntryRow>[]>();
  for (const edit of edits) {
    const target = targets[edit.columnId];
    if (target === undefined) throw new Error(`column ${edit.columnId} takes no input`);
    groups.set(target, [...(groups.get(target) ?? []), edit]);
  }
  const done: BatchResult[] = [];
  try {
    for (const [target, group] of groups) done.push(await writeTo(unitId, target, group, source));
  } catch (error) {
    for (const { batchId } of done.reverse()) if (batchId !== null) await api.call('changes.revert', { batchId });
    throw error;
  }
  return done;
}
