import { eq } from 'drizzle-orm';
import type { PlanLevel, ValueStatus } from '../../shared/api/values-entities';
import type { ChitieuDb } from '../connection';
import { annualPlansFull, indicatorValuesFull, reportingUnits } from '../schema';

/** A figure an import wrote, with the cell it came from: a value of a period, or a plan of a year and level. */
export type ImportedFigure =
  | {
      kind: 'value';
      unitCode: string;
      code: string;
      period: string;
      status: ValueStatus;
      value: number;
      sheet: string | null;
      cell: string | null;
    }
  | {
      kind: 'plan';
      unitCode: string;
      code: string;
      year: number;
      level: PlanLevel;
      value: number;
      sheet: string | null;
      cell: string | null;
    };

/** Every value and plan whose last write came from an imported workbook, of every reporting unit. */
export function importedFigures(db: ChitieuDb): ImportedFigure[] {
  const values = db
    .select({
      unitCode: reportingUnits.code,
      code: indicatorValuesFull.indicatorCode,
      period: indicatorValuesFull.period,
      status: indicatorValuesFull.status,
      value: indicatorValuesFull.value,
      sheet: indicatorValuesFull.sourceSheet,
      cell: indicatorValuesFull.sourceCell,
    })
    .from(indicatorValuesFull)
    .innerJoin(reportingUnits, eq(reportingUnits.id, indicatorValuesFull.unitId))
    .where(eq(indicatorValuesFull.sourceKind, 'imported'))
    .all();
  const plans = db
    .select({
      unitCode: reportingUnits.code,
      code: annualPlansFull.indicatorCode,
      year: annualPlansFull.year,
      level: annualPlansFull.level,
      value: annualPlansFull.value,
      sheet: annualPlansFull.sourceSheet,
      cell: annualPlansFull.sourceCell,
    })
    .from(annualPlansFull)
    .innerJoin(reportingUnits, eq(reportingUnits.id, annualPlansFull.unitId))
    .where(eq(annualPlansFull.sourceKind, 'imported'))
    .all();
  return [
    ...values.map((v) => ({ kind: 'value' as const, ...v })),
    ...plans.map((p) => ({ kind: 'plan' as const, ...p })),
  ];
}
