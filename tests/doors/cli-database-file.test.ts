import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { fingerprint } from '../support/sqlite-files';

describe('the command line on a data folder whose chitieu.db is not sound', () => {
  it('refuses a chitieu.db of random bytes with what it found, exit code 1, and makes nothing over it', () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'chitieu.db');
    writeFileSync(file, randomBytes(32 * 1024));
    const before = fingerprint(file);

    const result = chitieu(dataDir, 'values', 'set', '--period', '2023-H1', 'BLHH=14.659,9');

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/không phải cơ sở dữ liệu SQLite.*không tạo cơ sở dữ liệu mới đè lên tệp này/s);
    expect(fingerprint(file)).toEqual(before);
    expect(readdirSync(dataDir)).toEqual(['chitieu.db']);
  });

  it(
    'reads what still reads from a damaged chitieu.db, and refuses to write into it',
    { timeout: 60_000 },
    async () => {
      const dataDir = makeDataDir();
      const { backend, api } = startBackend(dataDir);
      for (let year = 2000; year < 2024; year++) {
        for (let month = 1; month <= 12; month++) {
          const entries = ['GTSXCN', 'SPCN_DIEN_SX', 'SPCN_NUOC', 'SPCN_XIMANG', 'BLHH'].map((code, i) => ({
            code,
            value: year * 10 + i,
            comment: `Ghi chú ${year}-${month} ${code} `.repeat(6),
          }));
          await api.call('values.set', { period: `${year}-${String(month).padStart(2, '0')}`, entries });
        }
      }
      backend.close();
      const file = join(dataDir, 'chitieu.db');
      const at = Math.floor(statSync(file).size / 2 / 4096) * 4096;
      const fd = openSync(file, 'r+');
      writeSync(fd, randomBytes(8192), 0, 8192, at);
      closeSync(fd);
      const before = fingerprint(file).database;

      expect(JSON.parse(chitieuOk(dataDir, 'catalog', '--json')).length).toBe(38);
      const refused = chitieu(dataDir, 'values', 'set', '--period', '2024-01', 'BLHH=1');

      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/bị hỏng.*ngừng ghi.*khôi phục bản sao lưu gần nhất trong .*backups/s);
      expect(fingerprint(file).database).toBe(before);
    },
  );
});
