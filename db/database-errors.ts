import { join } from 'node:path';
import { AppError } from '../shared/api/errors';
import { describeHolders, type Presence } from './database-presence';

/** What is wrong with the database file or its folder, as far as SQLite or the file system tell. */
export type DatabaseTrouble = 'damaged' | 'readonly' | 'full' | 'busy';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite's extended codes (SQLITE_CORRUPT_INDEX, SQLITE_READONLY_DBMOVED …) and Node's errno codes, by family. */
export function troubleOf(error: unknown): DatabaseTrouble | null {
  const code = codeOf(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'readonly';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

export interface TroubleContext {
  file: string;
  dataDir: string;
  /** Other ChiTieu processes that said they have the file open; only asked for when the file is locked. */
  holders?: () => Presence[];
  /** What was doing the work (SQLite's message, the check that failed …), for the log. */
  cause?: string;
}

/** How long a write waits for another program's lock before it is refused. */
export const busyTimeoutMs = 5000;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function damagedError(context: TroubleContext): AppError {
  return new AppError(
    'database_damaged',
    `Tệp dữ liệu ${context.file} bị hỏng (SQLite báo cấu trúc tệp không còn đúng). ChiTieu ngừng ghi vào tệp này để không làm hỏng thêm; ` +
      `những gì còn đọc được vẫn xem được, nhưng mọi thay đổi đều bị từ chối. Hãy đóng ChiTieu, giữ lại tệp hỏng (để cán bộ tin học xem) ` +
      `và khôi phục bản sao lưu gần nhất trong ${backupsDir(context.dataDir)}.`,
    { file: context.file, cause: context.cause },
    `database file is damaged (${context.cause ?? 'malformed'}); writes are refused`,
  );
}

export function readonlyError(context: TroubleContext): AppError {
  return new AppError(
    'database_readonly',
    `Thư mục dữ liệu ${context.dataDir} chỉ cho phép đọc: ChiTieu không ghi được vào đó (ổ USB gạt khóa ghi, ổ mạng hoặc thư mục chỉ đọc, ` +
      `hoặc tài khoản không có quyền ghi). Tệp dữ liệu không bị hỏng và chưa bị thay đổi. Hãy cho phép ghi vào thư mục ` +
      `(hoặc chép cả thư mục sang ổ ghi được) rồi mở lại ChiTieu.`,
    { dataDir: context.dataDir, cause: context.cause },
    `data folder is read-only (${context.cause ?? 'read-only'})`,
  );
}

export function fullError(context: TroubleContext): AppError {
  return new AppError(
    'disk_full',
    `Ổ đĩa chứa thư mục dữ liệu ${context.dataDir} đã đầy, nên thay đổi vừa rồi không được lưu; những gì đã lưu trước đó vẫn nguyên vẹn. ` +
      `Hãy giải phóng dung lượng trên ổ đĩa (xóa hoặc chuyển bớt tệp) rồi làm lại.`,
    { dataDir: context.dataDir, cause: context.cause },
    `disk is full (${context.cause ?? 'SQLITE_FULL'})`,
  );
}

export function busyError(context: TroubleContext): AppError {
  const holders = context.holders?.() ?? [];
  return new AppError(
    'database_busy',
    `Tệp dữ liệu ${context.file} đang bị một chương trình khác khóa để ghi, nên ChiTieu đã chờ ${busyTimeoutMs / 1000} giây rồi thôi; thay đổi vừa rồi chưa được lưu. ` +
      `${describeHolders(holders)} Hãy đợi chương trình đó ghi xong (hoặc đóng nó) rồi làm lại.`,
    { file: context.file, holders, cause: context.cause },
    `database is locked by another process (${context.cause ?? 'SQLITE_BUSY'})`,
  );
}

/** The clerk's message for a trouble, or null when the error is none of them. */
export function troubleError(error: unknown, context: TroubleContext): AppError | null {
  const trouble = troubleOf(error);
  if (trouble === null) return null;
  const withCause = {
    ...context,
    cause: context.cause ?? `${codeOf(error)}: ${error instanceof Error ? error.message : String(error)}`,
  };
  switch (trouble) {
    case 'damaged':
      return damagedError(withCause);
    case 'readonly':
      return readonlyError(withCause);
    case 'full':
      return fullError(withCause);
    case 'busy':
      return busyError(withCause);
  }
}
