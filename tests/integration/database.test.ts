import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { asc, count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { bundledMigrations, type Migration } from '../../db/migrate/bundled-migrations';
import { appendChange, batchKey } from '../../db/access/change-log';
import { changeLog, indicators, reportingUnits, settings } from '../../db/schema';
import { refusalOfSync } from '../support/backend';
import { defaultCatalogFile, handedCatalogFile, readDefaultCatalog } from '../support/catalog-csv';
import { makeDataDir } from '../support/data-dir';
import {
  dumpTables,
  fingerprint,
  openHandlesTo,
  schemaObjects,
  withRawDatabase,
  type Row,
} from '../support/sqlite-files';

const ledger = 'chitieu_migrations';

function lastOf<T>(items: readonly T[]): T {
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('empty list');
  return last;
}

function firstOf<T>(items: readonly T[]): T {
  const first = items[0];
  if (first === undefined) throw new Error('empty list');
  return first;
}

/** A database that ChiTieu made and closed again, as a clerk's PC would hold it. */
function closedDatabase(dataDir: string): string {
  const opened = openDatabase({ dataDir });
  opened.close();
  return opened.file;
}

describe('a new data directory', () => {
  it('gets chitieu.db at the latest schema, in WAL mode, with foreign keys enforced', () => {
    const dataDir = join(makeDataDir(), 'ChiTieu');
    const migrations = bundledMigrations();
    const opened = openDatabase({ dataDir });
    try {
      expect(opened.file).toBe(join(dataDir, 'chitieu.db'));
      expect(existsSync(opened.file)).toBe(true);
      expect(opened.schemaVersion).toBe(lastOf(migrations).tag);
      expect(opened.migrationsApplied).toBe(migrations.length);
      expect(opened.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.db.$client.prepare(`SELECT tag, sha256 FROM ${ledger} ORDER BY seq`).all()).toEqual(
        migrations.map((m) => ({ tag: m.tag, sha256: m.sha256 })),
      );
    } finally {
      opened.close();
    }
  });

  it('takes no backup, because there is nothing yet to lose', () => {
    const dataDir = makeDataDir();
    const opened = openDatabase({ dataDir });
    opened.close();
    expect(opened.backupFile).toBeNull();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('holds the 38 default indicators of the shared catalog, in file order, and the one province unit TINH', () => {
    const expected = readDefaultCatalog();
    expect(expected).toHaveLength(38);
    const opened = openDatabase({ dataDir: makeDataDir() });
    try {
      const stored = opened.db
        .select({
          code: indicators.code,
          parentCode: indicators.parentCode,
          stt: indicators.stt,
          nameVi: indicators.nameVi,
          unit: indicators.unit,
          kind: indicators.kind,
          decimals: indicators.decimals,
          aliases: indicators.aliases,
          active: indicators.active,
        })
        .from(indicators)
        .orderBy(asc(indicators.sortOrder))
        .all();
      expect(stored).toEqual(expected.map((row) => ({ ...row, aliases: [], active: true })));

      const units = opened.db
        .select({ code: reportingUnits.code, kind: reportingUnits.kind, parentId: reportingUnits.parentId })
        .from(reportingUnits)
        .all();
      expect(units).toEqual([{ code: 'TINH', kind: 'province', parentId: null }]);
    } finally {
      opened.close();
    }
  });

  it.skipIf(!existsSync(handedCatalogFile))('ships the catalog the department handed over, byte for byte', () => {
    expect(readFileSync(defaultCatalogFile)).toEqual(readFileSync(handedCatalogFile));
  });

  it('is not seeded a second time when it is opened again', () => {
    const dataDir = makeDataDir();
    closedDatabase(dataDir);
    const again = openDatabase({ dataDir });
    try {
      expect(again.db.select({ n: count() }).from(indicators).get()?.n).toBe(38);
      expect(again.db.select({ n: count() }).from(reportingUnits).get()?.n).toBe(1);
      expect(again.backupFile).toBeNull();
    } finally {
      again.close();
    }
  });
});

/** Rows as the first version's tables hold them (before migration 0007 gave them their present shape). */
function insertOld(raw: Database.Database, table: string, rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row).map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    raw
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...Object.values(row));
  }
}

describe('upgrading a database from the first version', () => {
  function fillFirstVersionDatabase(dataDir: string): void {
    const old = openDatabase({ dataDir, migrations: bundledMigrations().slice(0, 1) });
    try {
      expect(old.schemaVersion).toBe(firstOf(bundledMigrations()).tag);
      expect(old.migrationsApplied).toBe(1);
      const db = old.db;
      db.insert(indicators)
        .values({
          code: 'XK_GAO_GT',
          parentCode: 'XK',
          stt: '1.4',
          nameVi: 'Gạo',
          aliases: ['Gạo xuất khẩu', 'Gạo các loại'],
          unit: 'triệu USD',
          kind: 'flow',
          decimals: 2,
          sortOrder: 315,
          active: false,
          createdAt: '2023-01-05T08:00:00.000Z',
          updatedAt: '2023-02-10T09:30:00.000Z',
        })
        .run();
      const longAn = db
        .insert(reportingUnits)
        .values({ code: '80', name: 'Tỉnh Long An (cũ)', kind: 'province', validTo: '2025-06-30' })
        .returning({ id: reportingUnits.id })
        .get();
      const tayNinh = db
        .insert(reportingUnits)
        .values({
          code: '80',
          name: 'Tỉnh Tây Ninh',
          kind: 'province',
          validFrom: '2025-07-01',
          predecessorIds: [longAn.id],
        })
        .returning({ id: reportingUnits.id })
        .get();
      db.insert(reportingUnits)
        .values({ code: 'CK_MOCBAI', name: 'Cửa khẩu quốc tế Mộc Bài', kind: 'border_gate', parentId: tayNinh.id })
        .run();
      insertOld(db.$client, 'indicator_values', [
        {
          indicatorCode: 'IIP',
          unitId: 1,
          period: '2023-01',
          value: 125.95,
          status: 'actual',
          updatedBy: 'lan',
          sourceKind: 'typed',
        },
        {
          indicatorCode: 'IIP',
          unitId: 1,
          period: '2023-02',
          value: 106.01,
          status: 'actual',
          updatedBy: 'lan',
          sourceKind: 'typed',
        },
        {
          indicatorCode: 'IIP',
          unitId: 1,
          period: '2023-L02',
          value: 116.32,
          status: 'actual',
          comment: 'Lũy kế do Cục Thống kê công bố, không lấy trung bình',
          updatedBy: 'lan',
          sourceKind: 'pasted',
        },
        {
          indicatorCode: 'XNK',
          unitId: 1,
          period: '2023-H1',
          value: 2260,
          status: 'estimate',
          comment: 'Ước thực hiện',
          updatedBy: 'hùng',
          updatedAt: '2023-06-20T02:15:00.000Z',
          sourceKind: 'imported',
          sourceFile: 'bpc-thang-05.xlsx',
          sourceSha256: 'a'.repeat(64),
          sourceSheet: 'Biểu 01',
          sourceCell: 'F12',
        },
        {
          indicatorCode: 'BLHH',
          unitId: 1,
          period: '2023-Q2',
          value: 14659.9,
          status: 'actual',
          updatedBy: 'cli',
          sourceKind: 'cli',
        },
        {
          indicatorCode: 'XK_GAO_GT',
          unitId: tayNinh.id,
          period: '2023-9M',
          value: 0.1 + 0.2,
          status: 'estimate',
          updatedBy: 'lan',
          sourceKind: 'typed',
        },
        {
          indicatorCode: 'XK',
          unitId: longAn.id,
          period: '2023',
          value: -3.32,
          status: 'actual',
          comment: '',
          updatedBy: 'lan',
          sourceKind: 'typed',
        },
      ]);
      insertOld(db.$client, 'annual_plans', [
        {
          indicatorCode: 'BLHH',
          unitId: 1,
          year: 2022,
          level: 'giao',
          value: 28800,
          updatedBy: 'lan',
          sourceKind: 'typed',
        },
        {
          indicatorCode: 'BLHH',
          unitId: 1,
          year: 2022,
          level: 'phan_dau',
          value: 29500.5,
          updatedBy: 'lan',
          sourceKind: 'imported',
          sourceFile: 'ke-hoach-2022.xlsx',
          sourceCell: 'D7',
        },
        {
          indicatorCode: 'XK',
          unitId: tayNinh.id,
          year: 2026,
          level: 'giao',
          value: 130,
          updatedBy: 'hùng',
          sourceKind: 'cli',
        },
      ]);
      insertOld(db.$client, 'change_log', [
        {
          batchId: 'b-0001',
          at: '2023-06-20T02:15:00.000Z',
          who: 'hùng',
          entity: 'value',
          indicatorCode: 'XNK',
          unitId: 1,
          period: '2023-H1',
          oldValue: null,
          newValue: 2260,
          newStatus: 'estimate',
          newComment: 'Ước thực hiện',
          sourceKind: 'imported',
          sourceFile: 'bpc-thang-05.xlsx',
        },
        {
          batchId: 'b-0002',
          at: '2023-07-18T03:00:00.000Z',
          who: 'lan',
          entity: 'value',
          indicatorCode: 'IIP',
          unitId: 1,
          period: '2023-L02',
          oldValue: 115.98,
          newValue: 116.32,
          oldStatus: 'estimate',
          newStatus: 'actual',
          oldComment: null,
          newComment: 'Lũy kế do Cục Thống kê công bố, không lấy trung bình',
          sourceKind: 'pasted',
        },
        {
          batchId: 'b-0002',
          at: '2023-07-18T03:00:00.000Z',
          who: 'lan',
          entity: 'plan',
          indicatorCode: 'BLHH',
          unitId: 1,
          year: 2022,
          level: 'phan_dau',
          oldValue: 29000,
          newValue: 29500.5,
          sourceKind: 'typed',
        },
      ]);
      db.insert(settings)
        .values([
          { key: 'provinceName', value: 'TỈNH TÂY NINH' },
          { key: 'headName', value: 'Nguyễn Thị Lan' },
          { key: 'someNumber', value: 42 },
          { key: 'someObject', value: { columns: ['A', 'B'], landscape: true } },
        ])
        .run();
    } finally {
      old.close();
    }
  }

  it('keeps every row of every table when a database from the first version is upgraded', () => {
    const dataDir = makeDataDir();
    fillFirstVersionDatabase(dataDir);
    const file = join(dataDir, 'chitieu.db');
    const before = withRawDatabase(file, (raw) => dumpTables(raw));
    expect(before['indicator_values']).toHaveLength(7);
    expect(before['change_log']).toHaveLength(3);

    const upgraded = openDatabase({ dataDir });
    try {
      const migrations = bundledMigrations();
      expect(upgraded.schemaVersion).toBe(lastOf(migrations).tag);
      expect(upgraded.migrationsApplied).toBe(migrations.length);
      const after = dumpTables(upgraded.db.$client, { except: [ledger] });
      // SQLite's own counters of AUTOINCREMENT tables follow the tables' shape (the figures have none since 0007).
      const { [ledger]: ledgerBefore, sqlite_sequence: _counters, ...tablesBefore } = before;
      // Later migrations may add tables; every table the old version had must come through unchanged, the figures,
      // plans and change log (given their present shape by 0007) read through the views that spell them out.
      const spelledOut: Record<string, string> = {
        indicator_values: 'indicator_values_full',
        annual_plans: 'annual_plans_full',
        change_log: 'change_log_full',
      };
      const sorted = (rows: Row[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const keptTables = Object.fromEntries(
        Object.keys(tablesBefore).map((table) => {
          const view = spelledOut[table];
          if (!view) return [table, after[table]];
          const rows = upgraded.db.$client.prepare(`SELECT * FROM ${view}`).all() as Row[];
          return [table, sorted(rows)];
        }),
      );
      const withoutValueIds = {
        ...tablesBefore,
        indicator_values: (tablesBefore['indicator_values'] ?? []).map(({ id: _id, ...v }) => v),
      };
      expect(keptTables).toEqual(
        Object.fromEntries(
          Object.entries(withoutValueIds).map(([t, rows]) => [t, spelledOut[t] ? sorted(rows) : rows]),
        ),
      );
      const ledgerAfter = upgraded.db.$client.prepare(`SELECT * FROM ${ledger} ORDER BY seq`).all() as Row[];
      expect(ledgerAfter.slice(0, 1)).toEqual(ledgerBefore);
      expect(ledgerAfter.map((r) => r['tag'])).toEqual(migrations.map((m) => m.tag));
    } finally {
      upgraded.close();
    }
  });

  it('backs the old database up into DATA/backups before upgrading it, with the rows it held', () => {
    const dataDir = makeDataDir();
    fillFirstVersionDatabase(dataDir);
    const before = withRawDatabase(join(dataDir, 'chitieu.db'), (raw) => dumpTables(raw));

    const upgraded = openDatabase({ dataDir });
    upgraded.close();

    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(upgraded.backupFile).toBe(join(dataDir, 'backups', firstOf(backups)));
    const inBackup = withRawDatabase(join(dataDir, 'backups', firstOf(backups)), (raw) => dumpTables(raw));
    expect(inBackup).toEqual(before);
  });

  it('makes the change log append-only: UPDATE and DELETE are refused, INSERT still works', () => {
    const dataDir = makeDataDir();
    fillFirstVersionDatabase(dataDir);
    const upgraded = openDatabase({ dataDir });
    try {
      const raw = upgraded.db.$client;
      const logBefore = dumpTables(raw)['change_log'];
      const batch = (uuid: string) => `(SELECT id FROM change_batches WHERE uuid = '${uuid}')`;
      expect(() =>
        raw.prepare(`UPDATE change_log SET new_value = 0 WHERE batch_id = ${batch('b-0001')}`).run(),
      ).toThrow(Database.SqliteError);
      expect(() => raw.prepare(`DELETE FROM change_log WHERE batch_id = ${batch('b-0002')}`).run()).toThrow(
        Database.SqliteError,
      );
      expect(() => raw.prepare(`DELETE FROM change_log`).run()).toThrow(/append-only/);
      expect(dumpTables(raw)['change_log']).toEqual(logBefore);

      const db = upgraded.db;
      const next = batchKey(db, { batchId: 'b-0003', at: '2026-01-05T01:00:00.000Z', who: 'lan' });
      appendChange(
        db,
        next,
        { entity: 'value', indicatorCode: 'BLHH', unitId: 1, period: '2023-Q2', oldValue: 14659.9, newValue: 14700 },
        { kind: 'typed' },
      );
      expect(upgraded.db.select({ n: count() }).from(changeLog).get()?.n).toBe(4);
    } finally {
      upgraded.close();
    }
  });
});

describe('a database ChiTieu must not touch', () => {
  it('refuses, in Vietnamese and without changing a byte, a database written by a newer ChiTieu', () => {
    const dataDir = makeDataDir();
    const file = closedDatabase(dataDir);
    withRawDatabase(file, (raw) => {
      raw
        .prepare(`INSERT INTO ${ledger} (tag, sha256, applied_at) VALUES (?, ?, ?)`)
        .run('0099_tu_phien_ban_moi', 'f'.repeat(64), '2027-01-01T00:00:00.000Z');
      raw.pragma('wal_checkpoint(TRUNCATE)');
    });
    const before = fingerprint(file);

    const refusal = refusalOfSync(() => openDatabase({ dataDir }));

    expect(refusal.code).toBe('database_newer');
    expect(refusal.message).toContain('phiên bản ChiTieu mới hơn');
    expect(fingerprint(file)).toEqual(before);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses, in Vietnamese and without changing a byte, a database whose applied migration has other SQL', () => {
    const dataDir = makeDataDir();
    const file = closedDatabase(dataDir);
    const first = firstOf(bundledMigrations());
    withRawDatabase(file, (raw) => {
      raw.prepare(`UPDATE ${ledger} SET sha256 = ? WHERE tag = ?`).run('0'.repeat(64), first.tag);
      raw.pragma('wal_checkpoint(TRUNCATE)');
    });
    const before = fingerprint(file);

    const refusal = refusalOfSync(() => openDatabase({ dataDir }));

    expect(refusal.code).toBe('database_newer');
    expect(refusal.message).toContain('không khớp với phiên bản ChiTieu này');
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses, in Vietnamese and without changing it, a chitieu.db that is not a database', () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'chitieu.db');
    const text = 'Báo cáo tháng 6 — đây không phải cơ sở dữ liệu.\n'.repeat(200);
    writeFileSync(file, text);

    const refusal = refusalOfSync(() => openDatabase({ dataDir }));

    expect(refusal.code).toBe('database_unreadable');
    expect(refusal.message).toContain('Không mở được tệp dữ liệu');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it.runIf(process.platform === 'linux')(
    'lets go of a chitieu.db it cannot read, so the clerk can move it aside',
    () => {
      const dataDir = makeDataDir();
      const file = join(dataDir, 'chitieu.db');
      writeFileSync(file, 'không phải cơ sở dữ liệu\n'.repeat(200));

      refusalOfSync(() => openDatabase({ dataDir }));

      expect(openHandlesTo(file)).toEqual([]);
    },
  );
});

describe('a migration that would break the data', () => {
  it('is rolled back whole when it would leave a figure pointing at an indicator that does not exist', () => {
    const dataDir = makeDataDir();
    const first = firstOf(bundledMigrations());
    const built = openDatabase({ dataDir, migrations: [first] });
    built.close();
    const file = built.file;
    const before = withRawDatabase(file, (raw) => ({ rows: dumpTables(raw), schema: schemaObjects(raw) }));

    const statements = [
      'CREATE TABLE `ghost_table` (`id` integer PRIMARY KEY)',
      "INSERT INTO `indicator_values` (`indicator_code`, `unit_id`, `period`, `value`, `status`, `updated_by`, `source_kind`) VALUES ('KHONG_CO', 1, '2023-06', 1, 'actual', 'migration', 'typed')",
    ];
    const orphanFigure: Migration = {
      tag: '0001_orphan_figure',
      sha256: createHash('sha256').update(statements.join('\n--> statement-breakpoint\n')).digest('hex'),
      statements,
    };

    expect(() => openDatabase({ dataDir, migrations: [first, orphanFigure] })).toThrow(/foreign key/);

    const after = withRawDatabase(file, (raw) => ({ rows: dumpTables(raw), schema: schemaObjects(raw) }));
    expect(after).toEqual(before);
    expect(after.rows[ledger]?.map((r) => r['tag'])).toEqual([first.tag]);
  });
});
