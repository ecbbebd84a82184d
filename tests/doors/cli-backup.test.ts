import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { createApiClient } from '../../shared/api/client';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, fingerprint, withRawDatabase } from '../support/sqlite-files';

/** A data folder a clerk has worked in: office, figures, plans, a rule, an undone change, all through the backend. */
async function workedDataDir(): Promise<string> {
  const dataDir = makeDataDir();
  const backend = createBackend({ dataDir });
  try {
    const api = createApiClient((operation, input) => backend.call(operation, input));
    await api.call('settings.set', {
      departmentName: 'SỞ CÔNG THƯƠNG',
      placeName: 'Tây Ninh',
      headName: 'Nguyễn Văn A',
    });
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: '2.260' },
        { code: 'BLHH', value: '14.659,9' },
      ],
    });
    const typo = await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: '3.000' }] });
    await api.call('changes.revert', { batchId: typo.batchId! });
    await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: '3.798,3' },
        { code: 'XNK', level: 'phan_dau', value: 4000 },
      ],
    });
    await api.call('validation.rules.save', {
      name: 'Tổng XNK bằng XK cộng NK',
      left: 'XK + NK',
      operator: 'eq',
      right: 'XNK',
      missing: 'skip_if_any_missing',
      severity: 'error',
      message: '',
      enabled: true,
    });
  } finally {
    backend.close();
  }
  return dataDir;
}

const databaseOf = (dataDir: string): string => join(dataDir, 'chitieu.db');

const tablesOf = (dataDir: string) => withRawDatabase(databaseOf(dataDir), (sqlite) => dumpTables(sqlite));

describe('chitieu backup and chitieu restore', () => {
  it('carry every table (figures, plans, rules, change log, settings) into a fresh data folder', async () => {
    const worked = await workedDataDir();
    const file = join(makeDataDir(), 'ban-sao-tay-ninh.db');
    const said = chitieuOk(worked, 'backup', '--out', file);
    expect(said).toContain(`Đã sao lưu (thủ công, đã kiểm tra toàn vẹn): ${file}`);

    const fresh = makeDataDir();
    const restored = chitieuOk(fresh, 'restore', file);
    expect(restored).toContain('Đơn vị: SỞ CÔNG THƯƠNG Tây Ninh');
    expect(restored).toMatch(/số liệu: 2; kế hoạch: 2; dòng nhật ký thay đổi: 6/);
    expect(restored).toContain(`Đã khôi phục dữ liệu từ ${file}.`);
    const undo = /chitieu restore "(.+)"/.exec(restored)?.[1];
    expect(undo).toMatch(/-truoc-khoi-phuc\.db$/);
    expect(existsSync(undo!)).toBe(true);

    const before = tablesOf(worked);
    const after = tablesOf(fresh);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.indicator_values).toHaveLength(2);
    expect(before.validation_rules).toHaveLength(1);

    // The restore is undone by restoring the backup it took: the fresh folder's own, untouched catalog comes back.
    chitieuOk(fresh, 'restore', undo!);
    expect(tablesOf(fresh).indicator_values).toEqual([]);
    expect(tablesOf(fresh).settings).toEqual([]);
  });

  it('without --out writes into DATA/backups under the office and time, and --dry-run only says what a file holds', async () => {
    const worked = await workedDataDir();
    chitieuOk(worked, 'backup');
    const [name] = readdirSync(join(worked, 'backups'));
    expect(name).toMatch(/^ChiTieu-So-Cong-Thuong-Tay-Ninh-\d{4}-\d{2}-\d{2}-\d{4}\.db$/);

    const fresh = makeDataDir();
    chitieuOk(fresh, 'info');
    const untouched = fingerprint(databaseOf(fresh));
    const preview = chitieuOk(fresh, 'restore', join(worked, 'backups', name!), '--dry-run');
    expect(preview).toContain('Chỉ tiêu: ');
    expect(preview).not.toContain('Đã khôi phục');
    expect(fingerprint(databaseOf(fresh))).toEqual(untouched);
  });
});

describe('chitieu restore refuses, with the current database untouched,', () => {
  async function refused(makeFile: (dir: string) => string): Promise<{ stderr: string; status: number | null }> {
    const current = await workedDataDir();
    const file = makeFile(makeDataDir());
    const before = fingerprint(databaseOf(current));
    const filesBefore = readdirSync(current).sort();
    const result = chitieu(current, 'restore', file);
    expect(fingerprint(databaseOf(current))).toEqual(before);
    expect(readdirSync(current).sort()).toEqual(filesBefore);
    expect(result.stdout).not.toContain('Đã khôi phục');
    return { stderr: result.stderr, status: result.status };
  }

  it('a file of random bytes', async () => {
    const result = await refused((dir) => {
      const file = join(dir, 'ChiTieu-ngau-nhien.db');
      writeFileSync(file, randomBytes(64 * 1024));
      return file;
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('không phải bản sao lưu ChiTieu (không phải tệp cơ sở dữ liệu)');
    expect(result.stderr).toContain('Dữ liệu hiện tại không bị thay đổi.');
  });

  it('an SQLite database of another program', async () => {
    const result = await refused((dir) => {
      const file = join(dir, 'danh-ba.db');
      const other = new Database(file);
      other.exec(`CREATE TABLE contacts (name text, phone text); INSERT INTO contacts VALUES ('An', '0901')`);
      other.close();
      return file;
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('đây là một cơ sở dữ liệu SQLite khác');
  });

  it('a backup written by a newer ChiTieu', async () => {
    const source = await workedDataDir();
    const result = await refused((dir) => {
      const file = join(dir, 'tu-phien-ban-moi.db');
      chitieuOk(source, 'backup', '--out', file);
      withRawDatabase(file, (copy) =>
        copy
          .prepare(`INSERT INTO chitieu_migrations (tag, sha256, applied_at) VALUES (?, ?, ?)`)
          .run('9999_from_a_newer_version', 'f'.repeat(64), new Date().toISOString()),
      );
      return file;
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('được tạo bởi một phiên bản ChiTieu mới hơn');
  });

  it('a truncated copy of a backup', async () => {
    const source = await workedDataDir();
    const result = await refused((dir) => {
      const whole = join(dir, 'nguyen-ven.db');
      chitieuOk(source, 'backup', '--out', whole);
      const cut = join(dir, 'bi-cat.db');
      copyFileSync(whole, cut);
      truncateSync(cut, Math.floor(statSync(whole).size / 2));
      return cut;
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('không phải bản sao lưu ChiTieu');
  });
});
