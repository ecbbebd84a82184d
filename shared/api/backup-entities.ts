import { z } from 'zod';

/** Why a backup was taken: by the schedule or at closing, by the clerk, or just before a restore replaced the data. */
export const backupKinds = ['auto', 'manual', 'before_restore'] as const;
export const backupKindSchema = z.enum(backupKinds);
export type BackupKind = z.infer<typeof backupKindSchema>;

export const backupKindLabelsVi: Record<BackupKind, string> = {
  auto: 'tự động',
  manual: 'thủ công',
  before_restore: 'trước khi khôi phục',
};

/** DATA/backups beside the database, or the second folder the clerk chose (a USB stick, a shared drive). */
export const backupFolderSchema = z.enum(['data', 'extra']);
export type BackupFolder = z.infer<typeof backupFolderSchema>;

export const backupFileSchema = z.object({
  name: z.string(),
  folder: backupFolderSchema,
  path: z.string(),
  /** The moment in the file's name (the clerk's local time), as an ISO instant. */
  takenAt: z.string(),
  kind: backupKindSchema,
  size: z.number().int().nonnegative(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** One place a backup was to be written to, and what came of it. */
export const backupPlaceResultSchema = z.object({
  folder: z.string(),
  file: z.string().nullable(),
  error: z.string().nullable(),
});

export const backupResultSchema = z.object({
  at: z.string(),
  kind: backupKindSchema,
  /** What made it: the clerk, the daily schedule, the app closing, a restore. */
  trigger: z.enum(['manual', 'daily', 'closing', 'restore', 'command_line']),
  ok: z.boolean(),
  places: z.array(backupPlaceResultSchema),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const backupStatusSchema = z.object({
  dataFolder: z.string(),
  extraFolder: z.string().nullable(),
  last: backupResultSchema.nullable(),
  backups: z.array(backupFileSchema),
  rotation: z.object({ daily: z.number().int(), monthly: z.number().int() }),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupMakeInputSchema = z.object({}).strict();
/** A backup written to a file of one's choosing (the command line), besides the backup folder's own. */
export const backupMakeToFileInputSchema = z.object({ out: z.string().min(1) }).strict();

export const backupMakeOutputSchema = z.object({
  result: backupResultSchema,
  files: z.array(backupFileSchema),
});
export type BackupMakeOutput = z.infer<typeof backupMakeOutputSchema>;

/** A backup listed in one of the two folders, by name (the browser mode can do no more), or any file by its path. */
export const backupListedSchema = z
  .object({ folder: backupFolderSchema, name: z.string().regex(/^[^\\/]+\.db$/, 'Tên tệp sao lưu không hợp lệ.') })
  .strict();
export const backupFileSourceSchema = z.object({ path: z.string().min(1) }).strict();
export const backupSourceSchema = z.union([backupListedSchema, backupFileSourceSchema]);
export type BackupSource = z.infer<typeof backupSourceSchema>;

/** What a backup file holds, read before anything is restored from it. */
export const backupContentsSchema = z.object({
  file: z.string(),
  size: z.number().int().nonnegative(),
  officeName: z.string(),
  lastChangeAt: z.string().nullable(),
  counts: z.object({
    indicators: z.number().int(),
    units: z.number().int(),
    values: z.number().int(),
    plans: z.number().int(),
    changes: z.number().int(),
  }),
  schemaVersion: z.string(),
  /** The app's own latest migration; an older file is brought up to it when restored. */
  appSchemaVersion: z.string(),
  olderSchema: z.boolean(),
});
export type BackupContents = z.infer<typeof backupContentsSchema>;

export const backupRestoreOutputSchema = z.object({
  restored: backupContentsSchema,
  /** The backup of the data as it was just before; restoring it undoes this restore. */
  undoBackup: backupFileSchema,
  /** The data replaced was damaged: its file was kept byte for byte, which no restore can take back. */
  previousDamaged: z.boolean(),
});
export type BackupRestoreOutput = z.infer<typeof backupRestoreOutputSchema>;

export const backupSetFolderInputSchema = z.object({ extraFolder: z.string().min(1).nullable() }).strict();
