import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { callApi, startServer } from '../support/serve';

describe('a server killed in the middle of writes', () => {
  it('leaves a database that passes integrity_check and keeps every acknowledged write', async () => {
    const dataDir = makeDataDir();
    const server = await startServer(dataDir);
    const acknowledged: string[] = [];
    let stopped = false;

    const writer = async (lane: number) => {
      for (let i = 0; !stopped && i < 5000; i++) {
        const code = `CRASH_${lane}_${i}`;
        try {
          const { status } = await callApi(server, 'catalog.create', { code, nameVi: `Chỉ tiêu thử ${lane}-${i}`, kind: 'flow', unit: 'tấn' });
          if (status === 200) acknowledged.push(code);
          await callApi(server, 'settings.set', { preparerName: `Người lập ${lane}-${i}` });
        } catch {
          return;
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    await server.kill();
    stopped = true;
    await Promise.all(lanes);

    const raw = new Database(join(dataDir, 'chitieu.db'));
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();

    const listed = runCli(['catalog', '--json', '--data', dataDir]);
    expect(listed.status).toBe(0);
    const codes = new Set((JSON.parse(listed.stdout) as { code: string }[]).map((r) => r.code));
    const lost = acknowledged.filter((code) => !codes.has(code));
    expect(lost).toEqual([]);
  });
});
