import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../shared/api/errors';
import type { ChitieuDb } from './connection';
import { bundledMigrations, type Migration } from './migrate/bundled-migrations';
import { migrateDatabase } from './migrate/migrate';
import * as schema from './schema';
import { seedNewDatabase } from './seed/seed-new-database';

export const databaseFileName = 'chitieu.db';

export interface OpenDatabaseOptions {
  dataDir: string;
  /** Electron loads its own build of better-sqlite3 (another ABI) from here; plain Node leaves it unset. */
  nativeBinding?: string;
  /** Tests pass a prefix of the bundled migrations to build an old database. */
  migrations?: Migration[];
}

export interface OpenedDatabase {
  db: ChitieuDb;
  file: string;
  schemaVersion: string;
  migrationsApplied: number;
  backupFile: string | null;
  sqliteVersion: string;
  close(): void;
}

function backupFileName(beforeTag: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `chitieu-truoc-${beforeTag}-${stamp}.db`;
}

function openFile(file: string, nativeBinding: string | undefined): Database.Database {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
    sqlite.pragma('journal_mode = WAL');
    return sqlite;
  } catch (error) {
    // Let go of the file at once: the clerk must be able to move a broken file aside while ChiTieu runs.
    sqlite?.close();
    throw new AppError(
      'database_unreadable',
      `Không mở được tệp dữ liệu ${file}: tệp không phải cơ sở dữ liệu ChiTieu hoặc đã hỏng.`,
      { cause: error instanceof Error ? error.message : String(error) },
      'database file cannot be opened',
    );
  }
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, databaseFileName);
  const sqlite = openFile(file, options.nativeBinding);
  try {
    // FULL keeps a committed figure on disk even through a power cut, which a clerk expects of "saved".
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');

    const outcome = migrateDatabase(sqlite, options.migrations ?? bundledMigrations(), {
      takeBackup: (beforeTag) => {
        const dir = join(options.dataDir, 'backups');
        if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
        const target = join(dir, backupFileName(beforeTag));
        sqlite.prepare('VACUUM INTO ?').run(target);
        return target;
      },
    });
    const db = drizzle({ client: sqlite, schema }) as ChitieuDb;
    seedNewDatabase(db);
    return {
      db,
      file,
      schemaVersion: outcome.schemaVersion,
      migrationsApplied: outcome.migrationsApplied,
      backupFile: outcome.backupFile,
      sqliteVersion: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
