import type { ReportingUnit } from '../api/entities';

/**
 * Codes were reused after the 2025 mergers, so a code names the unit that was valid on the given day
 * (YYYY-MM-DD); with no unit valid then, the most recent one holding the code.
 */
export function findUnitByCode(
  units: readonly ReportingUnit[],
  code: string,
  onDay: string,
): ReportingUnit | undefined {
  const holders = units.filter((u) => u.code.toLowerCase() === code.toLowerCase());
  const valid = holders.find((u) => (u.validFrom ?? '0000-01-01') <= onDay && onDay <= (u.validTo ?? '9999-12-31'));
  return valid ?? [...holders].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0];
}
