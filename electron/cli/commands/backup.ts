import { backupKindLabelsVi } from '../../../shared/api/backup-entities';
import { formatFileSizeVi } from '../../../shared/backup/backup-words';
import { openSession } from '../backend-session';

export interface BackupCommandOptions {
  dataDir: string;
  out: string | undefined;
  json: boolean;
}

/** `chitieu backup [--out FILE]`: one checked backup now; exit 1 when it, or its copy in the second folder, failed. */
export async function backupCommand(options: BackupCommandOptions): Promise<void> {
  const { backend, api } = openSession(options.dataDir);
  try {
    const made = await (options.out === undefined
      ? api.call('backup.make', {})
      : api.call('backup.makeToFile', { out: options.out }));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(made, null, 2)}\n`);
    } else {
      for (const file of made.files) {
        process.stdout.write(
          `Đã sao lưu (${backupKindLabelsVi[file.kind]}, đã kiểm tra toàn vẹn): ${file.path} (${formatFileSizeVi(file.size)})\n`,
        );
      }
    }
    const failed = made.result.places.filter((p) => p.error !== null);
    for (const place of failed) process.stderr.write(`Lỗi: không sao lưu được vào ${place.folder}: ${place.error}.\n`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    backend.close();
  }
}
