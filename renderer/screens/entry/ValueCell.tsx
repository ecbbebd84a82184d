import { valueStatusLabelsVi } from '../../../shared/api/values-entities';
import { partsLine, type EntryRow } from './entry-row';

/**
 * The figure of the period: italic with a small "ư" when it is an estimate, a red corner when it carries a
 * comment, and underneath the figure that follows from the months or the children when that one differs.
 */
export function ValueCell({ row, text }: { row: EntryRow; text: string }) {
  const f = row.figures;
  if (f === null) return null;
  const parts = partsLine(row);
  const status = f.value === null || f.status === null ? null : f.status;
  const title = [status === null ? null : valueStatusLabelsVi[status], parts, f.comment === null ? null : `Ghi chú: ${f.comment}`]
    .filter((t) => t !== null)
    .join('\n');
  return (
    <div className="value-cell" title={title || undefined}>
      {f.comment === null ? null : <span className="comment-mark" aria-label="Có ghi chú" />}
      {text === '' ? null : <span className={status === 'estimate' ? 'value-estimate' : 'value-actual'}>{text}</span>}
      {parts === null ? null : <small className="value-parts">{parts}</small>}
    </div>
  );
}
