import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

interface CatalogEntry {
  code: string;
  parent: string | null;
  stt: string;
  name_vi: string;
  unit: string;
  kind: string;
  decimals: number;
}

describe('the chitieu command line', () => {
  it('creates the database at the latest schema on an empty data directory and reports it as JSON', () => {
    const dir = join(makeDataDir(), 'moi');
    const result = runCli(['info', '--json', '--data', dir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const info = JSON.parse(result.stdout) as {
      dataDir: string;
      databaseFile: string;
      schemaVersion: string;
      migrationsApplied: number;
    };
    expect(info.dataDir).toBe(dir);
    expect(info.databaseFile).toBe(join(dir, 'chitieu.db'));
    expect(existsSync(join(dir, 'chitieu.db'))).toBe(true);
    expect(info.schemaVersion).toMatch(/^\d{4}_/);
    expect(info.migrationsApplied).toBeGreaterThanOrEqual(2);
  });

  it('lists the 38 default indicators with codes, parents, names and units', () => {
    const result = runCli(['catalog', '--json', '--data', makeDataDir()]);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as CatalogEntry[];
    expect(rows).toHaveLength(38);
    expect(rows[0]).toEqual({
      code: 'IIP',
      parent: null,
      stt: 'I',
      name_vi: 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ',
      unit: '%',
      kind: 'index',
      decimals: 2,
    });
    expect(rows.find((r) => r.code === 'XK')).toMatchObject({ parent: 'XNK', unit: 'triệu USD', kind: 'flow' });
    expect(rows.find((r) => r.code === 'BLHH_DL')).toMatchObject({
      parent: 'BLHH',
      name_vi: 'Doanh thu du lịch lữ hành',
      unit: 'tỷ đồng',
    });
  });

  it('prints the catalog as an indented tree for people', () => {
    const result = runCli(['catalog', '--data', makeDataDir()]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^XK\s+ {2}1\. Kim ngạch xuất khẩu \(triệu USD\)$/m);
  });

  it('takes the data directory from CHITIEU_DATA_DIR when --data is not given', () => {
    const dir = makeDataDir();
    const result = runCli(['info', '--json'], { CHITIEU_DATA_DIR: dir });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { dataDir: string }).dataDir).toBe(dir);
  });

  it('explains itself in Vietnamese with --help', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Cách dùng: chitieu <lệnh>');
    expect(result.stdout).toContain('serve [--port N] [--host H]');
  });

  it('refuses an unknown command or option with exit code 2 and a Vietnamese message', () => {
    const unknownCommand = runCli(['xoa-het', '--data', makeDataDir()]);
    expect(unknownCommand.status).toBe(2);
    expect(unknownCommand.stderr).toContain('Không có lệnh "xoa-het"');
    const unknownOption = runCli(['info', '--khong-co']);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain('Lỗi:');
  });

  it('refuses to serve beyond this machine while no access password is set', () => {
    const result = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--data', makeDataDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('chưa đặt mật khẩu truy cập');
  });

  it('refuses to run the office server while no access password is set', () => {
    const result = runCli(['serve', '--office', '--host', '127.0.0.1', '--port', '0', '--data', makeDataDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Không thể chạy máy chủ văn phòng (--office) khi chưa đặt mật khẩu truy cập');
  });

  it('fails with exit code 1 and says why when the data file is not a database', async () => {
    const dir = makeDataDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'chitieu.db'), 'đây không phải cơ sở dữ liệu '.repeat(200));
    const result = runCli(['info', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Không mở được tệp dữ liệu');
  });
});
