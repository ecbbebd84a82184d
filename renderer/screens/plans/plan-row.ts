import type { PlanRow as PlanFigures } from '../../../shared/api/values-entities';
import type { TreeIndicator } from '../common/use-catalog-tree';

/** One indicator of the catalog tree with its annual plan at both levels. */
export type PlanRow = TreeIndicator & { plan: PlanFigures | null };

export function takesPlan(row: PlanRow): boolean {
  return row.kind !== 'group';
}

export function hasPlan(row: PlanRow): boolean {
  return row.plan !== null && (row.plan.giao !== null || row.plan.phanDau !== null);
}
