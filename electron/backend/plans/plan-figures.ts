import { plansOfYears } from '../../../db/access/plans';
import type { ChitieuDb } from '../../../db/connection';
import type { PlanFigures } from '../../../shared/figures/grid-rows';

export function planFiguresOf(db: ChitieuDb, unitId: number, year: number): Map<string, PlanFigures> {
  const plans = new Map<string, PlanFigures>();
  for (const p of plansOfYears(db, unitId, [year])) {
    const entry = plans.get(p.indicatorCode) ?? { giao: null, phanDau: null };
    if (p.level === 'giao') entry.giao = p.value;
    else entry.phanDau = p.value;
    plans.set(p.indicatorCode, entry);
  }
  return plans;
}
