import { and, asc, eq } from 'drizzle-orm';
import type { IndicatorRuleSettings } from '../../shared/validation/rule-settings';
import type { UserRule } from '../../shared/validation/user-rule';
import type { ChitieuDb } from '../connection';
import { findingNotes, indicatorRuleSettings, indicatorValues, validationRules } from '../schema';

export type StoredNote = typeof findingNotes.$inferSelect;

export function ruleSettingsByIndicator(db: ChitieuDb): Map<string, IndicatorRuleSettings> {
  return new Map(
    db
      .select()
      .from(indicatorRuleSettings)
      .all()
      .map((r) => [
        r.indicatorCode,
        { required: r.required, bandLow: r.bandLow, bandHigh: r.bandHigh, disabledRules: r.disabledRules },
      ]),
  );
}

export function saveRuleSettings(db: ChitieuDb, indicatorCode: string, settings: IndicatorRuleSettings): void {
  const at = new Date().toISOString();
  db.insert(indicatorRuleSettings)
    .values({ indicatorCode, ...settings, updatedAt: at })
    .onConflictDoUpdate({ target: indicatorRuleSettings.indicatorCode, set: { ...settings, updatedAt: at } })
    .run();
}

export function listUserRules(db: ChitieuDb): UserRule[] {
  return db
    .select()
    .from(validationRules)
    .orderBy(asc(validationRules.sortOrder), asc(validationRules.createdAt))
    .all()
    .map((r) => ({
      id: r.id,
      name: r.name,
      left: r.left,
      operator: r.operator as UserRule['operator'],
      right: r.right,
      missing: r.missing as UserRule['missing'],
      severity: r.severity as UserRule['severity'],
      message: r.message,
      enabled: r.enabled,
    }));
}

export function saveUserRule(db: ChitieuDb, rule: UserRule): void {
  const at = new Date().toISOString();
  const { id, ...fields } = rule;
  db.insert(validationRules)
    .values({ id, ...fields, updatedAt: at })
    .onConflictDoUpdate({ target: validationRules.id, set: { ...fields, updatedAt: at } })
    .run();
}

export function deleteUserRule(db: ChitieuDb, id: string): boolean {
  return db.delete(validationRules).where(eq(validationRules.id, id)).run().changes > 0;
}

/** The latest note of each finding of a unit and period. */
export function latestNotes(db: ChitieuDb, unitId: number, period: string): Map<string, StoredNote> {
  const rows = db
    .select()
    .from(findingNotes)
    .where(and(eq(findingNotes.unitId, unitId), eq(findingNotes.period, period)))
    .orderBy(asc(findingNotes.id))
    .all();
  return new Map(rows.map((r) => [r.findingKey, r]));
}

export function addNote(db: ChitieuDb, note: Omit<StoredNote, 'id'>): void {
  db.insert(findingNotes).values(note).run();
}

/** Every entered figure of a unit, without comments or sources: what the validation rules read. */
export function enteredHistory(db: ChitieuDb, unitId: number) {
  return db
    .select({
      indicatorCode: indicatorValues.indicatorCode,
      period: indicatorValues.period,
      value: indicatorValues.value,
      status: indicatorValues.status,
    })
    .from(indicatorValues)
    .where(eq(indicatorValues.unitId, unitId))
    .all();
}

/** Changes whenever another connection (the command line beside the open app) commits to the file. */
export function dataVersion(db: ChitieuDb): number {
  return db.$client.pragma('data_version', { simple: true }) as number;
}
