import { App, Button, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useApiQuery } from '../../api/api';
import { useHashParam } from '../../app/use-hash-param';
import { PeriodPicker } from '../entry/PeriodPicker';
import { PeriodStateBar } from '../common/PeriodStateBar';
import { UnitSelect } from '../common/UnitSelect';
import { usePeriodChoice } from '../common/use-period-choice';
import { useUnitChoice } from '../common/use-unit-choice';
import { BuiltinRulesPanel } from './BuiltinRulesPanel';
import { openCounts, openCountsText, type OpenCounts } from './finding-text';
import { FindingsView } from './FindingsView';
import { RulesPanel } from './RulesPanel';
import { useValidationReport } from './use-validation-report';
import '../common/grid-screen.css';
import './validation.css';

const tabs = ['ket-qua', 'quy-tac', 'co-san'] as const;
type Tab = (typeof tabs)[number];

function checkedText(counts: OpenCounts): string {
  return counts.errors + counts.warnings === 0
    ? 'không còn lỗi, cảnh báo nào chưa xử lý'
    : `còn ${openCountsText(counts)} chưa xử lý`;
}

function tabOf(param: string | null): Tab {
  return tabs.find((t) => t === param) ?? 'ket-qua';
}

/** Kiểm tra: the findings of a unit and period, the department's own rules, and the settings of the built-in ones. */
export function ValidationScreen() {
  const { message } = App.useApp();
  const { units, unit, setUnitId } = useUnitChoice();
  const { period, periodKey, setPeriod } = usePeriodChoice();
  const [tabParam, setTabParam] = useHashParam('muc');
  const tab = tabOf(tabParam);
  const report = useValidationReport(unit?.id, periodKey);
  const catalog = useApiQuery('catalog.list', { includeRetired: true });
  const rules = useApiQuery('validation.rules.list', {});
  const indicators = useMemo(() => catalog.data ?? [], [catalog.data]);
  const codes = useMemo(() => new Set(indicators.map((i) => i.code)), [indicators]);
  const rulesById = useMemo(() => new Map((rules.data ?? []).map((r) => [r.id, r])), [rules.data]);

  const check = () =>
    void report.refetch().then((result) => {
      if (result.error !== null) void message.error(result.error.message);
      else if (result.data !== undefined)
        void message.success(
          `Đã kiểm tra ${result.data.periodLabel}: ${checkedText(openCounts(result.data.findings))}.`,
        );
    });

  const results =
    report.error !== null ? (
      <p role="alert" className="grid-error">
        {report.error.message}
      </p>
    ) : report.data === undefined || unit === undefined ? (
      <Spin description="Đang kiểm tra…" />
    ) : (
      <FindingsView report={report.data} unitName={unit.name} indicators={indicators} rules={rulesById} />
    );

  return (
    <section className="validation-screen" aria-label="Kiểm tra">
      <div className="grid-toolbar">
        <UnitSelect units={units} value={unit?.id} onChange={setUnitId} />
        <PeriodPicker value={period} onChange={setPeriod} />
        <PeriodStateBar unitId={unit?.id} periodKey={periodKey} withActions={false} />
        {/* A fixed name: antd's loading icon would otherwise rename the button "loading Kiểm tra" mid-check. */}
        <Button
          type="primary"
          aria-label="Kiểm tra"
          loading={report.isFetching}
          disabled={unit === undefined}
          onClick={check}
        >
          Kiểm tra
        </Button>
        {report.dataUpdatedAt > 0 && report.data !== undefined ? (
          <Typography.Text type="secondary">
            Kiểm tra lúc {dayjs(report.dataUpdatedAt).format('HH:mm:ss')}
          </Typography.Text>
        ) : null}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTabParam(key)}
        items={[
          { key: 'ket-qua', label: 'Kết quả kiểm tra', children: results },
          {
            key: 'quy-tac',
            label: `Quy tắc của đơn vị${rules.data ? ` (${rules.data.length})` : ''}`,
            children: <RulesPanel codes={codes} />,
          },
          {
            key: 'co-san',
            label: 'Quy tắc có sẵn và thiết lập',
            children: <BuiltinRulesPanel indicators={indicators} />,
          },
        ]}
      />
    </section>
  );
}
