import { findReportingUnit, reportingUnitsWithCode } from '../../../db/access/reporting-units';
import type { ChitieuDb } from '../../../db/connection';
import { provinceUnitCode } from '../../../db/seed/seed-new-database';
import type { ReportingUnit } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';

/** The unit a figure belongs to; without one, the whole province, which is what most clerks report. */
export function resolveUnit(db: ChitieuDb, unitId: number | undefined): ReportingUnit {
  const unit = unitId === undefined ? reportingUnitsWithCode(db, provinceUnitCode)[0] : findReportingUnit(db, unitId);
  if (!unit) {
    throw new AppError(
      'not_found',
      `Không có đơn vị báo cáo ${unitId ?? provinceUnitCode}.`,
      { unitId },
      'reporting unit not found',
    );
  }
  return unit;
}
