import { backupContentsLinesVi } from '../../../shared/backup/backup-words';
import type { ApiClient } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/errors';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';

export interface RestoreCommandOptions {
  dataDir: string;
  file: string;
  dryRun: boolean;
  json: boolean;
}

/**
 * `chitieu restore FILE`: says what the file holds, backs up the data as it is, then restores; the backup it took
 * is named, since restoring it undoes this. With --dry-run it only says what the file holds.
 */
export async function restoreCommand(options: RestoreCommandOptions): Promise<void> {
  const { backend, api } = openSession(options.dataDir);
  try {
    await restoreWith(api, options);
  } catch (error) {
    // A file that is not a ChiTieu backup, or one of a newer version, is a wrong argument, not a failure of ChiTieu.
    if (error instanceof AppError && (error.code === 'database_unreadable' || error.code === 'database_newer'))
      throw new UsageError(error.message);
    throw error;
  } finally {
    backend.close();
  }
}

async function restoreWith(api: ApiClient, options: RestoreCommandOptions): Promise<void> {
  const contents = await api.call('backup.inspectFile', { path: options.file });
  if (!options.json)
    process.stdout.write(
      `Tệp ${contents.file}:\n${backupContentsLinesVi(contents)
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
    );
  if (options.dryRun) {
    if (options.json) process.stdout.write(`${JSON.stringify(contents, null, 2)}\n`);
    return;
  }
  const restored = await api.call('backup.restoreFile', { path: options.file });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(restored, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `Đã khôi phục dữ liệu từ ${restored.restored.file}.\n` +
      (restored.previousDamaged
        ? `Dữ liệu trước khi khôi phục đã hỏng; tệp của nó được giữ nguyên trạng tại ${restored.undoBackup.path} để hỗ trợ kỹ thuật xem, nhưng không khôi phục lại được.\n`
        : `Dữ liệu trước khi khôi phục đã được sao lưu vào ${restored.undoBackup.path}; để hoàn tác, chạy: chitieu restore "${restored.undoBackup.path}"\n`),
  );
}
