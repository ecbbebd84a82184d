import { CloudUploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Progress, Space, Spin, Typography, Upload } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/api/import-entities';
import type { ColumnRole } from '../../../shared/import/roles';
import { formatPeriodKey, type Period } from '../../../shared/periods/period';
import { api, useApiQuery } from '../../api/api';
import { screenHref } from '../../app/use-hash-param';
import { usePeriodChoice } from '../common/use-period-choice';
import { PeriodPicker } from '../entry/PeriodPicker';
import {
  keepFiles,
  noChoices,
  previewInput,
  sheetChoices,
  withColumnChoice,
  withFileChoice,
  withRowChoice,
  type ClerkChoices,
  type FileChoice,
  type PreviewInput,
} from './import-choices';
import { useDroppedFiles } from './import-drop';
import { ImportFileCard } from './import-file-card';
import { ImportHistory } from './import-history';
import { ImportLayouts } from './import-layouts';
import { useAfterImportWrite } from './import-refresh';
import { useImportSession } from './import-session';
import { countsSummary, rowsToLookAt } from './import-words';
import { PeriodChoicePopover } from './period-choice-popover';
import './excel.css';

/** Up to this many files, every card shows its sheets; beyond, only those with something to look at. */
const filesShownWhole = 5;

const acceptedTypes =
  '.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel';

function resultText(result: ImportResult): string {
  if (result.changed === 0) return 'Không có số liệu nào thay đổi: mọi số trong tệp đã có sẵn.';
  const files = result.files.filter((f) => f.changed > 0).length;
  const parts = [`Đã nhập ${result.changed} số liệu từ ${files} tệp`];
  if (result.plansChanged > 0) parts.push(`(trong đó ${result.plansChanged} số kế hoạch)`);
  return `${parts.join(' ')}.`;
}

function resultDetails(result: ImportResult): string[] {
  const lines: string[] = [];
  if (result.aliasesAdded.length > 0) {
    lines.push(
      `Thêm tên gọi khác cho chỉ tiêu: ${result.aliasesAdded.map((a) => `"${a.alias}" → ${a.code}`).join('; ')}.`,
    );
  }
  if (result.layoutsRemembered > 0) lines.push(`Đã nhớ cách đọc ${result.layoutsRemembered} biểu cho lần nhập sau.`);
  if (result.importId !== null)
    lines.push(`Lần nhập số ${result.importId}; có thể hoàn tác cả lần nhập trong Lịch sử nhập bên dưới.`);
  return lines;
}

/**
 * Nhập Excel: choose or drop workbooks, watch them being read, check what each sheet would write and fix what
 * was not recognized, then write everything in one go; the history below undoes a whole import.
 */
export function ImportPanel() {
  const session = useImportSession();
  // No common period until the clerk picks one: a workbook whose title names no period must not slip into
  // this month unnoticed. The period of the other screens is only where the picker starts.
  const { period: screenPeriod } = usePeriodChoice();
  const [commonPeriod, setCommonPeriod] = useState<Period | null>(null);
  const commonKey = commonPeriod ? formatPeriodKey(commonPeriod) : undefined;
  const units = useApiQuery('units.list', {});
  const catalogQuery = useApiQuery('catalog.list', { includeRetired: false });
  const catalog = useMemo(() => (catalogQuery.data ?? []).filter((i) => i.active), [catalogQuery.data]);
  const catalogByCode = useMemo(() => new Map(catalog.map((i) => [i.code, i])), [catalog]);
  const [choices, setChoices] = useState<ClerkChoices>(noChoices);
  const [result, setResult] = useState<ImportResult | null>(null);
  const refresh = useAfterImportWrite();
  const queryClient = useQueryClient();

  const addFiles = useCallback(
    (files: readonly File[]) => {
      setResult(null);
      session.addFiles(files);
    },
    [session],
  );
  useDroppedFiles(addFiles);

  const { reading } = session;
  const failedIds =
    session.progress?.files
      .filter((f) => f.state === 'failed')
      .map((f) => f.fileId)
      .join(' ') ?? '';
  const input = useMemo(
    () =>
      reading && session.ready
        ? previewInput(
            reading.sessionId,
            reading.fileIds,
            choices,
            commonKey,
            session.titled,
            new Set(failedIds.split(' ')),
          )
        : null,
    [reading, session.ready, session.titled, choices, commonKey, failedIds],
  );
  // The choices travel with their preview: while the next one is fetched, the pages of figures shown still
  // belong to the preview on screen.
  const preview = useQuery<{ input: PreviewInput; preview: ImportPreview }>({
    queryKey: ['import.preview', input],
    queryFn: async () => {
      const asked = input ?? { sessionId: '' };
      return { input: asked, preview: await api.call('import.preview', asked) };
    },
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const current =
    preview.data && reading && preview.data.preview.sessionId === reading.sessionId ? preview.data.preview : undefined;
  const currentInput = current ? (preview.data?.input ?? null) : null;

  const commit = useMutation({
    mutationFn: () => api.call('import.commit', input ?? { sessionId: '' }),
    onSuccess: async (done) => {
      // The backend lets go of the files once they are written: the panel is ready for the next ones, and the
      // closed session's preview is dropped rather than asked for again.
      setChoices(noChoices);
      session.clear();
      setResult(done);
      queryClient.removeQueries({ queryKey: ['import.preview'] });
      queryClient.removeQueries({ queryKey: ['import.progress'] });
      await refresh();
    },
  });

  const change = (next: (c: ClerkChoices) => ClerkChoices) => {
    setResult(null);
    commit.reset();
    setChoices(next);
  };
  const fileChoice = (key: string, patch: FileChoice) => change((c) => withFileChoice(c, key, patch));
  const remove = (key: string) => {
    setResult(null);
    setChoices((c) => keepFiles(c, new Set(session.staged.filter((s) => s.key !== key).map((s) => s.key))));
    session.removeFile(key);
  };
  const startOver = () => {
    setResult(null);
    commit.reset();
    setChoices(noChoices);
    session.clear();
  };

  const toWrite = current ? current.counts.valuesNew + current.counts.valuesChanged : 0;
  const reading_ = session.progress && !session.progress.done ? session.progress : null;
  const firstDone = result?.files[0];

  return (
    <section className="import-panel" aria-label="Nhập Excel">
      <Upload
        accept={acceptedTypes}
        multiple
        showUploadList={false}
        beforeUpload={(file, list) => {
          // antd calls this once per file with the whole selection: take the selection once.
          if (file === list[0]) addFiles(list);
          return Upload.LIST_IGNORE;
        }}
      >
        <div className="import-chooser">
          <CloudUploadOutlined className="import-chooser-icon" />
          <div className="import-chooser-text">
            <strong>Chọn tệp Excel để nhập, hoặc kéo thả tệp vào bất cứ đâu trong cửa sổ</strong>
            Biểu của Bộ Công Thương và Cục Thống kê (.xlsx, .xlsm, .xls); có thể chọn nhiều tệp một lúc, mỗi tệp một đơn
            vị báo cáo.
          </div>
          <Button type="primary" icon={<CloudUploadOutlined />}>
            Chọn tệp…
          </Button>
        </div>
      </Upload>

      <div className="import-toolbar">
        <span>
          <span className="import-toolbar-label">Kỳ báo cáo chung:</span>
          {commonPeriod ? (
            <>
              <PeriodPicker value={commonPeriod} onChange={setCommonPeriod} />
              <Button size="small" type="link" onClick={() => setCommonPeriod(null)}>
                Bỏ kỳ chung
              </Button>
            </>
          ) : (
            <PeriodChoicePopover
              title="Kỳ báo cáo chung"
              start={screenPeriod}
              applyLabel="Dùng kỳ này cho các tệp không ghi kỳ"
              onApply={setCommonPeriod}
            >
              <Button size="small">Chọn kỳ chung…</Button>
            </PeriodChoicePopover>
          )}
        </span>
        <Checkbox
          checked={choices.acceptSuggestions}
          onChange={(e) => change((c) => ({ ...c, acceptSuggestions: e.target.checked }))}
        >
          Nhận mọi gợi ý chỉ tiêu gần đúng
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Tệp có ghi kỳ trong tiêu đề thì theo kỳ đó; tệp không ghi kỳ theo kỳ chung, chưa chọn kỳ chung thì phải chọn
          kỳ cho từng tệp.
        </Typography.Text>
      </div>

      {session.sending ? <Spin description="Đang gửi tệp…" size="small" /> : null}
      {reading_ ? (
        <div>
          <Typography.Text>
            Đang đọc {reading_.files.filter((f) => f.state === 'read' || f.state === 'failed').length}/
            {reading_.files.length} tệp…
          </Typography.Text>
          <Progress percent={Math.round(reading_.fraction * 100)} status="active" aria-label="Tiến độ đọc tệp" />
        </div>
      ) : null}
      {session.sendError ? (
        <Alert type="error" showIcon role="alert" title="Không gửi được tệp" description={session.sendError} />
      ) : null}
      {preview.error ? (
        <Alert type="error" showIcon role="alert" title="Không xem trước được" description={preview.error.message} />
      ) : null}

      {session.staged.map((staged) => {
        const fileId = reading?.fileIds.get(staged.key);
        const at = (sheet: string) => ({ fileKey: staged.key, sheet });
        return (
          <ImportFileCard
            key={staged.key}
            staged={staged}
            reading={session.progress?.files.find((f) => f.fileId === fileId)}
            preview={current?.files.find((f) => f.fileId === fileId)}
            previewInput={currentInput}
            choice={choices.files[staged.key] ?? {}}
            titled={fileId !== undefined && session.titled.has(fileId)}
            oneOfMany={session.staged.length > filesShownWhole}
            commonPeriod={commonPeriod}
            suggestedPeriod={screenPeriod}
            units={units.data ?? []}
            catalog={catalog}
            catalogByCode={catalogByCode}
            onChoice={(patch) => fileChoice(staged.key, patch)}
            onRemove={() => remove(staged.key)}
            manualOf={(sheet) => sheetChoices(choices, at(sheet))}
            onRow={(sheet, row, code) => change((c) => withRowChoice(c, { ...at(sheet), row }, code))}
            onColumn={(sheet, column, role: ColumnRole | undefined) =>
              change((c) => withColumnChoice(c, { ...at(sheet), column }, role))
            }
          />
        );
      })}

      {result ? (
        <Alert
          type="success"
          showIcon
          role="status"
          closable={{ onClose: () => setResult(null) }}
          title={resultText(result)}
          description={
            <Space orientation="vertical" size={2}>
              {resultDetails(result).map((line) => (
                <span key={line}>{line}</span>
              ))}
              {firstDone ? (
                <a
                  href={screenHref(
                    'nhap-lieu',
                    new URLSearchParams({ dv: String(firstDone.unitId), ky: firstDone.period }),
                  )}
                >
                  Xem số liệu trong Nhập liệu
                </a>
              ) : null}
            </Space>
          }
        />
      ) : null}

      {current ? (
        <div className="import-commit-bar">
          <div className="import-commit-summary">
            <Typography.Text strong>{countsSummary(current.counts)}</Typography.Text>
            {rowsToLookAt(current.counts) > 0 ? (
              <Typography.Text type="secondary">
                {' '}
                · {rowsToLookAt(current.counts)} dòng chưa nhận ra, chỉ có gợi ý hoặc khác đơn vị tính sẽ không được
                nhập
              </Typography.Text>
            ) : null}
            {current.blockers.map((b) => (
              <div key={b}>
                <Typography.Text type="danger">{b}</Typography.Text>
              </div>
            ))}
            {commit.error ? (
              <div role="alert">
                <Typography.Text type="danger">{commit.error.message}</Typography.Text>
              </div>
            ) : null}
          </div>
          <Button onClick={startOver}>Làm lại</Button>
          <Button
            type="primary"
            loading={commit.isPending}
            disabled={current.blockers.length > 0 || toWrite === 0 || preview.isFetching}
            onClick={() => commit.mutate()}
          >
            {toWrite > 0 ? `Nhập ${toWrite} số liệu` : 'Không có gì để nhập'}
          </Button>
        </div>
      ) : null}

      <ImportHistory onUndone={(importId) => setResult((r) => (r?.importId === importId ? null : r))} />
      <ImportLayouts />
    </section>
  );
}
