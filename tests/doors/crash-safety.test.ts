import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDefaultCatalog } from '../support/catalog-csv';
import { runCli } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { apiClientOf, callApi, startServer } from '../support/serve';
import { writeWorkbook } from '../support/workbooks';

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
          const { status } = await callApi(server, 'catalog.create', {
            code,
            nameVi: `Chỉ tiêu thử ${lane}-${i}`,
            kind: 'flow',
            unit: 'tấn',
          });
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

const monthly = ['GTSXCN', 'SPCN_DIEN_SX', 'SPCN_DIEN_TP', 'SPCN_NUOC', 'SPCN_XIMANG'];
const rounds = 20;

/** A table of one year: every flow of the default catalog, one column per month, so each import is new. */
function yearWorkbook(dir: string, year: number): Promise<string> {
  const catalogFlows = readDefaultCatalog().filter((i) => i.kind === 'flow');
  const names = catalogFlows.map((i) => i.nameVi);
  const units = catalogFlows.map((i) => i.unit);
  return writeWorkbook(join(dir, `nam-${year}.xlsx`), [
    {
      name: `Năm ${year}`,
      rows: [
        [`SỐ LIỆU CÁC THÁNG NĂM ${year}`],
        [
          'STT',
          'Chỉ tiêu',
          'ĐVT',
          ...Array.from({ length: 12 }, (_, m) => `Tháng ${String(m + 1).padStart(2, '0')}/${year}`),
        ],
        ...names.map((name, i) => [
          i + 1,
          name,
          units[i] ?? '',
          ...Array.from({ length: 12 }, (_, m) => 100 * (i + 1) + m + (year % 100)),
        ]),
      ],
    },
  ]);
}

interface Ack {
  code: string;
  period: string;
  value: number;
}

describe('the backend killed at random moments during imports and quick saves', () => {
  it(
    `keeps, ${rounds} times over, a sound file, each import whole or absent, and every acknowledged save`,
    { timeout: 120_000 },
    async () => {
      const dataDir = makeDataDir();
      const years = Array.from({ length: rounds }, (_, r) => 2001 + r);
      const files = await Promise.all(years.map((year) => yearWorkbook(dataDir, year)));
      const acknowledged = new Map<string, Ack>();
      // The last value sent for each cell: the one in flight when the backend died may have landed unanswered.
      const sent = new Map<string, number>();
      const importsAcknowledged = new Set<string>();
      const outcomes = { importWhole: 0, importAbsent: 0, figuresPerImport: 0 };
      // The moments are drawn over the time an import takes here, learnt from the last one that finished.
      let window = 1500;

      for (let round = 0; round < rounds; round++) {
        const server = await startServer(dataDir);
        const api = apiClientOf(server);
        let stopped = false;
        const saves = (async () => {
          for (let i = 0; !stopped; i++) {
            const ack = {
              code: monthly[i % monthly.length] ?? 'GTSXCN',
              period: `${2040 + round}-${String((Math.floor(i / monthly.length) % 12) + 1).padStart(2, '0')}`,
              value: round * 1000 + i,
            };
            sent.set(`${ack.code}@${ack.period}`, ack.value);
            try {
              await api.call('values.set', { period: ack.period, entries: [{ code: ack.code, value: ack.value }] });
              acknowledged.set(`${ack.code}@${ack.period}`, ack);
            } catch {
              return;
            }
          }
        })();
        const file = files[round] ?? '';
        const name = `nam-${years[round]}.xlsx`;
        const started = Date.now();
        const importing = (async () => {
          try {
            // The browser door takes a workbook's bytes, as the clerk's upload sends them.
            const { sessionId } = await api.call('import.read', {
              files: [{ name, contentBase64: readFileSync(file).toString('base64') }],
            });
            while (!(await api.call('import.progress', { sessionId })).done)
              await new Promise((resolve) => setTimeout(resolve, 10));
            const result = await api.call('import.commit', { sessionId });
            if (result.changed > 0) importsAcknowledged.add(name);
            window = Math.max(100, 1.3 * (Date.now() - started));
          } catch {
            // Killed before the answer came: the check below says whether it landed whole.
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, Math.random() * window));
        await server.kill();
        stopped = true;
        await Promise.all([saves, importing]);

        const raw = new Database(join(dataDir, 'chitieu.db'));
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(raw.pragma('foreign_key_check')).toEqual([]);
          const record = raw
            .prepare(
              `SELECT i.batch_id AS batchId, i.values_changed AS changed FROM imports i JOIN import_files f ON f.import_id = i.id WHERE f.file_name = ?`,
            )
            .get(name) as { batchId: string; changed: number } | undefined;
          const stored = raw
            .prepare(`SELECT count(*) FROM indicator_values_full WHERE source_file = ?`)
            .pluck()
            .get(name) as number;
          if (record) {
            expect(stored).toBe(record.changed);
            expect(
              raw.prepare(`SELECT count(*) FROM change_log_full WHERE batch_id = ?`).pluck().get(record.batchId),
            ).toBe(record.changed);
            outcomes.importWhole++;
            outcomes.figuresPerImport = record.changed;
          } else {
            expect(stored).toBe(0);
            expect(importsAcknowledged.has(name)).toBe(false);
            outcomes.importAbsent++;
          }
          const value = raw
            .prepare(`SELECT value FROM indicator_values WHERE indicator_code = ? AND period = ? AND unit_id = 1`)
            .pluck();
          // Kept, or replaced by the save of the same cell that was sent after it (saves go one at a time).
          const lost = [...acknowledged.values()].filter((a) => {
            const stored = value.get(a.code, a.period);
            return stored !== a.value && stored !== sent.get(`${a.code}@${a.period}`);
          });
          expect(lost).toEqual([]);
        } finally {
          raw.close();
        }
      }
      console.log(
        `crash rounds: import of ${outcomes.figuresPerImport} figures whole ${outcomes.importWhole}, absent ${outcomes.importAbsent}; ${acknowledged.size} acknowledged saves kept`,
      );
      expect(outcomes.importWhole + outcomes.importAbsent).toBe(rounds);
    },
  );
});
