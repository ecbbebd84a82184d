import type { ApiClient } from '../../shared/api/client';
import { findUnitByCode } from '../../shared/units/find-unit-by-code';
import { UsageError } from './cli-error';

/** `--unit CODE` as the id the API takes; no option means the province, which the backend picks. */
export async function unitIdOption(
  api: ApiClient,
  code: string | undefined,
  onDay: string,
): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const unit = findUnitByCode(await api.call('units.list', {}), code, onDay);
  if (!unit) throw new UsageError(`Không có đơn vị báo cáo mã ${code}.`);
  return unit.id;
}
