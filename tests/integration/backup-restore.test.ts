import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { bundledMigrations } from '../../db/migrate/bundled-migrations';
import { createBackend } from '../../electron/backend/backend';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase } from '../support/sqlite-files';

async function figureOf(api: ApiClient, code: string, period = '2023-H1'): Promise<number | null> {
  const grid = await api.call('values.grid', { period, withFindings: false });
  return grid.rows.find((r) => r.code === code)?.value ?? null;
}

async function officeOfTayNinh(api: ApiClient): Promise<void> {
  await api.call('settings.set', {
    departmentName: 'SỞ CÔNG THƯƠNG',
    placeName: 'Tây Ninh',
    provinceName: 'UBND TỈNH TÂY NINH',
  });
}

describe('Sao lưu ngay', () => {
  it('writes one complete file into DATA/backups, named with the office, date and time, that opens alone with every figure', async () => {
    const dataDir = makeDataDir();
    const { api } = startBackend(dataDir);
    await officeOfTayNinh(api);
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'BLHH', value: '14.659,9' },
        { code: 'XNK', value: '2.260' },
      ],
    });

    const made = await api.call('backup.make', {});
    expect(made.result.ok).toBe(true);
    expect(made.files).toHaveLength(1);
    const file = made.files[0]!;
    expect(file.name).toMatch(/^ChiTieu-So-Cong-Thuong-Tay-Ninh-\d{4}-\d{2}-\d{2}-\d{4}\.db$/);
    expect(file.kind).toBe('manual');
    expect(file.path).toBe(join(dataDir, 'backups', file.name));
    // Nothing beside it: no -wal to forget when copying it to a stick.
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([file.name]);

    withRawDatabase(file.path, (copy) => {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const values = copy
        .prepare(`SELECT indicator_code AS code, value FROM indicator_values ORDER BY indicator_code`)
        .all();
      expect(values).toEqual([
        { code: 'BLHH', value: 14659.9 },
        { code: 'XNK', value: 2260 },
      ]);
    });

    const status = await api.call('backup.status', {});
    expect(status.backups.map((b) => b.name)).toEqual([file.name]);
    expect(status.last).toMatchObject({
      ok: true,
      kind: 'manual',
      places: [{ folder: join(dataDir, 'backups'), file: file.name, error: null }],
    });
  });

  it('also writes to the second folder the clerk chose, and says so when that folder is gone, in the status and the log', async () => {
    const dataDir = makeDataDir();
    const stick = join(makeDataDir(), 'USB');
    mkdirSync(stick);
    const { api } = startBackend(dataDir);
    await api.call('backup.setFolder', { extraFolder: stick });

    const both = await api.call('backup.make', {});
    expect(both.files.map((f) => f.folder)).toEqual(['data', 'extra']);
    expect(readFileSync(both.files[1]!.path)).toEqual(readFileSync(both.files[0]!.path));
    expect((await api.call('backup.status', {})).backups.filter((b) => b.folder === 'extra')).toHaveLength(1);

    const refusal = await refusalOf(api.call('backup.setFolder', { extraFolder: join(dataDir, 'khong-co') }));
    expect(refusal.message).toContain('Không có thư mục');

    // The stick is pulled out after it was chosen.
    rmSync(stick, { recursive: true });
    const partly = await api.call('backup.make', {});
    expect(partly.files.map((f) => f.folder)).toEqual(['data']);
    expect(partly.result.ok).toBe(false);
    expect(partly.result.places[1]).toMatchObject({
      folder: stick,
      file: null,
      error: expect.stringContaining('ổ USB'),
    });
    expect((await api.call('backup.status', {})).last).toEqual(partly.result);
    expect(readFileSync(join(dataDir, 'logs', 'chitieu.log'), 'utf8')).toContain('"event":"backup failed"');
  });

  it('refuses to write over a file that is already there', async () => {
    const dataDir = makeDataDir();
    const { api } = startBackend(dataDir);
    const first = await api.call('backup.makeToFile', { out: join(dataDir, 'ban-sao.db') });
    const refusal = await refusalOf(api.call('backup.makeToFile', { out: first.files[0]!.path }));
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('không ghi đè');
  });
});

describe('Khôi phục', () => {
  it('shows what a backup holds, replaces the data with it while the app keeps running, and is undone by restoring the backup it took', async () => {
    const dataDir = makeDataDir();
    const { api } = startBackend(dataDir);
    await officeOfTayNinh(api);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.260' }] });
    await api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: '3.798,3' }] });
    const backup = (await api.call('backup.make', {})).files[0]!;
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: '2.500' },
        { code: 'BLHH', value: '14.659,9' },
      ],
    });

    const contents = await api.call('backup.inspect', { folder: 'data', name: backup.name });
    expect(contents).toMatchObject({
      officeName: 'SỞ CÔNG THƯƠNG Tây Ninh',
      counts: { values: 1, plans: 1, changes: 2 },
      olderSchema: false,
    });
    expect(contents.schemaVersion).toBe(contents.appSchemaVersion);
    expect(contents.lastChangeAt).toEqual(expect.any(String));
    expect(contents.counts.indicators).toBeGreaterThan(10);

    const restored = await api.call('backup.restore', { folder: 'data', name: backup.name });
    expect(restored.restored.counts).toEqual(contents.counts);
    expect(restored.undoBackup.kind).toBe('before_restore');
    expect(restored.undoBackup.name).toMatch(/-truoc-khoi-phuc\.db$/);
    expect(await figureOf(api, 'XNK')).toBe(2260);
    expect(await figureOf(api, 'BLHH')).toBeNull();
    // The restored database takes new figures as before.
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 400 }] });
    expect(await figureOf(api, 'XNK', '2023-06')).toBe(400);

    const kinds = (await api.call('backup.status', {})).backups.map((b) => b.kind).sort();
    expect(kinds).toEqual(['before_restore', 'manual']);

    await api.call('backup.restore', { folder: 'data', name: restored.undoBackup.name });
    expect(await figureOf(api, 'XNK')).toBe(2500);
    expect(await figureOf(api, 'BLHH')).toBe(14659.9);
    expect(await figureOf(api, 'XNK', '2023-06')).toBeNull();
  });

  it('refuses while another program has the database open, and leaves the data as it was', async () => {
    const dataDir = makeDataDir();
    const { api, backend } = startBackend(dataDir);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.260' }] });
    const backup = (await api.call('backup.make', {})).files[0]!;
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.500' }] });

    const other = new Database(backend.database.file);
    onTestFinished(() => {
      other.close();
    });
    other.prepare('SELECT count(*) FROM indicator_values').get();
    const refusal = await refusalOf(api.call('backup.restore', { folder: 'data', name: backup.name }));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('đang mở cơ sở dữ liệu này');
    expect(await figureOf(api, 'XNK')).toBe(2500);
    expect(dumpTables(other).indicator_values).toHaveLength(1);
  });
});

describe('Khôi phục, when a step cannot be done,', () => {
  it('changes nothing if the backup of the current data cannot be written first', async () => {
    const dataDir = makeDataDir();
    const { api } = startBackend(dataDir);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.260' }] });
    const elsewhere = join(makeDataDir(), 'ban-sao.db');
    await api.call('backup.makeToFile', { out: elsewhere });
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.500' }] });
    // The backups folder cannot be made: the data as it is cannot be kept, so it is not replaced.
    writeFileSync(join(dataDir, 'backups'), 'không phải thư mục');

    const refusal = await refusalOf(api.call('backup.restoreFile', { path: elsewhere }));
    expect(refusal.message).toContain('Sao lưu không thành công');
    expect(await figureOf(api, 'XNK')).toBe(2500);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('of a damaged database keeps the damaged file as it was, then restores the good backup', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    await first.api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.260' }] });
    const good = (await first.api.call('backup.make', {})).files[0]!;
    first.backend.close();
    const file = join(dataDir, 'chitieu.db');
    const garbage = randomBytes(16 * 1024);
    const fd = openSync(file, 'r+');
    writeSync(fd, garbage, 0, garbage.length, 16 * 1024);
    closeSync(fd);
    const damagedBytes = readFileSync(file);

    const { api } = startBackend(dataDir);
    const restored = await api.call('backup.restore', { folder: 'data', name: good.name });
    expect(restored.previousDamaged).toBe(true);
    expect(readFileSync(restored.undoBackup.path)).toEqual(damagedBytes);
    expect(await figureOf(api, 'XNK')).toBe(2260);
    withRawDatabase(file, (sqlite) => expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok'));
  });

  it('brings a backup of an older version up to this one', async () => {
    const oldDir = makeDataDir();
    const old = openDatabase({ dataDir: oldDir, migrations: bundledMigrations().slice(0, 3) });
    old.db.$client.prepare(`INSERT INTO settings (key, value) VALUES ('placeName', '"Tây Ninh"')`).run();
    old.close();

    const dataDir = makeDataDir();
    const { api, backend } = startBackend(dataDir);
    const contents = await api.call('backup.inspectFile', { path: old.file });
    expect(contents).toMatchObject({
      olderSchema: true,
      schemaVersion: bundledMigrations()[2]!.tag,
      officeName: 'SỞ CÔNG THƯƠNG Tây Ninh',
    });
    await api.call('backup.restoreFile', { path: old.file });
    expect(backend.database.schemaVersion).toBe(bundledMigrations().at(-1)!.tag);
    expect((await api.call('settings.get', {})).placeName).toBe('Tây Ninh');
    // The old file itself is left as it was: it is read through a copy.
    withRawDatabase(old.file, (sqlite) =>
      expect(sqlite.prepare('SELECT count(*) AS n FROM chitieu_migrations').get()).toEqual({ n: 3 }),
    );
  });
});

describe('automatic backups', () => {
  function startScheduled(dataDir: string) {
    const backend = createBackend({ dataDir, automaticBackups: true });
    onTestFinished(() => backend.close());
    const api = createApiClient((operation, input) => backend.call(operation, input));
    const schedule = backend.backupSchedule;
    if (!schedule) throw new Error('a backend with automatic backups has a schedule');
    return { backend, api, schedule };
  }

  it('are taken once a day while the app runs and when it closes', async () => {
    const dataDir = makeDataDir();
    const { backend, api, schedule } = startScheduled(dataDir);
    await officeOfTayNinh(api);
    expect(schedule.runIfDue(new Date(2026, 11, 7, 9, 5))).toBe(true);
    expect(schedule.runIfDue(new Date(2026, 11, 7, 16, 40))).toBe(false);
    expect(schedule.runIfDue(new Date(2026, 11, 8, 0, 10))).toBe(true);
    const names = (await api.call('backup.status', {})).backups.map((b) => b.name);
    expect(names).toEqual([
      'ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-08-0010-tu-dong.db',
      'ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-07-0905-tu-dong.db',
    ]);
    expect((await api.call('backup.status', {})).last).toMatchObject({ ok: true, kind: 'auto', trigger: 'daily' });

    backend.close();
    const after = readdirSync(join(dataDir, 'backups')).filter((n) => !names.includes(n));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/-tu-dong\.db$/);
    expect(JSON.parse(readFileSync(join(dataDir, 'backup-status.json'), 'utf8'))).toMatchObject({
      ok: true,
      trigger: 'closing',
    });
  });

  it('that fail are shown as the last result and logged, and closing still closes', async () => {
    const dataDir = makeDataDir();
    const { backend, api, schedule } = startScheduled(dataDir);
    // A file where the backups folder should be: nothing can be written there.
    writeFileSync(join(dataDir, 'backups'), 'không phải thư mục');
    expect(schedule.runIfDue(new Date(2026, 11, 7, 9, 5))).toBe(true);
    const status = await api.call('backup.status', {});
    expect(status.last).toMatchObject({
      ok: false,
      trigger: 'daily',
      places: [{ file: null, error: expect.any(String) }],
    });
    expect(readFileSync(join(dataDir, 'logs', 'chitieu.log'), 'utf8')).toContain('"event":"backup failed"');
    backend.close();
    expect(existsSync(join(dataDir, 'chitieu.db-wal'))).toBe(false);
  });
});
