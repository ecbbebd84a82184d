import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import Database from 'better-sqlite3';

export type Row = Record<string, unknown>;
export type TableDump = Record<string, Row[]>;

/** Every row of every table (SQLite's own bookkeeping included), each table sorted by all its columns. */
export function dumpTables(sqlite: Database.Database, options: { except?: string[] } = {}): TableDump {
  const except = new Set(options.except ?? []);
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  const dump: TableDump = {};
  for (const { name } of tables) {
    if (except.has(name)) continue;
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map(
      (c) => `"${c.name}"`,
    );
    dump[name] = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all() as Row[];
  }
  return dump;
}

/** The schema objects (tables, indexes, triggers) of a database, by type and name. */
export function schemaObjects(sqlite: Database.Database): Row[] {
  return sqlite.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as Row[];
}

/** Opens a database file the way an outside tool would, runs `use`, and closes it again. */
export function withRawDatabase<T>(file: string, use: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
  }
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface FileFingerprint {
  database: string;
  wal: string | null;
}

/** The bytes of a database file and of its write-ahead log, if it has one, as hashes. */
export function fingerprint(file: string): FileFingerprint {
  const wal = `${file}-wal`;
  return { database: sha256(file), wal: existsSync(wal) ? sha256(wal) : null };
}

/** Linux only: the paths this process holds open that start with `prefix`. */
export function openHandlesTo(prefix: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(prefix));
}
