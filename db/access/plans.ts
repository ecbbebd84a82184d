import { and, eq, inArray } from 'drizzle-orm';
import type { PlanLevel } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlans } from '../schema';
import { appendChange, batchKey } from './change-log';
import { sourceColumns, type WriteSource } from './write-source';

export type StoredPlan = typeof annualPlans.$inferSelect;

export interface PlanWrite {
  indicatorCode: string;
  unitId: number;
  year: number;
  level: PlanLevel;
  next: number | null;
  who: string;
  at: string;
  batchId: string;
  source: WriteSource;
}

export function plansOfYears(db: ChitieuDb, unitId: number, years: number[]): StoredPlan[] {
  return db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.unitId, unitId), inArray(annualPlans.year, years)))
    .all();
}

export function findPlan(
  db: ChitieuDb,
  indicatorCode: string,
  unitId: number,
  year: number,
  level: PlanLevel,
): StoredPlan | undefined {
  return db
    .select()
    .from(annualPlans)
    .where(
      and(
        eq(annualPlans.indicatorCode, indicatorCode),
        eq(annualPlans.unitId, unitId),
        eq(annualPlans.year, year),
        eq(annualPlans.level, level),
      ),
    )
    .get();
}

/** Writes (or removes) one plan figure and appends its change-log row; the caller holds the transaction. */
export function writePlan(db: ChitieuDb, write: PlanWrite): void {
  const current = findPlan(db, write.indicatorCode, write.unitId, write.year, write.level);
  const batchId = batchKey(db, write);
  const source = sourceColumns(write.source);
  if (write.next === null) {
    if (current) db.delete(annualPlans).where(eq(annualPlans.id, current.id)).run();
  } else {
    db.insert(annualPlans)
      .values({
        indicatorCode: write.indicatorCode,
        unitId: write.unitId,
        year: write.year,
        level: write.level,
        value: write.next,
        batchId,
        ...source,
      })
      .onConflictDoUpdate({
        target: [annualPlans.indicatorCode, annualPlans.unitId, annualPlans.year, annualPlans.level],
        set: { value: write.next, batchId, ...source },
      })
      .run();
  }
  appendChange(
    db,
    batchId,
    {
      entity: 'plan',
      indicatorCode: write.indicatorCode,
      unitId: write.unitId,
      year: write.year,
      level: write.level,
      oldValue: current?.value ?? null,
      newValue: write.next,
    },
    write.source,
  );
}
