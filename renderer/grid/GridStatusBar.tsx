import { Button, Space, Tooltip } from 'antd';
import { memo, useSyncExternalStore } from 'react';
import type { SaveState, SaveStatus } from './save-status';
import { cleanNumber, formatViNumber, parseViNumber } from '../../shared/numbers/vi-number';

interface Props {
  status: SaveStatus;
  /** The open editor holds text that was refused: it is not saved, whatever was saved before it. */
  editorRefused: boolean;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /** Count and sum of the selected cells (see selectionSummary). */
  summary: string;
}

function decimalsOf(text: string): number {
  return text.split(',')[1]?.length ?? 0;
}

/** The count and the sum a clerk checks a column with, as Excel shows them for a selection. */
export function selectionSummary(texts: readonly string[]): string {
  if (texts.length < 2) return '';
  const numbers = texts.map((t) => ({ t, r: parseViNumber(t) })).filter((x) => x.r.ok && x.t.trim() !== '');
  const values = numbers.map((x) => (x.r.ok ? x.r.value : 0));
  const sum = cleanNumber(values.reduce((a, b) => a + b, 0));
  const decimals = Math.min(6, Math.max(0, ...numbers.map((x) => decimalsOf(x.t))));
  const sumText = values.length > 0 ? ` · Tổng: ${formatViNumber(sum, decimals)}` : '';
  return `${texts.length} ô${sumText}`;
}

/** What the status bar says of the saves: nothing before the first one, so that a fresh grid claims nothing. */
function saveState(
  { pending, failure, answered }: SaveState,
  editorRefused: boolean,
): { text: string; className: string } {
  if (pending > 0) return { text: 'Đang lưu…', className: 'grid-status-saving' };
  if (failure !== null) return { text: 'Chưa lưu được', className: 'grid-status-failed' };
  if (editorRefused) return { text: 'Ô đang sửa chưa lưu', className: 'grid-status-failed' };
  return answered ? { text: 'Đã lưu', className: 'grid-status-saved' } : { text: '', className: '' };
}

export const GridStatusBar = memo(function GridStatusBar({
  status,
  editorRefused,
  canUndo,
  canRedo,
  undo,
  redo,
  summary,
}: Props) {
  const saved = useSyncExternalStore(status.subscribe, status.get);
  const state = saveState(saved, editorRefused);
  return (
    <div className="grid-status">
      <span className="grid-status-hint">
        Gõ số để nhập · Enter lưu · Esc hủy · F2 sửa · Delete xóa · Ctrl+C / Ctrl+V sao chép, dán từ Excel
      </span>
      <Space size="middle">
        <span>{summary}</span>
        <span role="status" className={state.className} title={saved.failure ?? undefined}>
          {state.text}
        </span>
        <Tooltip title="Ctrl+Z">
          <Button size="small" disabled={!canUndo} onClick={undo}>
            Hoàn tác
          </Button>
        </Tooltip>
        <Tooltip title="Ctrl+Y">
          <Button size="small" disabled={!canRedo} onClick={redo}>
            Làm lại
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
});
