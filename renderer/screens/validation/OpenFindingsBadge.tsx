import { periodLabelVi } from '../../../shared/periods/period';
import { validationHref } from '../../app/links';
import { usePeriodChoice } from '../common/use-period-choice';
import { useUnitChoice } from '../common/use-unit-choice';
import { openCounts, openCountsText } from './finding-text';
import { useValidationReport } from './use-validation-report';

/**
 * The open findings of the unit and period the clerk works on (the ones in the URL), in the header of every
 * screen, linking to Kiểm tra. Writes of figures invalidate the report, so the count follows every save.
 */
export function OpenFindingsBadge() {
  const { unit } = useUnitChoice();
  const { period, periodKey } = usePeriodChoice();
  const report = useValidationReport(unit?.id, periodKey);
  if (unit === undefined || report.data === undefined) return null;
  const counts = openCounts(report.data.findings);
  const level = counts.errors > 0 ? 'is-error' : counts.warnings > 0 ? 'is-warning' : 'is-clean';
  return (
    <a
      className={`findings-badge ${level}`}
      href={validationHref(unit.id, periodKey)}
      aria-label={`Phát hiện chưa xử lý: ${openCountsText(counts)}`}
      title={`Kiểm tra số liệu ${unit.name} · ${periodLabelVi(period)}`}
    >
      <span className="findings-badge-scope">
        {unit.name} · {periodLabelVi(period)}
      </span>
      <span className="findings-badge-count">{openCountsText(counts)}</span>
    </a>
  );
}
