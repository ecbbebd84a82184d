import {
  findReportingUnit,
  insertReportingUnit,
  listReportingUnits,
  updateReportingUnit,
} from '../../../db/access/reporting-units';
import type { ChitieuDb } from '../../../db/connection';
import type { ReportingUnit } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/contract';

function mustFind(db: ChitieuDb, id: number): ReportingUnit {
  const unit = findReportingUnit(db, id);
  if (!unit)
    throw new AppError('not_found', `Không có đơn vị báo cáo số ${id}.`, { id }, `reporting unit ${id} not found`);
  return unit;
}

function overlaps(
  a: Pick<ReportingUnit, 'validFrom' | 'validTo'>,
  b: Pick<ReportingUnit, 'validFrom' | 'validTo'>,
): boolean {
  const aFrom = a.validFrom ?? '0000-01-01';
  const aTo = a.validTo ?? '9999-12-31';
  const bFrom = b.validFrom ?? '0000-01-01';
  const bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

/**
 * Codes may be reused after a merger, but never by two units at the same time, nor in another case: the command
 * line and the workbooks name a unit by its code whatever the case (findUnitByCode).
 */
function checkUnit(db: ChitieuDb, unit: Omit<ReportingUnit, 'id'>, id: number | null): void {
  if (unit.validFrom && unit.validTo && unit.validFrom > unit.validTo) {
    throw new AppError(
      'bad_input',
      'Ngày bắt đầu hiệu lực phải trước ngày hết hiệu lực.',
      unit,
      'validFrom after validTo',
    );
  }
  const code = unit.code.toLowerCase();
  const clash = listReportingUnits(db).find(
    (other) => other.id !== id && other.code.toLowerCase() === code && overlaps(other, unit),
  );
  if (clash) {
    throw new AppError(
      'conflict',
      `Mã ${unit.code} đang được đơn vị "${clash.name}" dùng trong cùng thời gian hiệu lực.`,
      { code: unit.code, clashId: clash.id },
      'unit code in use in an overlapping validity range',
    );
  }
  for (let up = unit.parentId; up !== null; up = mustFind(db, up).parentId) {
    if (up === id)
      throw new AppError(
        'bad_input',
        'Một đơn vị không thể trực thuộc chính nó hay một đơn vị cấp dưới của nó.',
        { id },
        'unit parent would make a cycle',
      );
  }
  for (const predecessorId of unit.predecessorIds) {
    if (predecessorId === id)
      throw new AppError(
        'bad_input',
        'Một đơn vị không thể là tiền thân của chính nó.',
        { id },
        'unit is its own predecessor',
      );
    mustFind(db, predecessorId);
  }
}

export function listUnits(db: ChitieuDb): ReportingUnit[] {
  return listReportingUnits(db);
}

export function createUnit(db: ChitieuDb, draft: ParsedInput<'units.create'>): ReportingUnit {
  return db.transaction(
    () => {
      checkUnit(db, draft, null);
      return mustFind(db, insertReportingUnit(db, draft));
    },
    { behavior: 'immediate' },
  );
}

export function updateUnit(db: ChitieuDb, id: number, patch: ParsedInput<'units.update'>['patch']): ReportingUnit {
  return db.transaction(
    () => {
      const current = mustFind(db, id);
      checkUnit(db, { ...current, ...patch }, id);
      updateReportingUnit(db, id, patch);
      return mustFind(db, id);
    },
    { behavior: 'immediate' },
  );
}
