import { and, asc, count, eq, max } from 'drizzle-orm';
import type { Indicator } from '../../shared/api/entities';
import type { IndicatorKind } from '../../shared/catalog/indicator-kinds';
import type { ChitieuDb } from '../connection';
import { indicators, indicatorValues } from '../schema';

const indicatorColumns = {
  code: indicators.code,
  parentCode: indicators.parentCode,
  stt: indicators.stt,
  nameVi: indicators.nameVi,
  aliases: indicators.aliases,
  unit: indicators.unit,
  kind: indicators.kind,
  decimals: indicators.decimals,
  sortOrder: indicators.sortOrder,
  active: indicators.active,
};

export interface NewIndicatorRow {
  code: string;
  parentCode: string | null;
  stt: string;
  nameVi: string;
  aliases: string[];
  unit: string;
  kind: IndicatorKind;
  decimals: number;
  sortOrder: number;
}

export type IndicatorRowPatch = Partial<Omit<NewIndicatorRow, 'code'>> & { active?: boolean };

export function listIndicators(db: ChitieuDb): Indicator[] {
  return db.select(indicatorColumns).from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code)).all();
}

export function findIndicator(db: ChitieuDb, code: string): Indicator | undefined {
  return db.select(indicatorColumns).from(indicators).where(eq(indicators.code, code)).get();
}

export function lastSortOrder(db: ChitieuDb): number {
  return (
    db
      .select({ m: max(indicators.sortOrder) })
      .from(indicators)
      .get()?.m ?? 0
  );
}

export function insertIndicator(db: ChitieuDb, row: NewIndicatorRow): void {
  db.insert(indicators)
    .values({ ...row, active: true })
    .run();
}

export function updateIndicator(db: ChitieuDb, code: string, patch: IndicatorRowPatch): void {
  db.update(indicators)
    .set({ ...patch, updatedAt: new Date().toISOString() })
    .where(eq(indicators.code, code))
    .run();
}

export function countActiveChildren(db: ChitieuDb, code: string): number {
  return (
    db
      .select({ n: count() })
      .from(indicators)
      .where(and(eq(indicators.parentCode, code), eq(indicators.active, true)))
      .get()?.n ?? 0
  );
}

export function countValuesOfIndicator(db: ChitieuDb, code: string): number {
  return db.select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.indicatorCode, code)).get()?.n ?? 0;
}
