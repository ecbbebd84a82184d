import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { Migration } from '../migrate/bundled-migrations';
import { fsyncFile, hasSqliteHeader, removeScratch } from './files';

const alias = 'chitieu_restore_source';

/** Tables every ChiTieu database has had since its first migration; a SQLite file without them is someone else's. */
const chitieuTables = [
  'chitieu_migrations',
  'indicators',
  'reporting_units',
  'indicator_values',
  'annual_plans',
  'change_log',
  'settings',
];

export interface StoredContents {
  size: number;
  /** The settings that name the office, as stored. */
  officeSettings: Record<string, string>;
  lastChangeAt: string | null;
  counts: { indicators: number; units: number; values: number; plans: number; changes: number };
  schemaVersion: string;
  appSchemaVersion: string;
  olderSchema: boolean;
}

export interface InspectOptions {
  /** A folder on the data's own disk for the working copy; the file itself is never opened, so never changed. */
  scratchDir: string;
  migrations: Migration[];
  /** When given, a single-file copy of the checked contents is written here (the restore's next step). */
  copyTo?: string;
}

function notChitieu(file: string, why: string, english: string): AppError {
  return new AppError(
    'database_unreadable',
    `Tệp ${basename(file)} không phải bản sao lưu ChiTieu (${why}). Dữ liệu hiện tại không bị thay đổi.`,
    { file },
    english,
  );
}

function readLedger(sqlite: BetterSqlite3.Database, file: string): { tag: string; sha256: string }[] {
  const tables = new Set(
    (sqlite.prepare(`SELECT name FROM ${alias}.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const missing = chitieuTables.filter((t) => !tables.has(t));
  if (missing.length > 0) {
    throw notChitieu(
      file,
      'đây là một cơ sở dữ liệu SQLite khác, thiếu các bảng của ChiTieu',
      `not a ChiTieu database: missing ${missing.join(', ')}`,
    );
  }
  return sqlite.prepare(`SELECT tag, sha256 FROM ${alias}.chitieu_migrations ORDER BY seq`).all() as {
    tag: string;
    sha256: string;
  }[];
}

/** A ledger this build cannot continue: a step it does not know, or a known step with other SQL. */
function checkLedger(ledger: { tag: string; sha256: string }[], migrations: Migration[], file: string): void {
  ledger.forEach((applied, i) => {
    const known = migrations[i];
    if (known === undefined || known.tag !== applied.tag || known.sha256 !== applied.sha256) {
      throw new AppError(
        'database_newer',
        `Tệp ${basename(file)} được tạo bởi một phiên bản ChiTieu mới hơn hoặc khác (cấu trúc ${applied.tag}). Hãy cài phiên bản mới nhất để khôi phục nó; dữ liệu hiện tại không bị thay đổi.`,
        { file, unknownMigration: applied.tag },
        'backup has a schema this build does not know',
      );
    }
  });
  if (ledger.length === 0)
    throw notChitieu(file, 'cơ sở dữ liệu chưa được khởi tạo', 'ChiTieu database without migrations');
}

/** Who and when sit once per batch since migration 0007, on every change-log row before it. */
function lastChangeAt(sqlite: BetterSqlite3.Database): string | null {
  const batched =
    sqlite.prepare(`SELECT 1 FROM ${alias}.sqlite_master WHERE type = 'table' AND name = 'change_batches'`).get() !==
    undefined;
  return (
    sqlite.prepare(`SELECT max(at) AS at FROM ${alias}.${batched ? 'change_batches' : 'change_log'}`).get() as {
      at: string | null;
    }
  ).at;
}

function count(sqlite: BetterSqlite3.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${alias}.${table}`).get() as { n: number }).n;
}

function officeSettings(sqlite: BetterSqlite3.Database): Record<string, string> {
  const rows = sqlite
    .prepare(`SELECT key, value FROM ${alias}.settings WHERE key IN ('departmentName', 'placeName', 'provinceName')`)
    .all() as { key: string; value: string }[];
  const found: Record<string, string> = {};
  for (const { key, value } of rows) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') found[key] = parsed;
    } catch {
      // A setting that is not JSON text names nothing; the office falls back to the defaults.
    }
  }
  return found;
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')
  );
}

/**
 * Reads what a backup file holds and refuses one that is not a sound ChiTieu database this build can open.
 * The file is copied into `scratchDir` first (with its -wal, if one lies beside it) and the copy is attached to
 * the live connection, so the backup itself is never written to, and the desktop's build of SQLite reads it.
 */
export function inspectBackup(sqlite: BetterSqlite3.Database, file: string, options: InspectOptions): StoredContents {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new AppError('not_found', `Không tìm thấy tệp sao lưu ${file}.`, { file }, 'backup file not found');
  }
  const size = statSync(file).size;
  if (!hasSqliteHeader(file)) throw notChitieu(file, 'không phải tệp cơ sở dữ liệu', 'backup is not an SQLite file');

  const scratch = join(options.scratchDir, `.khoi-phuc-${randomBytes(4).toString('hex')}.db`);
  let attached = false;
  try {
    copyFileSync(file, scratch);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${scratch}-wal`);
    sqlite.prepare(`ATTACH DATABASE ? AS ${alias}`).run(scratch);
    attached = true;
    const problems = (sqlite.pragma(`${alias}.integrity_check`) as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((t) => t !== 'ok');
    if (problems.length > 0) {
      throw notChitieu(file, 'tệp đã hỏng', `backup fails integrity_check: ${problems.slice(0, 3).join('; ')}`);
    }
    const ledger = readLedger(sqlite, file);
    checkLedger(ledger, options.migrations, file);
    const contents: StoredContents = {
      size,
      officeSettings: officeSettings(sqlite),
      lastChangeAt: lastChangeAt(sqlite),
      counts: {
        indicators: count(sqlite, 'indicators'),
        units: count(sqlite, 'reporting_units'),
        values: count(sqlite, 'indicator_values'),
        plans: count(sqlite, 'annual_plans'),
        changes: count(sqlite, 'change_log'),
      },
      schemaVersion: ledger[ledger.length - 1]!.tag,
      appSchemaVersion: options.migrations[options.migrations.length - 1]?.tag ?? 'empty',
      olderSchema: ledger.length < options.migrations.length,
    };
    if (options.copyTo !== undefined) {
      sqlite.prepare(`VACUUM ${alias} INTO ?`).run(options.copyTo);
      fsyncFile(options.copyTo);
    }
    return contents;
  } catch (error) {
    if (isSqliteError(error)) {
      throw notChitieu(
        file,
        error.code === 'SQLITE_NOTADB' ? 'không phải tệp cơ sở dữ liệu' : 'tệp đã hỏng hoặc không đọc được',
        `backup unreadable: ${error.message}`,
      );
    }
    throw error;
  } finally {
    if (attached) sqlite.exec(`DETACH DATABASE ${alias}`);
    removeScratch(scratch);
  }
}
