import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase, settleAfterMs } from '../../db/open-database';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, refusalOfSync, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { startServer } from '../support/serve';
import { dumpTables, fingerprint, withRawDatabase, type FileFingerprint } from '../support/sqlite-files';
import { commitImport, writeWorkbook } from '../support/workbooks';

const settle = () => new Promise((resolve) => setTimeout(resolve, settleAfterMs + 700));

const flows = ['GTSXCN', 'SPCN_DIEN_SX', 'SPCN_DIEN_TP', 'SPCN_NUOC', 'SPCN_XIMANG'];
const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);

/** A clerk's year: every month typed, plans set, and a workbook imported. */
async function workForAWhile(api: ApiClient, dir: string): Promise<void> {
  await api.call('settings.set', { clerkName: 'Nguyễn Thị Lan' });
  for (const [m, period] of months.entries()) {
    await api.call('values.set', {
      period,
      entries: flows.map((code, i) => ({ code, value: `${1000 + 10 * m + i},${m}` })),
    });
  }
  await api.call('plans.set', {
    year: 2023,
    entries: [
      { code: 'XNK', level: 'giao', value: '3.798,3' },
      { code: 'BLHH', level: 'giao', value: '26.899' },
    ],
  });
  const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
    {
      name: 'BC',
      rows: [
        ['BÁO CÁO THÁNG 5 NĂM 2024'],
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Ước thực hiện kỳ báo cáo'],
        [1, 'Điện sản xuất', 'Triệu kWh', 160],
        [2, 'Xi măng Portland đen', 'Tấn', 1100],
        [3, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', '2.300.500'],
      ],
    },
  ]);
  const imported = await commitImport(api, [file]);
  expect(imported.changed).toBeGreaterThan(0);
}

const dataTables = [
  'indicator_values',
  'annual_plans',
  'change_log',
  'imports',
  'settings',
  'indicators',
  'reporting_units',
];

function dataOf(file: string): Record<string, unknown> {
  return withRawDatabase(file, (raw) => {
    const dump = dumpTables(raw);
    return Object.fromEntries(dataTables.map((t) => [t, dump[t]]));
  });
}

/** Fills a database through the API until it spans many pages, and closes it as the app would. */
async function databaseOfManyPages(dir: string): Promise<string> {
  const { backend, api } = startBackend(dir);
  for (let year = 2000; year < 2024; year++) {
    for (const period of months.map((m) => m.replace('2023', String(year)))) {
      await api.call('values.set', {
        period,
        entries: flows.map((code, i) => ({ code, value: year + i, comment: `Ghi chú ${period} ${code} `.repeat(6) })),
      });
    }
  }
  backend.close();
  const file = join(dir, 'chitieu.db');
  expect(statSync(file).size).toBeGreaterThan(200 * 4096);
  return file;
}

function writeGarbageInTheMiddle(file: string, size = 8192): void {
  const at = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(size), 0, size, at);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes as they were, and nothing waiting in a -wal to be copied into it. */
function untouched(file: string, before: FileFingerprint): boolean {
  const wal = `${file}-wal`;
  return fingerprint(file).database === before.database && (!existsSync(wal) || statSync(wal).size === 0);
}

describe('chitieu.db copied alone once the app has settled', () => {
  it('holds every figure, plan, import and setting, and opens with ChiTieu', { timeout: 60_000 }, async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await workForAWhile(api, dir);
    await settle();

    const copyDir = makeDataDir();
    copyFileSync(backend.database.file, join(copyDir, 'chitieu.db'));
    expect(readdirSync(copyDir)).toEqual(['chitieu.db']);
    const expected = dataOf(backend.database.file);
    expect((expected['indicator_values'] as unknown[]).length).toBeGreaterThan(60);
    expect(dataOf(join(copyDir, 'chitieu.db'))).toEqual(expected);

    const copy = startBackend(copyDir);
    const grid = await copy.api.call('values.grid', { period: '2023-07' });
    expect(grid.rows.find((r) => r.code === 'GTSXCN')?.value).toBe(1060.6);
    expect((await copy.api.call('import.history', {})).length).toBe(1);
  });

  it('is complete right after an import, before any idle moment', { timeout: 30_000 }, async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await workForAWhile(api, dir);
    const copyDir = makeDataDir();
    copyFileSync(backend.database.file, join(copyDir, 'chitieu.db'));
    expect(dataOf(join(copyDir, 'chitieu.db'))).toEqual(dataOf(backend.database.file));
  });

  it('is complete after ChiTieu closes, with no -wal left beside it', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: '14.659,9' }] });
    backend.close();
    expect(existsSync(`${backend.database.file}-wal`)).toBe(false);
    expect(
      withRawDatabase(backend.database.file, (raw) =>
        raw.prepare(`SELECT value FROM indicator_values WHERE indicator_code = 'BLHH'`).pluck().get(),
      ),
    ).toBe(14659.9);
  });
});

describe('a chitieu.db that is not a ChiTieu database', () => {
  const cases: { name: string; make: (file: string) => Promise<void> | void; found: RegExp }[] = [
    {
      name: 'random bytes',
      make: (file) => writeFileSync(file, randomBytes(64 * 1024)),
      found: /không phải cơ sở dữ liệu SQLite/,
    },
    { name: 'an empty 0-byte file', make: (file) => writeFileSync(file, ''), found: /tệp trống \(0 byte\)/ },
    {
      name: 'a truncated copy of a real one',
      make: async (file) => {
        const source = await databaseOfManyPages(makeDataDir());
        copyFileSync(source, file);
        truncateSync(file, Math.floor(statSync(source).size * 0.6));
      },
      found: /bị cắt ngắn.*trong khi phần đầu tệp ghi/,
    },
    {
      name: 'the SQLite file of another program',
      make: (file) => {
        const other = new Database(file);
        other.exec(
          `CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT); INSERT INTO khach_hang (ten) VALUES ('Công ty A')`,
        );
        other.close();
      },
      found: /của một chương trình khác \(có các bảng khach_hang\)/,
    },
    {
      name: 'chitieu.db copied without its -wal while ChiTieu was running',
      make: (file) => {
        const running = new Database(join(file, '..', 'dang-chay.db'));
        running.pragma('journal_mode = WAL');
        running.pragma('wal_autocheckpoint = 0');
        running.exec('CREATE TABLE indicator_values (v REAL); INSERT INTO indicator_values VALUES (14659.9)');
        copyFileSync(join(file, '..', 'dang-chay.db'), file);
        running.close();
      },
      found: /cơ sở dữ liệu SQLite trống.*thiếu tệp chitieu\.db-wal/,
    },
  ];
  for (const c of cases) {
    it(`is refused, untouched and never replaced by a new database: ${c.name}`, { timeout: 60_000 }, async () => {
      const dataDir = makeDataDir();
      const file = join(dataDir, 'chitieu.db');
      await c.make(file);
      const before = fingerprint(file);
      const beside = readdirSync(dataDir).sort();

      const refusal = refusalOfSync(() => openDatabase({ dataDir }));

      expect(refusal.code).toBe('database_unreadable');
      expect(refusal.message).toMatch(c.found);
      expect(refusal.message).toContain('không tạo cơ sở dữ liệu mới đè lên tệp này');
      expect(fingerprint(file)).toEqual(before);
      expect(readdirSync(dataDir).sort()).toEqual(beside);
    });
  }

  it('missing beside the -wal it left is not made anew over that -wal, which SQLite would replay into it', () => {
    const dataDir = makeDataDir();
    const running = new Database(join(dataDir, 'chitieu.db'));
    running.pragma('journal_mode = WAL');
    running.pragma('wal_autocheckpoint = 0');
    running.exec('CREATE TABLE indicator_values (v REAL); INSERT INTO indicator_values VALUES (14659.9)');
    copyFileSync(join(dataDir, 'chitieu.db-wal'), join(dataDir, 'giu-lai.wal'));
    running.close();
    rmSync(join(dataDir, 'chitieu.db'));
    copyFileSync(join(dataDir, 'giu-lai.wal'), join(dataDir, 'chitieu.db-wal'));
    const before = fingerprint(join(dataDir, 'chitieu.db-wal'));

    const refusal = refusalOfSync(() => openDatabase({ dataDir }));

    expect(refusal.code).toBe('database_unreadable');
    expect(refusal.message).toMatch(/không có tệp chitieu\.db nhưng còn tệp chitieu\.db-wal/);
    expect(existsSync(join(dataDir, 'chitieu.db'))).toBe(false);
    expect(fingerprint(join(dataDir, 'chitieu.db-wal'))).toEqual(before);
  });

  it('a missing chitieu.db is still created, whole, as a new database', () => {
    const dataDir = makeDataDir();
    const opened = openDatabase({ dataDir });
    opened.close();
    expect(readdirSync(dataDir).filter((f) => f.startsWith('chitieu.db'))).toEqual(['chitieu.db']);
    expect(withRawDatabase(opened.file, (raw) => raw.prepare('SELECT count(*) FROM indicators').pluck().get())).toBe(
      38,
    );
  });
});

describe('a damaged chitieu.db', () => {
  it(
    'with 8 KB of garbage in the middle is told as damaged at open, and no write reaches it',
    { timeout: 120_000 },
    async () => {
      const dataDir = makeDataDir();
      const file = await databaseOfManyPages(dataDir);
      writeGarbageInTheMiddle(file);
      const before = fingerprint(file);

      const { backend, api } = startBackend(dataDir);
      expect(backend.database.writeRefusal()?.code).toBe('database_damaged');
      const refusals = [
        await refusalOf(api.call('values.set', { period: '2024-01', entries: [{ code: 'SPCN_NUOC', value: 5 }] })),
        await refusalOf(api.call('plans.set', { year: 2024, entries: [{ code: 'XNK', level: 'giao', value: 4000 }] })),
        await refusalOf(api.call('settings.set', { clerkName: 'Lan' })),
      ];
      for (const refusal of refusals) {
        expect(refusal.code).toBe('database_damaged');
        expect(refusal.message).toMatch(/bị hỏng.*ngừng ghi.*khôi phục bản sao lưu gần nhất trong .*backups/s);
        expect(refusal.message).not.toMatch(/không bị ảnh hưởng/);
      }
      // What still reads is shown: the catalog is on pages the garbage did not hit.
      expect((await api.call('catalog.list', {})).length).toBe(38);
      expect((await api.call('app.info', {})).databaseState).toMatchObject({
        integrity: 'damaged',
        writeRefusalVi: expect.stringMatching(/bị hỏng/),
      });
      expect(untouched(file, before)).toBe(true);
      backend.close();
      expect(untouched(file, before)).toBe(true);
    },
  );

  it(
    'damaged while ChiTieu is open is found by the check at the first idle moment, and writes stop',
    { timeout: 120_000 },
    async () => {
      const dataDir = makeDataDir();
      const file = await databaseOfManyPages(dataDir);
      const { backend, api } = startBackend(dataDir);
      await api.call('values.set', { period: '2024-01', entries: [{ code: 'SPCN_NUOC', value: 5 }] });
      backend.database.checkpoint();
      writeGarbageInTheMiddle(file);
      const before = fingerprint(file);
      expect(backend.database.integrity().state).toBe('pending');

      await settle();

      expect(backend.database.integrity().state).toBe('damaged');
      const refusal = await refusalOf(
        api.call('values.set', { period: '2024-02', entries: [{ code: 'SPCN_NUOC', value: 6 }] }),
      );
      expect(refusal.code).toBe('database_damaged');
      backend.close();
      expect(fingerprint(file).database).toBe(before.database);
    },
  );

  it('sound is checked whole in the background once, and keeps taking writes', { timeout: 60_000 }, async () => {
    const { backend, api } = startBackend(makeDataDir());
    await api.call('values.set', { period: '2024-01', entries: [{ code: 'SPCN_NUOC', value: 5 }] });
    await settle();
    expect(backend.database.integrity()).toMatchObject({ state: 'ok', at: expect.any(String) });
    expect((await api.call('app.info', {})).databaseState).toMatchObject({
      integrity: 'ok',
      integrityCheckedAt: expect.any(String),
      writeRefusalVi: null,
    });
    expect(
      (await api.call('values.set', { period: '2024-02', entries: [{ code: 'SPCN_NUOC', value: 6 }] })).changed,
    ).toBe(1);
  });
});

/** Root ignores chmod, so a read-only folder and a full disk are real tmpfs mounts, where the machine allows them. */
const mountAllowed = (() => {
  if (process.platform !== 'linux') return false;
  const probe = mkdtempSync(join(tmpdir(), 'chitieu-mount-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  if (!mounted)
    console.log('mount is not permitted on this machine: the read-only folder and full disk tests are skipped');
  return mounted;
})();

function tmpfs(options: string): string {
  const dir = join(makeDataDir(), 'o-dia');
  mkdirSync(dir);
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status).toBe(0);
  onTestFinished(() => {
    spawnSync('umount', ['-l', dir]);
  });
  return dir;
}

describe('a data folder that cannot take writes', () => {
  it.runIf(mountAllowed)(
    'read-only (a read-only mount: root ignores chmod) is called read-only, not damaged',
    async () => {
      const dir = tmpfs('size=8m');
      const first = startBackend(dir);
      await first.api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: '14.659,9' }] });
      first.backend.close();
      expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
      const before = fingerprint(join(dir, 'chitieu.db'));

      const refusal = refusalOfSync(() => openDatabase({ dataDir: dir }));

      expect(refusal.code).toBe('database_readonly');
      expect(refusal.message).toMatch(/chỉ cho phép đọc.*không bị hỏng/);
      expect(refusal.message).not.toMatch(/đã hỏng|bị hỏng \(/);
      expect(fingerprint(join(dir, 'chitieu.db'))).toEqual(before);
    },
  );

  it.runIf(mountAllowed)(
    'on a full disk says the disk is full, and keeps what was saved before',
    { timeout: 60_000 },
    async () => {
      const dir = tmpfs('size=2m');
      const { api } = startBackend(dir);
      await api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: '14.659,9' }] });
      let refusal = null;
      for (let n = 0; n < 1200 && refusal === null; n++) {
        const call = api.call('values.set', {
          period: `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
          entries: flows.map((code) => ({ code, value: n, comment: `${'Ghi chú dài để đầy ổ đĩa. '.repeat(70)}${n}` })),
        });
        refusal = await call.then(
          () => null,
          (error: unknown) => error,
        );
      }
      expect(refusal).toMatchObject({
        code: 'disk_full',
        message: expect.stringMatching(/Ổ đĩa .* đã đầy.*những gì đã lưu trước đó vẫn nguyên vẹn/),
      });
      const grid = await api.call('values.grid', { period: '2023-H1' });
      expect(grid.rows.find((r) => r.code === 'BLHH')?.value).toBe(14659.9);
    },
  );

  it(
    'locked by another program says so, and names the other ChiTieu that has it open',
    { timeout: 60_000 },
    async () => {
      const dataDir = makeDataDir();
      const { api } = startBackend(dataDir);
      const server = await startServer(dataDir);
      onTestFinished(() => server.stop());
      const locker = new Database(join(dataDir, 'chitieu.db'));
      onTestFinished(() => {
        locker.close();
      });
      locker.exec('BEGIN EXCLUSIVE');

      const refusal = await refusalOf(
        api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: 1 }] }),
      );

      expect(refusal.code).toBe('database_busy');
      expect(refusal.message).toMatch(/đang bị một chương trình khác khóa.*chờ 5 giây.*chưa được lưu/);
      expect(refusal.message).toContain(`lệnh "chitieu serve" (tiến trình ${server.child.pid}`);
      locker.exec('ROLLBACK');
      expect((await api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: 1 }] })).changed).toBe(
        1,
      );
    },
  );
});
