import { CopyOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Spin, Tabs } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, useApiQuery } from '../../api/api';
import { useHashParam } from '../../app/use-hash-param';
import { UnitSelect } from '../common/UnitSelect';
import { usePeriodChoice } from '../common/use-period-choice';
import { useUnitChoice } from '../common/use-unit-choice';
import { PeriodPicker } from '../entry/PeriodPicker';
import { ReportDocument } from './ReportDocument';
import { copyText, downloadDocx } from './report-files';
import { TemplatesPanel } from './TemplatesPanel';
import { PrintButton } from '../../print/PrintButton';
import { SetupNotice } from '../first-run/SetupNotice';
import '../common/grid-screen.css';
import './report.css';

// The chart library is loaded when the report is first shown, not with the grid the clerk opens first.
const ReportCharts = lazy(() => import('./ReportCharts').then((m) => ({ default: m.ReportCharts })));

const tabs = ['van-ban', 'mau-cau'] as const;
type Tab = (typeof tabs)[number];

function tabOf(param: string | null): Tab {
  return tabs.find((t) => t === param) ?? 'van-ban';
}

/** Báo cáo: the period's report written from the figures, its charts, and the phrase templates it is written with. */
export function ReportScreen() {
  const { message } = App.useApp();
  const { units, unit, setUnitId } = useUnitChoice();
  const { period, periodKey, setPeriod } = usePeriodChoice();
  const [tabParam, setTabParam] = useHashParam('muc');
  const tab = tabOf(tabParam);
  // Findings closed in Kiểm tra or figures imported elsewhere change the report: read it afresh on every visit.
  const report = useApiQuery(
    'report.build',
    { period: periodKey, unitId: unit?.id },
    { enabled: unit !== undefined, staleTime: 0 },
  );
  const catalog = useApiQuery('catalog.list', { includeRetired: true });
  const indicators = useMemo(() => catalog.data ?? [], [catalog.data]);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const [downloading, setDownloading] = useState(false);

  const copy = () => {
    if (!report.data) return;
    copyText(report.data.text).then(
      () =>
        void message.success({
          content: 'Đã sao chép văn bản báo cáo; dán vào văn bản của Sở bằng Ctrl+V.',
          key: 'report-action',
        }),
      (error: unknown) =>
        void message.error({ content: error instanceof Error ? error.message : String(error), key: 'report-action' }),
    );
  };

  const download = () => {
    setDownloading(true);
    api
      .call('report.docx', { period: periodKey, unitId: unit?.id })
      .then((file) => {
        downloadDocx(file);
        void message.success({ content: `Đã tải tệp ${file.fileName}.`, key: 'report-action' });
      })
      .catch(
        (error: unknown) =>
          void message.error({
            content: `Chưa tạo được tệp Word: ${error instanceof Error ? error.message : String(error)}`,
            key: 'report-action',
          }),
      )
      .finally(() => setDownloading(false));
  };

  const body =
    report.error !== null ? (
      <p role="alert" className="grid-error">
        {report.error.message}
      </p>
    ) : report.data === undefined ? (
      <Spin description="Đang viết báo cáo…" />
    ) : (
      <div className="report-layout">
        <ReportDocument report={report.data} indicators={byCode} />
        <Suspense fallback={<Spin />}>
          <ReportCharts report={report.data} indicators={indicators} />
        </Suspense>
      </div>
    );

  return (
    <section className="report-screen" aria-label="Báo cáo">
      <SetupNotice output="báo cáo Word và bản in" />
      <div className="grid-toolbar">
        <UnitSelect units={units} value={unit?.id} onChange={setUnitId} />
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <Tabs
        activeKey={tab}
        tabBarExtraContent={
          <span className="report-actions">
            <PrintButton
              input={{ document: 'report', period: periodKey, unitId: unit?.id }}
              disabled={unit === undefined}
            />
            <Button icon={<CopyOutlined />} disabled={!report.data} onClick={copy}>
              Sao chép văn bản
            </Button>
            {/* A fixed name: antd's loading icon would otherwise rename the button while the file is made. */}
            <Button
              type="primary"
              aria-label="Tải tệp Word (.docx)"
              icon={<FileWordOutlined />}
              loading={downloading}
              disabled={unit === undefined}
              onClick={download}
            >
              Tải tệp Word (.docx)
            </Button>
          </span>
        }
        onChange={(key) => setTabParam(key)}
        items={[
          { key: 'van-ban', label: 'Báo cáo và biểu đồ', children: body },
          { key: 'mau-cau', label: 'Mẫu câu', children: <TemplatesPanel indicators={byCode} /> },
        ]}
      />
    </section>
  );
}
