import { Tag } from 'antd';
import { useMemo } from 'react';
import type { GridFinding } from '../../../shared/api/values-entities';
import { severityLabelsVi } from '../../../shared/validation/finding';
import { FindingNoteButton } from '../validation/FindingNoteButton';
import { findingStatus, noteLine, severityColors } from '../validation/finding-text';
import { useValidationReport } from '../validation/use-validation-report';

interface Props {
  findings: readonly GridFinding[];
  unitId: number | undefined;
  periodKey: string;
}

/** The findings of the selected row, with their notes (from the report the header already holds) and the way to settle them. */
export function RowFindings({ findings, unitId, periodKey }: Props) {
  const report = useValidationReport(unitId, periodKey);
  const notes = useMemo(() => new Map((report.data?.findings ?? []).map((f) => [f.key, f.note])), [report.data]);
  return (
    <section className="detail-findings" aria-label="Phát hiện của chỉ tiêu">
      {findings.map((f) => {
        const note = notes.get(f.key) ?? null;
        return (
          <div key={f.key} className={`detail-finding is-${f.severity}`}>
            <Tag color={severityColors[f.severity]} style={{ marginInlineEnd: 0 }}>
              {severityLabelsVi[f.severity]}
            </Tag>
            <div className="detail-finding-message">
              {f.message}
              {note === null ? null : <div className="detail-finding-note">{noteLine(note)}</div>}
            </div>
            <span className="detail-finding-status">{findingStatus(f)}</span>
            <FindingNoteButton finding={{ ...f, note }} unitId={unitId} periodKey={periodKey} />
          </div>
        );
      })}
    </section>
  );
}
