import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { periodStateLog, periodStates } from '../schema';

export type StoredPeriodState = typeof periodStates.$inferSelect;
export type PeriodStateName = StoredPeriodState['state'];
export type PeriodStateLogRow = typeof periodStateLog.$inferSelect;

export interface PeriodStateChange {
  unitId: number;
  period: string;
  from: PeriodStateName;
  to: PeriodStateName;
  who: string;
  at: string;
  note: string | null;
}

export function findPeriodState(db: ChitieuDb, unitId: number, period: string): StoredPeriodState | undefined {
  return db
    .select()
    .from(periodStates)
    .where(and(eq(periodStates.unitId, unitId), eq(periodStates.period, period)))
    .get();
}

/** A unit's periods in the given states; there are a few per month of reporting, so all of them are read at once. */
export function periodStatesOfUnit(
  db: ChitieuDb,
  unitId: number,
  states: readonly PeriodStateName[],
): StoredPeriodState[] {
  return db
    .select()
    .from(periodStates)
    .where(and(eq(periodStates.unitId, unitId), inArray(periodStates.state, [...states])))
    .all();
}

/** The new state and its log row, together. */
export function recordPeriodState(db: ChitieuDb, change: PeriodStateChange): void {
  const row = {
    unitId: change.unitId,
    period: change.period,
    state: change.to,
    changedBy: change.who,
    changedAt: change.at,
    note: change.note,
  };
  db.insert(periodStates)
    .values(row)
    .onConflictDoUpdate({
      target: [periodStates.unitId, periodStates.period],
      set: { state: row.state, changedBy: row.changedBy, changedAt: row.changedAt, note: row.note },
    })
    .run();
  db.insert(periodStateLog)
    .values({
      unitId: change.unitId,
      period: change.period,
      fromState: change.from,
      toState: change.to,
      who: change.who,
      at: change.at,
      note: change.note,
    })
    .run();
}

export function periodStateLogOf(db: ChitieuDb, unitId: number, period: string): PeriodStateLogRow[] {
  return db
    .select()
    .from(periodStateLog)
    .where(and(eq(periodStateLog.unitId, unitId), eq(periodStateLog.period, period)))
    .orderBy(asc(periodStateLog.id))
    .all();
}
