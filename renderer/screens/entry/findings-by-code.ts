import type { GridFinding } from '../../../shared/api/values-entities';
import type { ReportedFinding } from '../../../shared/api/validation-entities';

/** The findings of a validation report by indicator, as the grid's rows show them. */
export function findingsByCode(findings: readonly ReportedFinding[]): Map<string, GridFinding[]> {
  const byCode = new Map<string, GridFinding[]>();
  for (const f of findings) {
    const list = byCode.get(f.indicatorCode) ?? [];
    list.push({ key: f.key, ruleId: f.ruleId, severity: f.severity, message: f.message, open: f.open });
    byCode.set(f.indicatorCode, list);
  }
  return byCode;
}
