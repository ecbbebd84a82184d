import { eq } from 'drizzle-orm';
import type { PlanLevel, ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlans, indicatorValues, reportingUnits } from '../schema';

/** A figure an import wrote, with the cell it came from: a value of a period, or a plan of a year and level. */
export type ImportedFigure =
  | { kind: 'value'; unitCode: string; code: string; period: string; status: ValueStatus; value: number; sheet: string | null; cell: string | null }
  | { kind: 'plan'; unitCode: string; code: string; year: number; level: PlanLevel; value: number; sheet: string | null; cell: string | null };

/** Every value and plan whose last write came from an imported workbook, of every reporting unit. */
export function importedFigures(db: ChitieuDb): ImportedFigure[] {
  const values = db
    .select({
      unitCode: reportingUnits.code,
      code: indicatorValues.indicatorCode,
      period: indicatorValues.period,
      status: indicatorValues.status,
      value: indicatorValues.value,
      sheet: indicatorValues.sourceSheet,
      cell: indicatorValues.sourceCell,
    })
    .from(indicatorValues)
    .innerJoin(reportingUnits, eq(reportingUnits.id, indicatorValues.unitId))
    .where(eq(indicatorValues.sourceKind, 'imported'))
    .all();
  const plans = db
    .select({
      unitCode: reportingUnits.code,
      code: annualPlans.indicatorCode,
      year: annualPlans.year,
      level: annualPlans.level,
      value: annualPlans.value,
      sheet: annualPlans.sourceSheet,
      cell: annualPlans.sourceCell,
    })
    .from(annualPlans)
    .innerJoin(reportingUnits, eq(reportingUnits.id, annualPlans.unitId))
    .where(eq(annualPlans.sourceKind, 'imported'))
    .all();
  return [...values.map((v) => ({ kind: 'value' as const, ...v })), ...plans.map((p) => ({ kind: 'plan' as const, ...p }))];
}
