import { App, Button, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  valueStatusLabelsVi,
  valueStatuses,
  type GridRow,
  type SourceKind,
  type ValueStatus,
} from '../../../shared/api/values-entities';
import { api } from '../../api/api';
import { PanelIndicatorChart } from '../../charts/PanelIndicatorChart';
import { errorText, type UndoableWrites } from '../../grid/use-undoable-writes';
import { showFigure } from '../common/figure-format';
import type { EntryRow } from './entry-row';
import { RowFindings } from './RowFindings';

const sourceLabels: Record<SourceKind, string> = {
  typed: 'gõ tay',
  pasted: 'dán từ bảng tính',
  imported: 'nhập từ tệp Excel',
  cli: 'dòng lệnh',
  undo: 'hoàn tác / làm lại',
};

function sourceText(source: NonNullable<GridRow['source']>): string {
  const where = [source.file, source.sheet, source.cell].filter((s) => s !== null && s !== '').join(' › ');
  return where === '' ? sourceLabels[source.kind] : `${sourceLabels[source.kind]} (${where})`;
}

const statusOptions = valueStatuses.map((s) => ({ value: s, label: valueStatusLabelsVi[s] }));

interface Props {
  row: EntryRow | null;
  unitId: number | undefined;
  periodKey: string;
  periodLabel: string;
  writes: UndoableWrites;
}

/**
 * The selected row's figure in detail: whether it is an estimate or actual, its comment, where it came from,
 * and the findings of Kiểm tra on it.
 */
export function CellDetailPanel(props: Props) {
  const { row } = props;
  if (row === null) return <aside className="detail-panel" aria-label="Chi tiết số liệu" />;
  return (
    <aside className="detail-panel" aria-label="Chi tiết số liệu">
      <div className="detail-title">
        <Typography.Text strong ellipsis={{ tooltip: row.nameVi }}>
          {row.stt ? `${row.stt}. ` : ''}
          {row.nameVi}
        </Typography.Text>
        <Typography.Text type="secondary">
          {row.code}
          {row.unit ? ` · ${row.unit}` : ''} · {props.periodLabel}
        </Typography.Text>
      </div>
      {row.kind === 'group' || row.figures === null ? (
        <Typography.Text type="secondary">Dòng nhóm: không có số liệu riêng.</Typography.Text>
      ) : (
        <FigureDetail {...props} row={row} figures={row.figures} />
      )}
      {row.figures === null || row.figures.findings.length === 0 ? null : (
        <RowFindings findings={row.figures.findings} unitId={props.unitId} periodKey={props.periodKey} />
      )}
      {row.kind === 'group' || row.figures === null ? null : (
        <PanelIndicatorChart code={row.code} unitId={props.unitId} periodKey={props.periodKey} />
      )}
    </aside>
  );
}

function FigureDetail({ row, figures, unitId, periodKey, writes }: Props & { row: EntryRow; figures: GridRow }) {
  const { message } = App.useApp();
  // The draft belongs to one figure: moving to another row or period shows that one's comment instead.
  const figureKey = `${unitId}|${periodKey}|${row.code}`;
  const savedComment = figures.comment ?? '';
  const [draft, setDraft] = useState({ figureKey, text: savedComment });
  const comment = draft.figureKey === figureKey ? draft.text : savedComment;
  const setComment = (text: string) => setDraft({ figureKey, text });

  const write = (entry: { status?: ValueStatus; comment?: string | null }, done: string) =>
    writes
      .write(
        // Marking or commenting a figure says which one: one saved elsewhere meanwhile is refused, not vouched for.
        () =>
          api.call('values.set', {
            unitId,
            period: periodKey,
            entries: [{ code: row.code, ...entry, seen: figures.value }],
          }),
        [row.code],
      )
      .then(() => void message.success({ content: done, key: 'detail-saved' }))
      .catch(
        (error: unknown) => void message.error({ content: `Chưa lưu được: ${errorText(error)}`, key: 'detail-saved' }),
      );

  const saveComment = () => {
    if (comment.trim() === savedComment.trim()) return;
    void write({ comment: comment.trim() === '' ? null : comment.trim() }, 'Đã lưu ghi chú.');
  };

  const updated = figures.updatedAt === null ? null : dayjs(figures.updatedAt).format('DD/MM/YYYY HH:mm');
  const parts = showFigure(figures.valueFromParts, row.decimals);

  return (
    <>
      <div className="detail-status">
        <Typography.Text type="secondary">Số liệu là</Typography.Text>
        {/* Buttons rather than a Segmented: its sliding thumb measures the page whenever the row's status differs from the last row's. */}
        <span title={figures.value === null ? 'Chưa có số liệu nhập cho kỳ này.' : undefined}>
          <Radio.Group
            aria-label="Trạng thái số liệu"
            optionType="button"
            buttonStyle="solid"
            size="small"
            disabled={figures.value === null}
            value={figures.status ?? undefined}
            options={statusOptions}
            onChange={(e) => {
              const status = valueStatuses.find((s) => s === e.target.value);
              if (status !== undefined)
                void write({ status }, `Đã chuyển thành ${valueStatusLabelsVi[status].toLowerCase()}.`);
            }}
          />
        </span>
      </div>
      <div className="detail-comment">
        <Input.TextArea
          aria-label="Ghi chú"
          placeholder={
            figures.value === null ? 'Ghi chú: nhập số liệu trước' : 'Ghi chú cho số liệu (lưu khi rời ô, Ctrl+Enter)'
          }
          disabled={figures.value === null && savedComment === ''}
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={saveComment}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveComment();
          }}
        />
        <Button size="small" disabled={comment.trim() === savedComment.trim()} onClick={saveComment}>
          Lưu ghi chú
        </Button>
      </div>
      <dl className="detail-facts">
        <dt>Người nhập</dt>
        <dd>{figures.updatedBy ?? '—'}</dd>
        <dt>Lúc</dt>
        <dd>{updated ?? '—'}</dd>
        <dt>Nguồn</dt>
        <dd>{figures.source === null ? '—' : sourceText(figures.source)}</dd>
        {figures.source?.evidence ? (
          <>
            <dt>Vì sao nhập vào đây</dt>
            <dd className="cell-detail-evidence">{figures.source.evidence}</dd>
          </>
        ) : null}
        {parts === '' || figures.partsOrigin === null ? null : (
          <>
            <dt>{figures.partsOrigin === 'months' ? 'Cộng các tháng' : 'Cộng các dòng con'}</dt>
            <dd>{parts}</dd>
          </>
        )}
      </dl>
    </>
  );
}
