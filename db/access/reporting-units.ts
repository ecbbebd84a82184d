import { asc, eq } from 'drizzle-orm';
import type { ReportingUnit, ReportingUnitKind } from '../../shared/api/entities';
import type { ChitieuDb } from '../connection';
import { reportingUnits } from '../schema';

const unitColumns = {
  id: reportingUnits.id,
  code: reportingUnits.code,
  name: reportingUnits.name,
  kind: reportingUnits.kind,
  parentId: reportingUnits.parentId,
  validFrom: reportingUnits.validFrom,
  validTo: reportingUnits.validTo,
  predecessorIds: reportingUnits.predecessorIds,
};

export interface NewReportingUnitRow {
  code: string;
  name: string;
  kind: ReportingUnitKind;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  predecessorIds: number[];
}

export function listReportingUnits(db: ChitieuDb): ReportingUnit[] {
  return db.select(unitColumns).from(reportingUnits).orderBy(asc(reportingUnits.id)).all();
}

export function findReportingUnit(db: ChitieuDb, id: number): ReportingUnit | undefined {
  return db.select(unitColumns).from(reportingUnits).where(eq(reportingUnits.id, id)).get();
}

export function reportingUnitsWithCode(db: ChitieuDb, code: string): ReportingUnit[] {
  return db.select(unitColumns).from(reportingUnits).where(eq(reportingUnits.code, code)).all();
}

export function insertReportingUnit(db: ChitieuDb, row: NewReportingUnitRow): number {
  const inserted = db.insert(reportingUnits).values(row).returning({ id: reportingUnits.id }).get();
  return inserted.id;
}

export function updateReportingUnit(db: ChitieuDb, id: number, patch: Partial<NewReportingUnitRow>): void {
  db.update(reportingUnits)
    .set({ ...patch, updatedAt: new Date().toISOString() })
    .where(eq(reportingUnits.id, id))
    .run();
}
