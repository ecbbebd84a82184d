import { useCallback } from 'react';
import type { ReportingUnit } from '../../../shared/api/entities';
import { useApiQuery } from '../../api/api';
import { useHashParam } from '../../app/use-hash-param';

// The unit the database is created with; most clerks report for the province only.
const provinceUnitCode = 'TINH';

function defaultUnit(units: readonly ReportingUnit[]): ReportingUnit | undefined {
  return units.find((u) => u.code === provinceUnitCode) ?? units.find((u) => u.kind === 'province') ?? units[0];
}

/** The unit the URL's `dv` names, else the province. */
export function unitOf(units: readonly ReportingUnit[], param: string | null): ReportingUnit | undefined {
  return units.find((u) => String(u.id) === param) ?? defaultUnit(units);
}

/** The reporting unit a screen shows: the one in the URL, else the province. */
export function useUnitChoice() {
  const units = useApiQuery('units.list', {});
  const [param, setParam] = useHashParam('dv');
  const list = units.data ?? [];
  const unit = unitOf(list, param);
  const setUnitId = useCallback((id: number) => setParam(String(id)), [setParam]);
  return { units: list, unit, setUnitId };
}
