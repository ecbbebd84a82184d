import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { Migration } from './bundled-migrations';

const ledgerTable = 'chitieu_migrations';

interface AppliedMigration {
  tag: string;
  sha256: string;
}

export interface MigrationOutcome {
  applied: string[];
  schemaVersion: string;
  migrationsApplied: number;
  backupFile: string | null;
}

function readLedger(sqlite: BetterSqlite3.Database): AppliedMigration[] {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${ledgerTable} (
       seq integer PRIMARY KEY,
       tag text NOT NULL UNIQUE,
       sha256 text NOT NULL,
       applied_at text NOT NULL
     )`,
  );
  return sqlite.prepare(`SELECT tag, sha256 FROM ${ledgerTable} ORDER BY seq`).all() as AppliedMigration[];
}

/**
 * Applies the app's migrations by identity (tag and SQL hash), never by timestamp: a database that has
 * a migration this build does not know, or a known one with other SQL, was written by another version
 * of ChiTieu and is refused untouched.
 */
export function migrateDatabase(
  sqlite: BetterSqlite3.Database,
  migrations: Migration[],
  options: { takeBackup: (beforeTag: string) => string | null },
): MigrationOutcome {
  const ledger = readLedger(sqlite);
  ledger.forEach((applied, i) => {
    const known = migrations[i];
    if (known === undefined || known.tag !== applied.tag) {
      throw new AppError(
        'database_newer',
        'Cơ sở dữ liệu này được tạo bởi một phiên bản ChiTieu mới hơn. Hãy cài phiên bản mới nhất để mở nó; dữ liệu chưa bị thay đổi.',
        { unknownMigration: applied.tag },
      );
    }
    if (known.sha256 !== applied.sha256) {
      throw new AppError(
        'database_newer',
        `Cấu trúc cơ sở dữ liệu (bước ${applied.tag}) không khớp với phiên bản ChiTieu này. Dữ liệu chưa bị thay đổi.`,
        { migration: applied.tag, expected: known.sha256, found: applied.sha256 },
      );
    }
  });

  const pending = migrations.slice(ledger.length);
  const hasUserData = ledger.length > 0;
  const backupFile = pending.length > 0 && hasUserData ? options.takeBackup(pending[0]!.tag) : null;

  // Table rebuilds in a migration would trip foreign keys midway; they are checked as a whole before commit.
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      const apply = sqlite.transaction(() => {
        for (const statement of migration.statements) sqlite.exec(statement);
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`migration ${migration.tag} leaves ${violations.length} foreign key violations`);
        }
        sqlite
          .prepare(`INSERT INTO ${ledgerTable} (tag, sha256, applied_at) VALUES (?, ?, ?)`)
          .run(migration.tag, migration.sha256, new Date().toISOString());
      });
      apply.immediate();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }

  const last = migrations[migrations.length - 1];
  return {
    applied: pending.map((m) => m.tag),
    schemaVersion: last?.tag ?? 'empty',
    migrationsApplied: migrations.length,
    backupFile,
  };
}
