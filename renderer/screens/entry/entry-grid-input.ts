import type { OperationInput } from '../../../shared/api/contract';

/**
 * What Nhập liệu reads its figures with; one shape for the screen and the read started before it is drawn, so
 * that both land under the same query key. Findings come from the validation report the header shares.
 */
export function entryGridInput(unitId: number | undefined, periodKey: string): OperationInput<'values.grid'> {
  return { unitId, period: periodKey, withFindings: false };
}
