import type { BackupContents } from '../api/backup-entities';
import { formatViNumber } from '../numbers/vi-number';
import { formatViDateTime } from '../text/date-time';

/** A file's size as the clerk reads it: 850 KB, 12,4 MB. */
export function formatFileSizeVi(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatViNumber(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${formatViNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** What a backup holds, in the lines the restore screen and `chitieu restore` both show before anything changes. */
export function backupContentsLinesVi(contents: BackupContents): string[] {
  const n = (x: number): string => formatViNumber(x, 0);
  return [
    `Đơn vị: ${contents.officeName}`,
    `Thay đổi cuối cùng: ${contents.lastChangeAt === null ? 'chưa có thay đổi số liệu nào' : formatViDateTime(contents.lastChangeAt)}`,
    `Chỉ tiêu: ${n(contents.counts.indicators)}; đơn vị báo cáo: ${n(contents.counts.units)}; số liệu: ${n(contents.counts.values)}; kế hoạch: ${n(contents.counts.plans)}; dòng nhật ký thay đổi: ${n(contents.counts.changes)}`,
    `Cấu trúc dữ liệu: ${contents.schemaVersion}${contents.olderSchema ? ` (cũ hơn phiên bản này, ${contents.appSchemaVersion}; sẽ được nâng cấp khi khôi phục)` : ''}`,
    `Kích thước: ${formatFileSizeVi(contents.size)}`,
  ];
}
