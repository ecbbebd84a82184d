import { existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/api/errors';
import { fsyncFile, fsyncFolderOf } from './files';

/**
 * Puts `prepared` (a finished, flushed database in the same folder) in place of `databaseFile`, which the caller
 * has closed. SQLite deletes -wal and -shm when the last connection closes; if they are still there another
 * program has the database open, and replacing the file under it would mix its log into the restored data, so
 * nothing is touched. A damaged database cannot be checkpointed when it closes, so its -wal stays: when the caller
 * has kept those files as they were (`oldFilesKept`), they are removed instead, before the rename, so that they are
 * never read as the log of the restored file. The rename is one step: the old file or the new one, never a mixture.
 */
export function replaceDatabaseFile(databaseFile: string, prepared: string, oldFilesKept = false): void {
  const wal = `${databaseFile}-wal`;
  const shm = `${databaseFile}-shm`;
  if (oldFilesKept) {
    rmSync(wal, { force: true });
    rmSync(shm, { force: true });
  }
  if (existsSync(wal) || existsSync(shm)) {
    throw new AppError(
      'conflict',
      'Một chương trình khác (có thể là một cửa sổ ChiTieu hoặc lệnh chitieu khác) đang mở cơ sở dữ liệu này. Hãy đóng nó rồi khôi phục lại; dữ liệu hiện tại không bị thay đổi.',
      { databaseFile },
      'database is open elsewhere: -wal or -shm present after close',
    );
  }
  fsyncFile(prepared);
  renameSync(prepared, databaseFile);
  fsyncFolderOf(databaseFile);
}
