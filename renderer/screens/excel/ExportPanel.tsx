import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Radio, Segmented, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { reportingUnitKindLabelsVi } from '../../../shared/api/entities';
import {
  exportLayoutLabelsVi,
  exportLayouts,
  type ExportFillOutput,
  type ExportLayout,
  type ExportReportOutput,
} from '../../../shared/api/export-entities';
import { periodLabelVi } from '../../../shared/periods/period';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import { useApiMutation } from '../../api/api';
import { UnitSelect } from '../common/UnitSelect';
import { usePeriodChoice } from '../common/use-period-choice';
import { useUnitChoice } from '../common/use-unit-choice';
import { PeriodPicker } from '../entry/PeriodPicker';
import { downloadWorkbook, fileSizeText, readAsBase64, type ChosenWorkbook } from './export-files';
import { ExportFillSummary } from './export-fill-summary';
import { ExportRefusalPanel, refusalOf, type ExportRefusal } from './export-refusal';
import { ExportReportSummary } from './export-report-summary';
import { PrintButton } from '../../print/PrintButton';
import { SetupNotice } from '../first-run/SetupNotice';
import './export-panel.css';

type What = 'report' | 'template';
type Scope = 'one' | 'several' | 'all';

const whatOptions: { value: What; label: string }[] = [
  { value: 'report', label: 'Biểu báo cáo' },
  { value: 'template', label: 'Điền mẫu biểu của Bộ' },
];

const scopeOptions: { value: Scope; label: string }[] = [
  { value: 'one', label: 'Một đơn vị' },
  { value: 'several', label: 'Nhiều đơn vị' },
  { value: 'all', label: 'Tất cả đơn vị' },
];

type Done =
  { what: 'report'; output: ExportReportOutput } | { what: 'template'; output: ExportFillOutput; templateName: string };

/**
 * Xuất Excel: the report workbook of one, several or all reporting units, or a workbook the Ministry sent filled
 * with ChiTieu's figures. The file arrives as a download; while validation errors stand the backend refuses,
 * and the clerk may export anyway by giving a reason.
 */
export function ExportPanel() {
  const { period, periodKey, setPeriod } = usePeriodChoice();
  const { units, unit, setUnitId } = useUnitChoice();
  const [what, setWhat] = useState<What>('report');
  const [scope, setScope] = useState<Scope>('one');
  const [chosenIds, setChosenIds] = useState<number[]>([]);
  const [layout, setLayout] = useState<ExportLayout>('sheets');
  const [template, setTemplate] = useState<ChosenWorkbook | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // A refusal answers one set of choices: it is shown only while they stay the same.
  const [refusal, setRefusal] = useState<{ choices: string; refusal: ExportRefusal } | null>(null);
  const [failure, setFailure] = useState<{ choices: string; message: string } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const report = useApiMutation('export.report');
  const fill = useApiMutation('export.fillTemplate');
  const exporting = report.isPending || fill.isPending;

  const unitIds = scope === 'several' ? chosenIds : [];
  const choices = JSON.stringify({
    what,
    periodKey,
    unitId: unit?.id,
    scope,
    unitIds,
    layout,
    template: template && [template.name, template.size],
  });
  const ready =
    unit !== undefined && (what === 'report' ? scope !== 'several' || unitIds.length > 0 : template !== null);

  const settle = (error: unknown) => {
    const refused = refusalOf(error);
    if (refused !== null) {
      setRefusal({ choices, refusal: refused });
      setFailure(null);
    } else {
      setFailure({ choices, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const succeed = (next: Done) => {
    setRefusal(null);
    setFailure(null);
    setDone(next);
    if (next.output.contentBase64 !== null) downloadWorkbook(next.output.fileName, next.output.contentBase64);
  };

  const run = (overrideReason?: string) => {
    if (unit === undefined) return;
    const reason = overrideReason === undefined ? {} : { overrideReason };
    if (what === 'template') {
      if (template === null) return;
      const templateName = template.name;
      fill.mutate(
        {
          template: { name: template.name, contentBase64: template.contentBase64 },
          period: periodKey,
          unitId: unit.id,
          ...reason,
        },
        { onSuccess: (output) => succeed({ what: 'template', output, templateName }), onError: settle },
      );
      return;
    }
    const whom = scope === 'one' ? { unitId: unit.id } : scope === 'several' ? { unitIds } : { allUnits: true };
    report.mutate(
      { period: periodKey, layout, ...whom, ...reason },
      { onSuccess: (output) => succeed({ what: 'report', output }), onError: settle },
    );
  };

  const choose = async (file: File) => {
    setReadError(null);
    try {
      setTemplate(await readAsBase64(file));
    } catch (error) {
      setTemplate(null);
      setReadError(error instanceof Error ? error.message : String(error));
    }
  };

  const several = what === 'report' && scope !== 'one';
  const shownRefusal = refusal !== null && refusal.choices === choices ? refusal.refusal : null;
  const shownFailure = failure !== null && failure.choices === choices ? failure.message : null;

  return (
    <section className="export-panel" aria-label="Xuất Excel">
      <SetupNotice output="biểu Excel và bản in" />
      <Card size="small" className="export-card" title="Xuất tệp Excel gửi lên Bộ, UBND tỉnh">
        <Form layout="horizontal" labelCol={{ flex: '150px' }} labelAlign="left" colon={false} className="export-form">
          <Form.Item label="Xuất">
            <Segmented<What> aria-label="Loại tệp xuất" value={what} options={whatOptions} onChange={setWhat} />
          </Form.Item>
          <Form.Item label="Kỳ báo cáo">
            <PeriodPicker value={period} onChange={setPeriod} />
          </Form.Item>
          {what === 'report' ? (
            <Form.Item label="Đơn vị">
              <div className="export-units">
                <Radio.Group
                  aria-label="Phạm vi đơn vị"
                  value={scope}
                  options={scopeOptions}
                  onChange={(e) => setScope(e.target.value as Scope)}
                  optionType="button"
                />
                {scope === 'one' ? <UnitSelect units={units} value={unit?.id} onChange={setUnitId} /> : null}
                {scope === 'several' ? (
                  <Select<number[]>
                    mode="multiple"
                    aria-label="Các đơn vị xuất"
                    placeholder="Chọn các đơn vị"
                    className="export-unit-list"
                    value={chosenIds}
                    onChange={setChosenIds}
                    allowClear
                    showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
                    options={units.map((u) => ({
                      value: u.id,
                      label: u.name,
                      title: `${u.name} (${reportingUnitKindLabelsVi[u.kind]})`,
                    }))}
                  />
                ) : null}
                {scope === 'all' ? (
                  <Typography.Text type="secondary">
                    Mọi đơn vị báo cáo còn hoạt động trong kỳ ({units.length} đơn vị đã khai báo).
                  </Typography.Text>
                ) : null}
              </div>
            </Form.Item>
          ) : (
            <Form.Item label="Đơn vị">
              <UnitSelect units={units} value={unit?.id} onChange={setUnitId} />
            </Form.Item>
          )}
          {several ? (
            <Form.Item label="Bố cục">
              <Radio.Group
                aria-label="Bố cục"
                value={layout}
                onChange={(e) => setLayout(e.target.value as ExportLayout)}
                options={exportLayouts.map((l) => ({ value: l, label: exportLayoutLabelsVi[l] }))}
              />
            </Form.Item>
          ) : null}
          {what === 'template' ? (
            <Form.Item
              label="Mẫu biểu"
              extra="Tệp .xlsx Bộ gửi: chỉ các ô số liệu được điền; định dạng, ô gộp, công thức và các trang khác giữ nguyên."
            >
              {template === null ? (
                <Upload.Dragger
                  accept=".xlsx,.xlsm"
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void choose(file);
                    return false;
                  }}
                  className="export-template-drop"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">Kéo tệp mẫu biểu vào đây hoặc bấm để chọn tệp</p>
                </Upload.Dragger>
              ) : (
                <div className="export-template-chosen">
                  <Tag color="blue" aria-label={`Mẫu biểu ${template.name}`}>
                    {template.name} ({fileSizeText(template.size)})
                  </Tag>
                  <Button size="small" onClick={() => setTemplate(null)}>
                    Chọn tệp khác
                  </Button>
                </div>
              )}
              {readError === null ? null : <Typography.Text type="danger">{readError}</Typography.Text>}
            </Form.Item>
          ) : null}
          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Button
              type="primary"
              aria-label={what === 'report' ? 'Xuất Excel' : 'Điền mẫu và tải về'}
              disabled={!ready}
              loading={exporting && shownRefusal === null}
              onClick={() => run()}
            >
              {what === 'report' ? 'Xuất Excel' : 'Điền mẫu và tải về'}
            </Button>
            {what === 'report' && scope === 'one' ? (
              <PrintButton
                input={{ document: 'workbook', period: periodKey, unitId: unit?.id }}
                disabled={unit === undefined}
              />
            ) : null}
            <Typography.Text type="secondary" className="export-hint">
              {what === 'report'
                ? `Biểu ${periodLabelVi(period)}: tiêu đề, cột theo kỳ, công thức so sánh và khối chữ ký theo Cài đặt.`
                : `Điền số liệu ${periodLabelVi(period)} của ${unit?.name ?? 'đơn vị'} vào mẫu.`}
            </Typography.Text>
          </Form.Item>
        </Form>
      </Card>
      {shownFailure === null ? null : (
        <Alert type="error" showIcon role="alert" title="Chưa xuất được tệp" description={shownFailure} />
      )}
      {shownRefusal === null ? null : (
        <ExportRefusalPanel
          key={choices}
          refusal={shownRefusal}
          periodKey={periodKey}
          periodLabel={periodLabelVi(period)}
          exporting={exporting}
          onExportAnyway={(reason) => run(reason)}
        />
      )}
      {done === null ? null : done.what === 'report' ? (
        <ExportReportSummary output={done.output} />
      ) : (
        <ExportFillSummary output={done.output} templateName={done.templateName} />
      )}
    </section>
  );
}
