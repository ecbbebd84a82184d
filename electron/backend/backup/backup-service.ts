import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { copyBackup, copyDatabaseAsIs, writeBackup } from '../../../db/backup/make-backup';
import { inspectBackup } from '../../../db/backup/inspect-backup';
import { replaceDatabaseFile } from '../../../db/backup/replace-database';
import { removeScratch } from '../../../db/backup/files';
import { readSettings, writeSettings } from '../../../db/access/settings';
import { bundledMigrations } from '../../../db/migrate/bundled-migrations';
import {
  backupResultSchema,
  type BackupContents,
  type BackupFile,
  type BackupFolder,
  type BackupKind,
  type BackupMakeOutput,
  type BackupRestoreOutput,
  type BackupResult,
  type BackupSource,
  type BackupStatus,
} from '../../../shared/api/backup-entities';
import { AppError } from '../../../shared/api/errors';
import type { HandlerContext } from '../handler-types';
import { createFileLogger } from '../log';
import { backupFileName, officeName, officeSlug, parseBackupFileName, type OfficeSettings } from './naming';
import { backupsToKeep, defaultRotation } from './rotation';

const extraFolderKey = 'backupFolder';
const statusFileName = 'backup-status.json';

export type BackupTrigger = BackupResult['trigger'];

export function dataBackupFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

function storedOffice(ctx: HandlerContext): OfficeSettings {
  const stored = readSettings(ctx.db);
  const text = (key: string): string | undefined => {
    const v = stored.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  return { departmentName: text('departmentName'), placeName: text('placeName'), provinceName: text('provinceName') };
}

export function extraBackupFolder(ctx: HandlerContext): string | null {
  const value = readSettings(ctx.db).get(extraFolderKey);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The clerk's words for why a file could not be written: the usual causes are a full disk or a removed stick. */
function reasonVi(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'ổ đĩa đã đầy';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY')
    return 'không có quyền ghi vào thư mục này';
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN')
    return 'không mở được thư mục (thư mục không còn, hoặc ổ USB, ổ mạng đã bị tháo?)';
  if (/integrity_check/.test(message)) return 'bản sao ghi ra không toàn vẹn (ổ đĩa có thể bị lỗi)';
  return `không ghi được (${message})`;
}

/** A failure that says the database itself is damaged, not the place the backup was going to. */
function isDamage(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return (
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    (error instanceof Error && /integrity_check/.test(error.message))
  );
}

function englishOf(error: unknown): string {
  return error instanceof Error ? `${'code' in error ? `${String(error.code)}: ` : ''}${error.message}` : String(error);
}

function freeName(folder: string, office: string, at: Date, kind: BackupKind): string {
  for (let copy = 1; ; copy++) {
    const name = backupFileName(office, at, kind, copy);
    if (!existsSync(join(folder, name))) return name;
  }
}

function listFolder(folder: string, which: BackupFolder): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      files.push({
        name,
        folder: which,
        path,
        takenAt: parsed.takenAt.toISOString(),
        kind: parsed.kind,
        size: stat.size,
      });
    } catch {
      // A file removed while the folder was read is simply not listed.
    }
  }
  return files;
}

function readLastResult(dataDir: string): BackupResult | null {
  try {
    const parsed = backupResultSchema.safeParse(JSON.parse(readFileSync(join(dataDir, statusFileName), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function saveLastResult(dataDir: string, result: BackupResult): void {
  try {
    writeFileSync(join(dataDir, statusFileName), `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    createFileLogger(dataDir).error('backup status not saved', { message: englishOf(error) });
  }
}

/** Takes away the automatic backups of this office the rotation no longer keeps; the others are the clerk's. */
export function rotateFolder(folder: string, office: string): string[] {
  const automatic = listFolder(folder, 'data')
    .filter((f) => f.kind === 'auto' && parseBackupFileName(f.name)?.office === office)
    .map((f) => ({ name: f.name, takenAt: new Date(f.takenAt) }));
  const keep = backupsToKeep(automatic, defaultRotation);
  const removed: string[] = [];
  for (const { name } of automatic) {
    if (keep.has(name)) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function backupStatus(ctx: HandlerContext): BackupStatus {
  const extra = extraBackupFolder(ctx);
  const backups = [
    ...listFolder(dataBackupFolder(ctx.dataDir), 'data'),
    ...(extra ? listFolder(extra, 'extra') : []),
  ].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
  return {
    dataFolder: dataBackupFolder(ctx.dataDir),
    extraFolder: extra,
    last: readLastResult(ctx.dataDir),
    backups,
    rotation: defaultRotation,
  };
}

export interface MakeRequest {
  kind: BackupKind;
  trigger: BackupTrigger;
  now: Date;
  /** One file exactly here instead of the usual folders (`chitieu backup --out`). */
  out?: string;
}

/**
 * Writes one backup to DATA/backups and, unless it is taken before a restore, to the clerk's second folder;
 * an automatic one then rotates the folders it was written to. Every outcome is kept as the last result and a
 * failure goes to the log; a failure in the data folder (or at --out) is thrown, one in the second folder only
 * reported, since the backup itself exists.
 */
export function makeBackup(ctx: HandlerContext, request: MakeRequest): BackupMakeOutput {
  const log = createFileLogger(ctx.dataDir);
  const sqlite = ctx.db.$client;
  const office = officeSlug(officeName(storedOffice(ctx)));
  const places: BackupResult['places'] = [];
  const files: BackupFile[] = [];
  let damaged = false;

  const write = (target: string, which: BackupFolder, from: string | null, makeFolder = false): string | null => {
    try {
      if (makeFolder) mkdirSync(dirname(target), { recursive: true });
      const size = from === null ? writeBackup(sqlite, target) : copyBackup(sqlite, from, target);
      const parsed = parseBackupFileName(basename(target));
      files.push({
        name: basename(target),
        folder: which,
        path: target,
        takenAt: (parsed?.takenAt ?? request.now).toISOString(),
        kind: request.kind,
        size,
      });
      places.push({ folder: dirname(target), file: basename(target), error: null });
      return target;
    } catch (error) {
      places.push({
        folder: dirname(target),
        file: null,
        error: isDamage(error) ? 'cơ sở dữ liệu hiện tại đã hỏng, không đọc trọn được' : reasonVi(error),
      });
      if (files.length === 0 && isDamage(error)) damaged = true;
      log.error('backup failed', {
        folder: dirname(target),
        kind: request.kind,
        trigger: request.trigger,
        message: englishOf(error),
      });
      return null;
    }
  };

  let first: string | null;
  if (request.out !== undefined) {
    const out = resolve(request.out);
    if (existsSync(out)) {
      throw new AppError(
        'bad_input',
        `Tệp ${out} đã có; ChiTieu không ghi đè lên nó. Hãy chọn tên khác.`,
        { path: out },
        'backup target exists',
      );
    }
    first = write(out, 'data', null);
  } else {
    const dataFolder = dataBackupFolder(ctx.dataDir);
    first = write(join(dataFolder, freeName(dataFolder, office, request.now, request.kind)), 'data', null, true);
    const extra = request.kind === 'before_restore' ? null : extraBackupFolder(ctx);
    if (extra !== null && existsSync(extra)) {
      write(join(extra, freeName(extra, office, request.now, request.kind)), 'extra', first);
    } else if (extra !== null) {
      // A stick that is not plugged in: said, but no folder is made where the drive letter used to be.
      places.push({
        folder: extra,
        file: null,
        error: reasonVi(Object.assign(new Error('folder missing'), { code: 'ENOENT' })),
      });
      log.error('backup failed', {
        folder: extra,
        kind: request.kind,
        trigger: request.trigger,
        message: 'second backup folder does not exist',
      });
    }
    if (request.kind === 'auto') {
      for (const folder of [dataFolder, ...(extra !== null && existsSync(extra) ? [extra] : [])]) {
        try {
          const removed = rotateFolder(folder, office);
          if (removed.length > 0) log.info('backups rotated away', { folder, removed });
        } catch (error) {
          log.error('backup rotation failed', { folder, message: englishOf(error) });
        }
      }
    }
  }

  const result: BackupResult = {
    at: request.now.toISOString(),
    kind: request.kind,
    trigger: request.trigger,
    ok: places.every((p) => p.error === null),
    places,
  };
  saveLastResult(ctx.dataDir, result);
  if (first === null) {
    const failed = places[0]!;
    throw new AppError(
      'internal',
      `Sao lưu không thành công: ${failed.error} (${failed.folder}). Dữ liệu hiện tại không bị thay đổi.`,
      { result, damaged },
      'backup failed',
    );
  }
  log.info('backup written', {
    files: files.map((f) => f.path),
    kind: request.kind,
    trigger: request.trigger,
    ok: result.ok,
  });
  return { result, files };
}

/** Whether an automatic backup was already taken in the data folder on the clerk's calendar day of `now`. */
export function hasAutomaticBackupOn(ctx: HandlerContext, now: Date): boolean {
  const day = now.toDateString();
  return listFolder(dataBackupFolder(ctx.dataDir), 'data').some(
    (f) => f.kind === 'auto' && new Date(f.takenAt).toDateString() === day,
  );
}

/**
 * The backup a restore takes first. A damaged database cannot be read whole into a checked backup, and that is
 * exactly when the clerk restores: its file is then kept as it is, byte for byte, so that nothing is thrown away.
 */
function keepCurrentData(ctx: HandlerContext, now: Date): { undo: BackupFile; previousDamaged: boolean } {
  try {
    return {
      undo: makeBackup(ctx, { kind: 'before_restore', trigger: 'restore', now }).files[0]!,
      previousDamaged: false,
    };
  } catch (error) {
    const details = error instanceof AppError ? (error.details as { damaged?: boolean } | undefined) : undefined;
    if (details?.damaged !== true) throw error;
    const folder = dataBackupFolder(ctx.dataDir);
    const name = freeName(folder, officeSlug(officeName(storedOffice(ctx))), now, 'before_restore');
    const size = copyDatabaseAsIs(ctx.database.file, join(folder, name));
    createFileLogger(ctx.dataDir).info('damaged database kept as it was before restore', { file: join(folder, name) });
    return {
      undo: {
        name,
        folder: 'data',
        path: join(folder, name),
        takenAt: (parseBackupFileName(name)?.takenAt ?? now).toISOString(),
        kind: 'before_restore',
        size,
      },
      previousDamaged: true,
    };
  }
}

function sourceFile(ctx: HandlerContext, source: BackupSource): string {
  if ('path' in source) return resolve(source.path);
  const folder = source.folder === 'data' ? dataBackupFolder(ctx.dataDir) : extraBackupFolder(ctx);
  if (folder === null)
    throw new AppError('not_found', 'Chưa chọn thư mục sao lưu thứ hai.', undefined, 'no second backup folder');
  return join(folder, basename(source.name));
}

function contentsOf(file: string, stored: ReturnType<typeof inspectBackup>): BackupContents {
  const { officeSettings, ...rest } = stored;
  return { file, officeName: officeName(officeSettings), ...rest };
}

function refuseLiveFile(ctx: HandlerContext, file: string): void {
  if (resolve(file) === resolve(ctx.database.file)) {
    throw new AppError(
      'bad_input',
      'Đây là chính tệp dữ liệu ChiTieu đang dùng, không phải một bản sao lưu.',
      { file },
      'restore source is the live database',
    );
  }
}

export function inspectBackupSource(ctx: HandlerContext, source: BackupSource): BackupContents {
  const file = sourceFile(ctx, source);
  refuseLiveFile(ctx, file);
  return contentsOf(
    file,
    inspectBackup(ctx.db.$client, file, { scratchDir: ctx.dataDir, migrations: bundledMigrations() }),
  );
}

/**
 * Replaces the data with a backup's, as one step that a restore of the backup it takes first undoes. The file is
 * checked and copied beside the database before anything changes; the live connection is closed only for the
 * rename, and if the restored file then cannot be opened, the data as it was is put back.
 */
export function restoreBackup(ctx: HandlerContext, source: BackupSource, now: Date): BackupRestoreOutput {
  const log = createFileLogger(ctx.dataDir);
  const file = sourceFile(ctx, source);
  refuseLiveFile(ctx, file);
  const prepared = join(ctx.dataDir, `.chitieu-khoi-phuc-${randomBytes(4).toString('hex')}.db`);
  try {
    const contents = contentsOf(
      file,
      inspectBackup(ctx.db.$client, file, {
        scratchDir: ctx.dataDir,
        migrations: bundledMigrations(),
        copyTo: prepared,
      }),
    );
    const { undo, previousDamaged } = keepCurrentData(ctx, now);
    let replaced = false;
    try {
      ctx.reopenDatabase(() => {
        replaceDatabaseFile(ctx.database.file, prepared, previousDamaged);
        replaced = true;
      });
    } catch (error) {
      if (!replaced) throw error;
      log.error('restored database does not open; putting the previous one back', { file, message: englishOf(error) });
      ctx.reopenDatabase(() => {
        copyFileSync(undo.path, prepared);
        replaceDatabaseFile(ctx.database.file, prepared);
      });
      throw new AppError(
        'database_unreadable',
        `Không mở được dữ liệu khôi phục từ ${basename(file)}: ${error instanceof Error ? error.message : String(error)} Dữ liệu đã được trả lại như trước khi khôi phục.`,
        { file },
        'restored database does not open; previous data put back',
      );
    }
    log.info('database restored', { from: file, undoBackup: undo.path, schemaVersion: contents.schemaVersion });
    return { restored: contents, undoBackup: undo, previousDamaged };
  } finally {
    removeScratch(prepared);
  }
}

export function setExtraFolder(ctx: HandlerContext, folder: string | null): BackupStatus {
  if (folder !== null) {
    if (!isAbsolute(folder)) {
      throw new AppError(
        'bad_input',
        `Hãy ghi đường dẫn đầy đủ của thư mục (ví dụ E:\\SaoLuu), không phải "${folder}".`,
        { folder },
        'relative backup folder',
      );
    }
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new AppError(
        'bad_input',
        `Không có thư mục ${folder}. Hãy cắm ổ USB hoặc tạo thư mục trước.`,
        { folder },
        'backup folder does not exist',
      );
    }
    if (resolve(folder) === resolve(dataBackupFolder(ctx.dataDir))) {
      throw new AppError(
        'bad_input',
        'Thư mục thứ hai phải khác thư mục sao lưu trong thư mục dữ liệu.',
        { folder },
        'second backup folder is the data one',
      );
    }
  }
  writeSettings(ctx.db, [[extraFolderKey, folder]]);
  return backupStatus(ctx);
}
