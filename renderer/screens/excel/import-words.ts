import type { ImportCounts, MatchHow, RowState, ValueChange } from '../../../shared/api/import-entities';
import type { Severity } from '../../../shared/validation/finding';

/** The backend's states and reasons in the words a clerk reads beside each row, column and figure. */

export const rowStateWords: Record<RowState, { text: string; color: string }> = {
  matched: { text: 'Đã nhận ra', color: 'green' },
  suggested: { text: 'Có gợi ý', color: 'gold' },
  unrecognized: { text: 'Chưa nhận ra', color: 'red' },
  unit_mismatch: { text: 'Khác đơn vị tính', color: 'volcano' },
  group: { text: 'Dòng nhóm', color: 'default' },
  ignored: { text: 'Không nhập', color: 'default' },
};

export const matchHowWords: Record<MatchHow, string> = {
  manual: 'chọn tay',
  layout: 'theo biểu đã nhớ',
  code: 'theo mã',
  name: 'theo tên và đơn vị tính',
  alias: 'theo tên gọi khác',
  suggestion: 'theo gợi ý',
};

export const columnHowWords: Record<'heading' | 'layout' | 'manual', string> = {
  heading: 'theo tiêu đề cột',
  layout: 'theo biểu đã nhớ',
  manual: 'chọn tay',
};

export const changeWords: Record<ValueChange, { text: string; color: string; hint: string }> = {
  new: { text: 'Mới', color: 'green', hint: 'Chưa có số liệu: số trong tệp sẽ được ghi.' },
  changed: { text: 'Thay đổi', color: 'blue', hint: 'Số trong tệp khác số hiện có và sẽ ghi đè.' },
  same: { text: 'Giữ nguyên', color: 'default', hint: 'Số trong tệp bằng số hiện có.' },
  kept: { text: 'Giữ số thực hiện', color: 'purple', hint: 'Số ước tính trong tệp không ghi đè số thực hiện đã có.' },
  duplicate: { text: 'Trùng ô khác', color: 'default', hint: 'Một ô khác ghi cùng số này và được ghi thay.' },
  conflict: {
    text: 'Xung đột',
    color: 'red',
    hint: 'Các ô khác ghi số khác cho cùng chỉ tiêu và kỳ: không ghi số nào.',
  },
};

export const severityWords: Record<Severity, { text: string; color: string; alert: 'error' | 'warning' | 'info' }> = {
  error: { text: 'Lỗi', color: 'red', alert: 'error' },
  warning: { text: 'Cảnh báo', color: 'orange', alert: 'warning' },
  info: { text: 'Thông tin', color: 'blue', alert: 'info' },
};

export const sheetStateWords: Record<'table' | 'no_table' | 'hidden' | 'empty', string> = {
  table: 'Bảng chỉ tiêu',
  no_table: 'Không có bảng chỉ tiêu',
  hidden: 'Trang tính ẩn',
  empty: 'Trang tính trống',
};

/** Rows nothing will be imported from until the clerk looks: unrecognized, only suggested, or of another unit. */
export function rowsToLookAt(counts: ImportCounts): number {
  return counts.rowsSuggested + counts.rowsUnrecognized + counts.rowsUnitMismatch;
}

/** "24 số mới · 3 thay đổi · 5 giữ nguyên": only the parts that are not zero, in the order a clerk checks them. */
export function countsSummary(counts: ImportCounts): string {
  const parts = [
    counts.valuesNew > 0 ? `${counts.valuesNew} số mới` : null,
    counts.valuesChanged > 0 ? `${counts.valuesChanged} số thay đổi` : null,
    counts.valuesSame > 0 ? `${counts.valuesSame} số giữ nguyên` : null,
    counts.valuesKept > 0 ? `${counts.valuesKept} số ước tính không ghi đè` : null,
    counts.valuesConflicting > 0 ? `${counts.valuesConflicting} số mâu thuẫn không nhập` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? 'Không có số liệu nào để ghi' : parts.join(' · ');
}

/** Sizes as the clerk's file manager shows them, with a decimal comma. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
