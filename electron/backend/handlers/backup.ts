import { backupStatus, inspectBackupSource, makeBackup, restoreBackup, setExtraFolder } from '../backup/backup-service';
import type { Handlers } from '../handler-types';

export const backupHandlers: Pick<
  Handlers,
  | 'backup.status'
  | 'backup.make'
  | 'backup.makeToFile'
  | 'backup.inspect'
  | 'backup.inspectFile'
  | 'backup.restore'
  | 'backup.restoreFile'
  | 'backup.setFolder'
> = {
  'backup.status': (_input, ctx) => backupStatus(ctx),
  'backup.make': (_input, ctx) => makeBackup(ctx, { kind: 'manual', trigger: 'manual', now: new Date() }),
  'backup.makeToFile': ({ out }, ctx) =>
    makeBackup(ctx, { kind: 'manual', trigger: 'command_line', now: new Date(), out }),
  'backup.inspect': (source, ctx) => inspectBackupSource(ctx, source),
  'backup.inspectFile': (source, ctx) => inspectBackupSource(ctx, source),
  'backup.restore': (source, ctx) => restoreBackup(ctx, source, new Date()),
  'backup.restoreFile': (source, ctx) => restoreBackup(ctx, source, new Date()),
  'backup.setFolder': ({ extraFolder }, ctx) => setExtraFolder(ctx, extraFolder),
};
