import { backupStatus, inspectBackupSource, makeBackup, restoreBackup, setExtraFolder } from '../backup/backup-service';
import type { Handlers } from '../handler-types';

export const backupHandlers: Pick<Handlers, 'backup.status' | 'backup.make' | 'backup.inspect' | 'backup.restore' | 'backup.setFolder'> = {
  'backup.status': (_input, ctx) => backupStatus(ctx),
  'backup.make': ({ out }, ctx) => makeBackup(ctx, { kind: 'manual', trigger: out === undefined ? 'manual' : 'command_line', now: new Date(), ...(out === undefined ? {} : { out }) }),
  'backup.inspect': (source, ctx) => inspectBackupSource(ctx, source),
  'backup.restore': (source, ctx) => restoreBackup(ctx, source, new Date()),
  'backup.setFolder': ({ extraFolder }, ctx) => setExtraFolder(ctx, extraFolder),
};
