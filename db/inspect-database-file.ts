import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../shared/api/errors';
import { backupsDir, damagedError, troubleError, type TroubleContext } from './database-errors';

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
export const ledgerTable = 'chitieu_migrations';

export interface LedgerRow {
  tag: string;
  sha256: string;
}

/** What an existing chitieu.db holds, found without writing a byte to it. */
export interface Inspection {
  ledger: LedgerRow[];
  /** quick_check's findings (or SQLite's error while running it); null when it found the file sound. */
  damage: string | null;
}

function notChitieu(file: string, found: string, english: string, dataDir: string): AppError {
  return new AppError(
    'database_unreadable',
    `Không mở được tệp dữ liệu ${file}: ${found} ChiTieu không tạo cơ sở dữ liệu mới đè lên tệp này và chưa ghi gì vào nó. ` +
      `Nếu đây là bản chép từ máy khác, hãy chép lại khi ChiTieu trên máy đó đã đóng (cả thư mục dữ liệu), hoặc khôi phục bản sao lưu ` +
      `gần nhất trong ${backupsDir(dataDir)}; muốn bắt đầu với dữ liệu trống thì đổi tên hoặc chuyển tệp này đi chỗ khác.`,
    { file, found: english },
    `database file is not an initialised ChiTieu database: ${english}`,
  );
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function bytes(n: number): string {
  return `${n.toLocaleString('vi-VN')} byte`;
}

/**
 * What the first 100 bytes say: an empty file, a file that is not SQLite at all, or a copy cut short (shorter
 * than the page count its header declares). A non-empty -wal beside it may hold pages a checkpoint was still
 * copying, so the length is only judged when the file stands alone.
 */
function checkHeader(file: string, dataDir: string): void {
  const size = fileSize(file);
  if (size === 0) throw notChitieu(file, 'tệp trống (0 byte), không có dữ liệu nào.', 'empty file (0 bytes)', dataDir);
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < sqliteMagic.length || !header.subarray(0, sqliteMagic.length).equals(sqliteMagic)) {
    throw notChitieu(
      file,
      `tệp (${bytes(size)}) không phải cơ sở dữ liệu SQLite.`,
      `not an SQLite file (${size} bytes)`,
      dataDir,
    );
  }
  if (read < 100)
    throw notChitieu(file, `tệp bị cắt ngắn, chỉ còn ${bytes(size)}.`, `truncated to ${size} bytes`, dataDir);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const declaredPages = header.readUInt32BE(28);
  const headerSizeValid = declaredPages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${file}-wal`;
  const walHoldsPages = existsSync(wal) && fileSize(wal) > 0;
  if (walHoldsPages || pageSize < 512) return;
  const expected = declaredPages * pageSize;
  if ((headerSizeValid && size < expected) || size % pageSize !== 0) {
    throw notChitieu(
      file,
      `tệp bị cắt ngắn (chép hoặc tải về chưa xong): chỉ có ${bytes(size)}${headerSizeValid ? ` trong khi phần đầu tệp ghi ${bytes(expected)}` : ''}.`,
      `truncated copy: ${size} bytes${headerSizeValid ? ` of ${expected}` : ''}`,
      dataDir,
    );
  }
}

/**
 * Looks at an existing chitieu.db through a read-only connection (which never checkpoints a -wal into the file)
 * and refuses, untouched, whatever is not a ChiTieu database: an empty or foreign SQLite file, random bytes, a
 * truncated copy. A ChiTieu database with damaged pages is not refused here: the caller opens it read-only.
 */
export function inspectDatabaseFile(
  file: string,
  context: TroubleContext,
  nativeBinding: string | undefined,
): Inspection {
  checkHeader(file, context.dataDir);
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  let sqlite: Database.Database | null = null;
  let refused = true;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    let tables: string[];
    try {
      tables = (
        sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
      ).map((t) => t.name);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
        throw notChitieu(
          file,
          'tệp không phải cơ sở dữ liệu, hoặc phần đầu tệp đã hỏng.',
          'SQLITE_NOTADB',
          context.dataDir,
        );
      }
      // Without its list of tables nothing in the file can be read: damaged, and nothing to show.
      throw troubleError(error, context) ?? error;
    }
    if (!tables.includes(ledgerTable)) {
      const userTables = tables.filter((t) => !t.startsWith('sqlite_'));
      if (userTables.length === 0) {
        throw notChitieu(
          file,
          `tệp là cơ sở dữ liệu SQLite trống (${bytes(fileSize(file))}), không có dữ liệu ChiTieu nào. Thường đó là bản chép chỉ lấy tệp chitieu.db mà thiếu tệp chitieu.db-wal đi kèm, khi ChiTieu còn đang mở.`,
          'an empty SQLite database',
          context.dataDir,
        );
      }
      const shown = userTables.slice(0, 5).join(', ') + (userTables.length > 5 ? ', …' : '');
      throw notChitieu(
        file,
        `tệp là cơ sở dữ liệu SQLite của một chương trình khác (có các bảng ${shown}), không phải của ChiTieu.`,
        `SQLite file of another program (tables ${shown})`,
        context.dataDir,
      );
    }
    const ledger = sqlite.prepare(`SELECT tag, sha256 FROM ${ledgerTable} ORDER BY seq`).all() as LedgerRow[];
    let damage: string | null;
    try {
      const findings = (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
      damage = findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
    } catch (error) {
      if (troubleError(error, context)?.code !== 'database_damaged') throw troubleError(error, context) ?? error;
      damage = error instanceof Error ? error.message : String(error);
    }
    if (damage !== null && ledger.length === 0) throw damagedError({ ...context, cause: damage });
    refused = false;
    return { ledger, damage };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw troubleError(error, context) ?? error;
  } finally {
    sqlite?.close();
    // The read-only look made these beside a file it refused: leave the clerk's folder as it was.
    if (refused)
      for (const f of sidecars)
        if (existsSync(f) && (f.endsWith('-shm') || fileSize(f) === 0)) rmSync(f, { force: true });
  }
}
