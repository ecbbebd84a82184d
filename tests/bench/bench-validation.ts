import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchFigure, createLargeCatalog } from './setup-data';
import { median, report } from './report';

/** Issue 4: one unit and period of 3,000 indicators with ten years of monthly history; target under 100 ms. */
export async function benchValidation(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-bench-'));
  try {
    const backend = createBackend({ dataDir });
    const api = createApiClient((op, input) => backend.call(op, input));
    const setupStart = performance.now();
    const codes = await createLargeCatalog(api);
    report('validation: catalog of 3.000 indicators created', performance.now() - setupStart, 'ms');
    for (let year = Number(process.env.BENCH_FROM_YEAR ?? 2015); year <= 2024; year++) {
      for (let month = 1; month <= 12; month++) {
        await api.call('values.set', {
          period: `${year}-${String(month).padStart(2, '0')}`,
          source: 'cli',
          entries: codes.map((code, i) => ({ code, value: benchFigure(i, year, month), status: 'actual' as const })),
        });
      }
    }
    report('validation: set-up of 3.000 indicators × 120 months', performance.now() - setupStart, 'ms');

    const runs: number[] = [];
    let findings = 0;
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      findings = (await api.call('validation.run', { period: '2024-06' })).findings.length;
      runs.push(performance.now() - start);
    }
    report('validation: first run, history read from the database', runs[0] ?? 0, 'ms');
    report(`validation: one unit and period, 3.000 indicators, 10 years of months (${findings} findings; median of 7 later runs; target < 100 ms)`, median(runs.slice(1)), 'ms');
    const grids: number[] = [];
    const saves: number[] = [];
    for (let i = 0; i < 6; i++) {
      let start = performance.now();
      await api.call('values.set', { period: '2024-06', entries: [{ code: codes[5] ?? '', value: 500 + i }] });
      saves.push(performance.now() - start);
      start = performance.now();
      await api.call('values.grid', { period: '2024-06' });
      grids.push(performance.now() - start);
    }
    report('backend: values.set of one figure (median of 6)', median(saves), 'ms');
    report('backend: values.grid of 3.000 rows with their findings (median of 6)', median(grids), 'ms');
    backend.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
