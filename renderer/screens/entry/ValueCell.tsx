import { valueStatusLabelsVi } from '../../../shared/api/values-entities';
import { severityLabelsVi } from '../../../shared/validation/finding';
import { findingStatus, openCounts } from '../validation/finding-text';
import { partsLine, type EntryRow } from './entry-row';

/**
 * The figure of the period: italic with a small "ư" when it is an estimate, a red corner when it carries a
 * comment, a red (error) or orange (warning) mark while a finding of Kiểm tra is open on it, and underneath
 * the figure that follows from the months or the children when that one differs.
 */
export function ValueCell({ row, text }: { row: EntryRow; text: string }) {
  const f = row.figures;
  if (f === null) return null;
  const parts = partsLine(row);
  const status = f.value === null || f.status === null ? null : f.status;
  // Information is no fault of the figure: the detail panel lists it, the cell stays quiet.
  const findings = f.findings
    .filter((x) => x.severity !== 'info')
    .map((x) => `${severityLabelsVi[x.severity]}${x.open ? '' : ` (${findingStatus(x).toLowerCase()})`}: ${x.message}`);
  const title = [
    status === null ? null : valueStatusLabelsVi[status],
    parts,
    f.comment === null ? null : `Ghi chú: ${f.comment}`,
    ...findings,
  ]
    .filter((t) => t !== null)
    .join('\n');
  const open = openCounts(f.findings);
  const mark = open.errors > 0 ? 'error' : open.warnings > 0 ? 'warning' : null;
  return (
    <div className="value-cell" title={title || undefined}>
      {mark === null ? null : (
        <span
          className={`finding-mark is-${mark}`}
          aria-label={mark === 'error' ? 'Có lỗi chưa xử lý' : 'Có cảnh báo chưa xử lý'}
        />
      )}
      {f.comment === null ? null : <span className="comment-mark" aria-label="Có ghi chú" />}
      {text === '' ? null : <span className={status === 'estimate' ? 'value-estimate' : 'value-actual'}>{text}</span>}
      {parts === null ? null : <small className="value-parts">{parts}</small>}
    </div>
  );
}
