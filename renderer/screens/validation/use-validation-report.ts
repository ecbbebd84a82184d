import { useApiQuery } from '../../api/api';

/**
 * The findings of one unit and period. Kiểm tra, the header's count and the Nhập liệu panel ask with the same
 * key, so they share one answer; every write of figures invalidates it.
 */
export function useValidationReport(unitId: number | undefined, periodKey: string) {
  return useApiQuery('validation.run', { unitId, period: periodKey }, { enabled: unitId !== undefined });
}
