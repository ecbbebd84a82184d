import { Typography } from 'antd';
import type { Indicator } from '../../../shared/api/entities';
import type { Report } from '../../../shared/api/report-entities';
import { PeriodStateLine } from '../common/PeriodStateBar';
import { ReportFindings } from './ReportFindings';

interface Props {
  report: Report;
  indicators: ReadonlyMap<string, Indicator>;
}

/** The report as it will read on paper: title, the unit and period, a heading and its paragraphs per section. */
export function ReportDocument({ report, indicators }: Props) {
  return (
    <article className="report-document" aria-label="Văn bản báo cáo">
      <h2 className="report-title">{report.title}</h2>
      <p className="report-subtitle">
        {report.unitName} · {report.periodLabel}
      </p>
      <PeriodStateLine unitId={report.unitId} periodKey={report.period} />
      {report.sections.length === 0 ? (
        <p className="report-empty">
          Chưa có số liệu nào của kỳ này để viết thành câu. Hãy nhập số liệu ở Nhập liệu hoặc nhập từ tệp Excel.
        </p>
      ) : (
        report.sections.map((section) => (
          <section key={section.key} className="report-section" aria-label={section.title}>
            <h3>{section.title}</h3>
            {section.paragraphs.map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </section>
        ))
      )}
      <ReportFindings
        findings={report.openFindings}
        indicators={indicators}
        unitId={report.unitId}
        periodKey={report.period}
      />
      {report.skipped.length === 0 ? null : (
        <details className="report-skipped">
          <summary>
            <Typography.Text type="secondary">{report.skipped.length} câu chưa viết vì thiếu số liệu</Typography.Text>
          </summary>
          <ul>
            {report.skipped.map((s, i) => {
              const indicator = s.indicatorCode === null ? undefined : indicators.get(s.indicatorCode);
              return (
                <li key={`${s.templateKey}-${s.indicatorCode ?? ''}-${i}`}>
                  {indicator ? `${indicator.nameVi}: ` : ''}
                  {s.reason}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </article>
  );
}
