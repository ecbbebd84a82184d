import { Tag, Typography } from 'antd';
import type { Indicator } from '../../../shared/api/entities';
import type { ReportFinding } from '../../../shared/api/report-entities';
import { entryCellHref, validationHref } from '../../app/links';

const severityLabels: Record<ReportFinding['severity'], { text: string; color: string | undefined }> = {
  error: { text: 'Lỗi', color: 'red' },
  warning: { text: 'Cảnh báo', color: 'orange' },
  info: { text: 'Lưu ý', color: undefined },
};

interface Props {
  findings: readonly ReportFinding[];
  indicators: ReadonlyMap<string, Indicator>;
  unitId: number;
  periodKey: string;
}

/** The findings of Kiểm tra still open, at the end of the report as the issue asks: what the figures still owe. */
export function ReportFindings({ findings, indicators, unitId, periodKey }: Props) {
  return (
    <section className="report-findings" aria-label="Phát hiện chưa xử lý">
      <Typography.Title level={5}>Các phát hiện kiểm tra chưa xử lý ({findings.length})</Typography.Title>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">Không còn lỗi, cảnh báo nào chưa xử lý trong kỳ này.</Typography.Text>
      ) : (
        <ul>
          {findings.map((f, i) => {
            const indicator = f.indicatorCode === null ? undefined : indicators.get(f.indicatorCode);
            return (
              <li key={`${i}-${f.message}`}>
                <Tag color={severityLabels[f.severity].color}>{severityLabels[f.severity].text}</Tag>
                {f.message}
                {indicator === undefined ? null : (
                  <>
                    {' '}
                    <a href={entryCellHref(unitId, periodKey, indicator.code)} title="Mở ô số liệu này ở Nhập liệu">
                      ({indicator.code})
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="report-findings-link">
        <a href={validationHref(unitId, periodKey)}>Mở Kiểm tra cho kỳ này</a>
      </div>
    </section>
  );
}
