import { accessSync, constants, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../shared/api/errors';
import type { ChitieuDb } from './connection';
import { busyTimeoutMs, damagedError, readonlyError, troubleError, type TroubleContext } from './database-errors';
import { announcePresence, type Presence } from './database-presence';
import { inspectDatabaseFile, type LedgerRow } from './inspect-database-file';
import { bundledMigrations, type Migration } from './migrate/bundled-migrations';
import { migrateDatabase } from './migrate/migrate';
import * as schema from './schema';
import { seedNewDatabase } from './seed/seed-new-database';

export const databaseFileName = 'chitieu.db';

/** How long after the last request the database settles: the WAL is checkpointed, the full check runs once. */
export const settleAfterMs = 2000;

export interface OpenDatabaseOptions {
  dataDir: string;
  /** Electron loads its own build of better-sqlite3 (another ABI) from here; plain Node leaves it unset. */
  nativeBinding?: string;
  /** Tests pass a prefix of the bundled migrations to build an old database. */
  migrations?: Migration[];
}

export interface IntegrityReport {
  state: 'pending' | 'ok' | 'damaged';
  at: string | null;
  ms: number | null;
}

export interface CheckpointOutcome {
  /** Every committed page is in chitieu.db itself: the file alone holds all the data. */
  complete: boolean;
  walPages: number;
  copiedPages: number;
}

export interface OpenedDatabase {
  db: ChitieuDb;
  file: string;
  schemaVersion: string;
  migrationsApplied: number;
  backupFile: string | null;
  sqliteVersion: string;
  /** Why every write is refused (a damaged file), or null while the file takes writes. */
  writeRefusal(): AppError | null;
  /** Throws the refusal when writes are refused; called before any operation that writes. */
  assertWritable(): void;
  /**
   * The clerk's words for what went wrong when the file or its folder is the cause (damaged, read-only, full,
   * locked); a damaged file stops all later writes. Any other error is given back as it was.
   */
  explain(error: unknown): unknown;
  /** A request arrived (the full check waits for a quiet moment); a write pushes the checkpoint `settleAfterMs` back. */
  activity(wrote: boolean): void;
  /** Copies the WAL into chitieu.db without waiting for other connections' readers (PASSIVE). */
  checkpoint(): CheckpointOutcome;
  integrity(): IntegrityReport;
  close(): void;
}

function backupFileName(beforeTag: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `chitieu-truoc-${beforeTag}-${stamp}.db`;
}

function binding(nativeBinding: string | undefined): Database.Options {
  return nativeBinding ? { nativeBinding } : {};
}

/**
 * A new database is made whole under a temporary name (migrated, seeded, committed without a WAL) and only then
 * given its name, so chitieu.db is never a half-made file that the next start would have to refuse.
 */
function createDatabase(file: string, options: OpenDatabaseOptions): void {
  const temp = `${file}.dang-tao-${process.pid}`;
  rmSync(temp, { force: true });
  const sqlite = new Database(temp, binding(options.nativeBinding));
  try {
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    migrateDatabase(sqlite, options.migrations ?? bundledMigrations(), { takeBackup: () => null });
    seedNewDatabase(drizzle({ client: sqlite, schema }) as ChitieuDb);
  } catch (error) {
    sqlite.close();
    rmSync(temp, { force: true });
    throw error;
  }
  sqlite.close();
  try {
    // A link never replaces: if another ChiTieu made chitieu.db meanwhile, that one is kept and opened.
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

function assertWritableFolder(file: string, context: TroubleContext): void {
  for (const path of [context.dataDir, file]) {
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw readonlyError({ ...context, cause: `${(error as NodeJS.ErrnoException).code ?? 'EACCES'} on ${path}` });
    }
  }
}

/** SQLite would replay a -wal left by a deleted chitieu.db onto a new one and corrupt it: found, it is told and left. */
function assertNoOrphanWal(file: string, context: TroubleContext): void {
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return;
  throw new AppError(
    'database_unreadable',
    `Thư mục dữ liệu ${context.dataDir} không có tệp ${databaseFileName} nhưng còn tệp ${databaseFileName}-wal (phần dữ liệu ghi dở của nó): ` +
      `có thể ${databaseFileName} đã bị xóa, đổi tên hoặc chưa được chép sang. ChiTieu không tạo cơ sở dữ liệu mới bên cạnh tệp này. ` +
      `Hãy chép lại ${databaseFileName} vào đây, hoặc chuyển tệp ${databaseFileName}-wal đi chỗ khác nếu muốn bắt đầu với dữ liệu trống.`,
    { file, wal },
    'chitieu.db is missing but its -wal is there',
  );
}

/** The ledger of a damaged file must match this build exactly: it cannot be migrated, only read. */
function assertCurrentLedger(
  ledger: LedgerRow[],
  migrations: Migration[],
  context: TroubleContext,
  damage: string,
): void {
  const current =
    ledger.length === migrations.length &&
    ledger.every((row, i) => row.tag === migrations[i]?.tag && row.sha256 === migrations[i]?.sha256);
  if (!current)
    throw damagedError({
      ...context,
      cause: `${damage}; its schema is not this version's, so it cannot even be shown`,
    });
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const file = join(options.dataDir, databaseFileName);
  let others: () => Presence[] = () => [];
  const context: TroubleContext = { file, dataDir: options.dataDir, holders: () => others() };
  const migrations = options.migrations ?? bundledMigrations();
  try {
    mkdirSync(options.dataDir, { recursive: true });
    assertWritableFolder(file, context);
    if (!existsSync(file)) {
      assertNoOrphanWal(file, context);
      createDatabase(file, options);
    }
  } catch (error) {
    throw error instanceof AppError ? error : (troubleError(error, context) ?? error);
  }
  const inspection = inspectDatabaseFile(file, context, options.nativeBinding);
  if (inspection.damage !== null) assertCurrentLedger(inspection.ledger, migrations, context, inspection.damage);
  const damagedAtOpen =
    inspection.damage !== null ? damagedError({ ...context, cause: `quick_check: ${inspection.damage}` }) : null;

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, {
      ...binding(options.nativeBinding),
      readonly: damagedAtOpen !== null,
      fileMustExist: true,
    });
  } catch (error) {
    throw troubleError(error, context) ?? error;
  }
  const announced = announcePresence(options.dataDir);
  others = announced.others;
  try {
    let outcome = {
      schemaVersion: migrations[migrations.length - 1]?.tag ?? 'empty',
      migrationsApplied: migrations.length,
      backupFile: null as string | null,
    };
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (damagedAtOpen === null) {
      sqlite.pragma('journal_mode = WAL');
      // FULL keeps a committed figure on disk even through a power cut, which a clerk expects of "saved".
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
      outcome = migrateDatabase(sqlite, migrations, {
        takeBackup: (beforeTag) => {
          const dir = join(options.dataDir, 'backups');
          if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
          const target = join(dir, backupFileName(beforeTag));
          sqlite.prepare('VACUUM INTO ?').run(target);
          return target;
        },
      });
    }
    const db = drizzle({ client: sqlite, schema }) as ChitieuDb;
    if (damagedAtOpen === null) seedNewDatabase(db);
    return withUpkeep({
      sqlite,
      db,
      file,
      context,
      outcome,
      refusal: damagedAtOpen,
      withdraw: announced.withdraw,
      nativeBinding: options.nativeBinding,
    });
  } catch (error) {
    sqlite.close();
    announced.withdraw();
    throw error instanceof AppError ? error : (troubleError(error, context) ?? error);
  }
}

interface UpkeepInput {
  sqlite: Database.Database;
  db: ChitieuDb;
  file: string;
  context: TroubleContext;
  outcome: { schemaVersion: string; migrationsApplied: number; backupFile: string | null };
  refusal: AppError | null;
  withdraw: () => void;
  nativeBinding: string | undefined;
}

/**
 * The open database with its upkeep: one timer that, `settleAfterMs` after the last write, copies the WAL into
 * chitieu.db (so the file alone is complete) and, once after opening, at the first moment no request has come for
 * as long, runs the full integrity_check. That check runs in this process, between requests: it holds a request
 * that arrives meanwhile for as long as it takes (well under a second for a department's database).
 */
function withUpkeep(input: UpkeepInput): OpenedDatabase {
  const { sqlite, context } = input;
  let refusal = input.refusal;
  let unsettled = false;
  let closed = false;
  let lastRequestAt = Date.now();
  const integrity: IntegrityReport = { state: refusal ? 'damaged' : 'pending', at: null, ms: null };

  const stopWrites = (error: AppError) => {
    if (refusal) return;
    refusal = error;
    // Belt and braces: SQLite itself refuses any write that would get past the check before each operation.
    sqlite.pragma('query_only = ON');
  };

  const checkpoint = (): CheckpointOutcome => {
    if (refusal || closed || sqlite.readonly) return { complete: false, walPages: 0, copiedPages: 0 };
    const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    const walPages = row?.log ?? 0;
    const copiedPages = row?.checkpointed ?? 0;
    return { complete: row !== undefined && row.busy === 0 && copiedPages === walPages, walPages, copiedPages };
  };

  const checkIntegrity = () => {
    const started = Date.now();
    try {
      const findings = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      const sound = findings.length === 1 && findings[0] === 'ok';
      if (!sound) stopWrites(damagedError({ ...context, cause: `integrity_check: ${findings.join('; ')}` }));
      integrity.state = sound ? 'ok' : 'damaged';
    } catch (error) {
      const explained = troubleError(error, context);
      if (explained?.code === 'database_damaged') {
        stopWrites(explained);
        integrity.state = 'damaged';
      }
      // Locked or busy: the check is tried again at the next idle moment.
    }
    integrity.at = new Date().toISOString();
    integrity.ms = Date.now() - started;
  };

  const settle = () => {
    if (closed) return;
    if (unsettled && !refusal) unsettled = !checkpoint().complete;
    if (integrity.state === 'pending' && Date.now() - lastRequestAt >= settleAfterMs) checkIntegrity();
    if ((unsettled || integrity.state === 'pending') && !refusal) timer.refresh();
  };
  const timer = setTimeout(settle, settleAfterMs);
  // The timer must never keep a command-line run alive once its work is done.
  timer.unref();

  const explain = (error: unknown): unknown => {
    // Only SQLite's own errors speak of the database: a refused export path is no news about the data folder.
    if (!(error instanceof Database.SqliteError)) return error;
    const explained = troubleError(error, context);
    if (explained === null) return error;
    if (explained.code === 'database_damaged') stopWrites(explained);
    // query_only answers SQLITE_READONLY: the cause is the damage, not the folder.
    if (explained.code === 'database_readonly' && refusal) return refusal;
    return explained;
  };

  return {
    db: input.db,
    file: input.file,
    schemaVersion: input.outcome.schemaVersion,
    migrationsApplied: input.outcome.migrationsApplied,
    backupFile: input.outcome.backupFile,
    sqliteVersion: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    writeRefusal: () => refusal,
    assertWritable: () => {
      if (refusal) throw refusal;
    },
    explain,
    activity: (wrote) => {
      lastRequestAt = Date.now();
      // Only a write pushes the checkpoint back: a window that keeps reading must not keep the WAL from settling.
      if (wrote) unsettled = true;
      if (wrote && !closed) timer.refresh();
    },
    checkpoint: () => {
      const outcome = checkpoint();
      if (outcome.complete) unsettled = false;
      return outcome;
    },
    integrity: () => ({ ...integrity }),
    close: () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      input.withdraw();
      if (refusal && !sqlite.readonly) {
        // Closing the last connection would copy the WAL into the damaged file; a read-only one open beside it
        // keeps the close from checkpointing, and a read-only connection never checkpoints.
        let keeper: Database.Database | null = null;
        try {
          keeper = new Database(input.file, { ...binding(input.nativeBinding), readonly: true, fileMustExist: true });
        } catch {
          // The file is gone or unreadable now: there is nothing left for a checkpoint to write into either.
        }
        sqlite.close();
        keeper?.close();
        return;
      }
      if (!sqlite.readonly) {
        try {
          // TRUNCATE waits for readers of other connections; on closing, one second is enough to wait.
          sqlite.pragma('busy_timeout = 1000');
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // Another program still reads: closing the last connection checkpoints whatever remains.
        }
      }
      sqlite.close();
    },
  };
}
