import { Checkbox, Empty, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { ReportedFinding, ValidationReport } from '../../../shared/api/validation-entities';
import { severities, severityLabelsVi, type Severity } from '../../../shared/validation/finding';
import type { UserRule } from '../../../shared/validation/user-rule';
import { FindingItem } from './FindingItem';

interface Props {
  report: ValidationReport;
  unitName: string;
  indicators: readonly Indicator[];
  rules: ReadonlyMap<string, UserRule>;
}

const severityHints: Record<Severity, string> = {
  error: 'chặn xuất báo cáo cho đến khi được sửa hoặc bỏ qua có lý do',
  warning: 'cần xem lại; ghi chú để đánh dấu đã xem xét',
  info: 'để biết, không cần xử lý',
};

/** The findings of a check, grouped by severity and in the catalog's order within each group. */
export function FindingsView({ report, unitName, indicators, rules }: Props) {
  const [onlyOpen, setOnlyOpen] = useState(false);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const groups = useMemo(() => {
    const order = new Map(indicators.map((i, at) => [i.code, at]));
    const place = (f: ReportedFinding) => order.get(f.indicatorCode) ?? order.size;
    const sorted = [...report.findings].sort((a, b) => place(a) - place(b));
    return severities.map((severity) => {
      const all = sorted.filter((f) => f.severity === severity);
      return { severity, all, shown: onlyOpen ? all.filter((f) => f.open) : all };
    });
  }, [report.findings, indicators, onlyOpen]);

  if (report.findings.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={`Không có phát hiện nào: số liệu ${unitName} · ${report.periodLabel} không có lỗi, cảnh báo.`}
      />
    );
  }
  return (
    <div className="findings">
      <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
        Chỉ hiện phát hiện chưa xử lý
      </Checkbox>
      {groups.map(({ severity, all, shown }) => (
        <FindingGroup key={severity} severity={severity} all={all} shown={shown}>
          {shown.map((f) => (
            <FindingItem
              key={f.key}
              finding={f}
              indicator={byCode.get(f.indicatorCode)}
              rules={rules}
              unitId={report.unitId}
              periodKey={report.period}
            />
          ))}
        </FindingGroup>
      ))}
    </div>
  );
}

interface GroupProps {
  severity: Severity;
  all: readonly ReportedFinding[];
  shown: readonly ReportedFinding[];
  children: ReactNode;
}

function FindingGroup({ severity, all, shown, children }: GroupProps) {
  const open = all.filter((f) => f.open).length;
  const label = severityLabelsVi[severity];
  return (
    <section className={`finding-group is-${severity}`} aria-label={label}>
      <Typography.Title level={5} className="finding-group-title">
        {label} <span className="finding-group-count">{all.length}</span>
        {severity === 'info' || all.length === 0 ? null : <span className="finding-group-open">{open} chưa xử lý</span>}
        <Typography.Text type="secondary" className="finding-group-hint">
          {severityHints[severity]}
        </Typography.Text>
      </Typography.Title>
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{all.length === 0 ? 'Không có.' : 'Đã xử lý hết.'}</Typography.Text>
      ) : (
        <ul className="finding-list">{children}</ul>
      )}
    </section>
  );
}
