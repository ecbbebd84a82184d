import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Progress, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Indicator, ReportingUnit } from '../../../shared/api/entities';
import type { ImportProgress, PreviewFile } from '../../../shared/api/import-entities';
import type { ColumnRole } from '../../../shared/import/roles';
import { formatPeriodKey, parsePeriod, type Period } from '../../../shared/periods/period';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import type { FileChoice, PreviewInput } from './import-choices';
import { ImportFindingsList } from './import-findings-list';
import type { StagedFile } from './import-session';
import { ImportSheets } from './import-sheets';
import { countsSummary, fileSizeText, rowsToLookAt } from './import-words';
import { PeriodChoicePopover } from './period-choice-popover';

type ReadState = ImportProgress['files'][number];

interface Props {
  staged: StagedFile;
  reading: ReadState | undefined;
  preview: PreviewFile | undefined;
  /** The choices the preview was made for. */
  previewInput: PreviewInput | null;
  choice: FileChoice;
  /** The file's title names its period. */
  titled: boolean;
  /** One of many files (a province's communes): its sheets are shown on request unless it has something to look at. */
  oneOfMany: boolean;
  /** The period chosen above the files for those whose title names none; null until the clerk picks one. */
  commonPeriod: Period | null;
  /** Where the file's own period picker starts when neither the file nor the clerk gives one. */
  suggestedPeriod: Period;
  units: readonly ReportingUnit[];
  catalog: readonly Indicator[];
  catalogByCode: ReadonlyMap<string, Indicator>;
  onChoice(patch: FileChoice): void;
  onRemove(): void;
  manualOf(sheet: string): { rows: ReadonlyMap<number, string | null>; columns: ReadonlyMap<string, ColumnRole> };
  onRow(sheet: string, row: number, code: string | null | undefined): void;
  onColumn(sheet: string, column: string, role: ColumnRole | undefined): void;
}

function periodOf(key: string | undefined): Period | null {
  if (key === undefined) return null;
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.period : null;
}

function where(sheet: string | null, cell: string | null): string {
  return cell === null ? '' : sheet === null ? cell : `${sheet}!${cell}`;
}

function StateTag({ staged, reading, preview }: Pick<Props, 'staged' | 'reading' | 'preview'>) {
  if (staged.refusal !== null || reading?.state === 'failed' || preview?.error)
    return <Tag color="red">Không nhập được</Tag>;
  if (preview?.skipped) return <Tag>Bỏ qua</Tag>;
  if (reading === undefined) return <Tag>Đang gửi</Tag>;
  if (reading.state === 'waiting') return <Tag>Đang chờ đọc</Tag>;
  if (reading.state === 'reading') return <Tag color="processing">Đang đọc</Tag>;
  return <Tag color="green">Đã đọc</Tag>;
}

function PeriodField({
  preview,
  choice,
  titled,
  commonPeriod,
  suggestedPeriod,
  onChoice,
}: Pick<Props, 'preview' | 'choice' | 'titled' | 'commonPeriod' | 'suggestedPeriod' | 'onChoice'>) {
  const shown = preview?.period;
  const how =
    choice.period !== undefined
      ? 'kỳ riêng của tệp này'
      : shown?.how === 'cell'
        ? `theo tiêu đề, ô ${where(shown.sheet, shown.cell)}`
        : shown
          ? 'kỳ chung đã chọn ở trên'
          : 'tiêu đề tệp không ghi kỳ: hãy chọn kỳ chung ở trên hoặc đổi kỳ cho tệp này';
  const editing = periodOf(choice.period) ?? periodOf(shown?.key) ?? commonPeriod ?? suggestedPeriod;
  return (
    <span className="import-file-meta-item">
      <span className="import-file-meta-label">Kỳ báo cáo:</span>
      {shown ? <Tag color="blue">{shown.label}</Tag> : <Tag color="red">Chưa có kỳ</Tag>}
      <span className="import-where">{how}</span>
      <PeriodChoicePopover
        title="Kỳ báo cáo của tệp này"
        start={editing}
        applyLabel="Dùng kỳ này cho tệp"
        onApply={(p) => onChoice({ period: formatPeriodKey(p) })}
        extra={(close) =>
          choice.period !== undefined ? (
            <Button
              size="small"
              onClick={() => {
                onChoice({ period: undefined });
                close();
              }}
            >
              {titled ? 'Theo kỳ ghi trong tiêu đề tệp' : 'Theo kỳ chung'}
            </Button>
          ) : null
        }
      >
        <Button size="small" type="link">
          Đổi kỳ
        </Button>
      </PeriodChoicePopover>
    </span>
  );
}

function UnitField({
  preview,
  choice,
  units,
  onChoice,
  fileName,
}: Pick<Props, 'preview' | 'choice' | 'units' | 'onChoice'> & { fileName: string }) {
  const shown = preview?.unit;
  const how =
    choice.unitId !== undefined
      ? 'đã chọn'
      : shown?.how === 'cell'
        ? `theo ô ${where(shown.sheet, shown.cell)}`
        : shown?.how === 'default'
          ? 'tệp không ghi đơn vị: mặc định toàn tỉnh'
          : '';
  return (
    <span className="import-file-meta-item">
      <span className="import-file-meta-label">Đơn vị báo cáo:</span>
      <Select<number>
        aria-label={`Đơn vị báo cáo của tệp ${fileName}`}
        size="small"
        style={{ width: 220 }}
        value={shown?.id}
        placeholder="Chọn đơn vị"
        allowClear={choice.unitId !== undefined}
        onChange={(id: number | undefined) => onChoice({ unitId: id })}
        popupMatchSelectWidth={false}
        showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      {how ? <span className="import-where">{how}</span> : null}
    </span>
  );
}

/** Anything in a file's sheets that the clerk should see without asking. */
function needsALook(preview: PreviewFile): boolean {
  const c = preview.counts;
  return rowsToLookAt(c) + c.valuesConflicting + c.errors + c.warnings > 0;
}

/** One workbook of the import: its reading, its unit and period, then what each sheet would write. */
export function ImportFileCard(props: Props) {
  const { staged, reading, preview, choice, onChoice, onRemove } = props;
  const name = staged.file.name;
  const refusal = staged.refusal ?? reading?.error?.message ?? preview?.error?.message ?? null;
  const skipped = choice.skip ?? false;
  // A hundred cards with all their tables drawn at once keep the window busy for minutes.
  const [opened, setOpened] = useState<boolean | null>(null);
  const sheetsShown = opened ?? (!props.oneOfMany || (preview !== undefined && needsALook(preview)));
  return (
    <Card
      size="small"
      className="import-file-card"
      data-file={name}
      title={
        <>
          <FileExcelOutlined style={{ color: '#217346' }} />
          <span>{name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
            {fileSizeText(staged.file.size)}
          </Typography.Text>
          <StateTag staged={staged} reading={reading} preview={preview} />
        </>
      }
      extra={
        <Space size={12}>
          {refusal === null ? (
            <Checkbox checked={!skipped} onChange={(e) => onChoice({ skip: !e.target.checked })}>
              Nhập tệp này
            </Checkbox>
          ) : null}
          <Button size="small" onClick={onRemove} aria-label={`Bỏ tệp ${name} khỏi danh sách`}>
            Bỏ khỏi danh sách
          </Button>
        </Space>
      }
    >
      {refusal !== null ? (
        <Alert type="error" showIcon role="alert" title="Tệp này không nhập được" description={refusal} />
      ) : reading?.state === 'reading' || reading?.state === 'waiting' ? (
        <Progress
          percent={Math.round(reading.fraction * 100)}
          size="small"
          status="active"
          aria-label={`Đang đọc ${name}`}
        />
      ) : skipped ? (
        <Typography.Text type="secondary">Tệp này được bỏ qua: không ghi gì từ tệp.</Typography.Text>
      ) : preview === undefined ? (
        <Spin size="small" description="Đang xem trước…" />
      ) : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <div className="import-file-meta">
            <UnitField preview={preview} choice={choice} units={props.units} onChoice={onChoice} fileName={name} />
            <PeriodField
              preview={preview}
              choice={choice}
              titled={props.titled}
              commonPeriod={props.commonPeriod}
              suggestedPeriod={props.suggestedPeriod}
              onChoice={onChoice}
            />
            <span className="import-file-meta-item">
              <Typography.Text strong>{countsSummary(preview.counts)}</Typography.Text>
            </span>
          </div>
          {preview.previousImports.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`Tệp có cùng nội dung đã được nhập ${preview.previousImports
                .map((p) => `lúc ${dayjs(p.at).format('HH:mm DD/MM/YYYY')} (lần nhập số ${p.importId})`)
                .join(', ')}.`}
              description="Nhập lại không thay đổi số nào đã có; chỉ các số khác với hiện tại mới được ghi."
            />
          ) : null}
          {preview.findings.length > 0 ? <ImportFindingsList findings={preview.findings} /> : null}
          {props.previewInput && !sheetsShown ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0, alignSelf: 'flex-start' }}
              onClick={() => setOpened(true)}
            >
              Xem từng trang tính ({preview.sheets.length} trang)
            </Button>
          ) : null}
          {props.previewInput && sheetsShown ? (
            <ImportSheets
              sheets={preview.sheets}
              input={props.previewInput}
              fileId={preview.fileId}
              report={periodOf(preview.period?.key)}
              catalog={props.catalog}
              catalogByCode={props.catalogByCode}
              manualOf={props.manualOf}
              onRow={props.onRow}
              onColumn={props.onColumn}
            />
          ) : null}
        </Space>
      )}
    </Card>
  );
}
