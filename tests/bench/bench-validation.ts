import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchFigure, createLargeCatalog } from './setup-data';
import { median, report } from './report';

function spread(values: readonly number[]): string {
  const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  return `${f.format(Math.min(...values))} / ${f.format(median([...values]))} / ${f.format(Math.max(...values))}`;
}

function line(label: string, values: readonly number[]): void {
  process.stdout.write(`${label} (min / median / max of ${values.length}): ${spread(values)} ms\n`);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Issue 16: what a clerk waits for right after starting ChiTieu, nothing read yet: the grid's figures and a
 * validation from a backend just opened on the file, and `chitieu validate` as a process of its own.
 */
async function coldPaths(dataDir: string): Promise<void> {
  const grids: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const backend = createBackend({ dataDir });
    const api = createApiClient((op, input) => backend.call(op, input));
    try {
      grids.push(await timed(() => api.call('values.grid', { period: '2024-06', withFindings: false })));
      checks.push(await timed(() => api.call('validation.run', { period: '2024-06' })));
    } finally {
      backend.close();
    }
  }
  line("validation: cold, values.grid of 3.000 rows from a backend just opened (the grid's first opening)", grids);
  line('validation: cold, then the validation of that unit and period (target < 100 ms)', checks);
  const cli = resolve('electron/cli/bin.mjs');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, 'validate', '--period', '2024-06', '--json', '--data', dataDir], {
      encoding: 'utf8',
      env: { ...process.env, CHITIEU_DATA_DIR: '' },
    });
    runs.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`chitieu validate failed: ${result.stderr}`);
  }
  line('validation: chitieu validate from a cold start, a process of its own (target < 1 s)', runs);
}

/** Issue 4: one unit and period of 3,000 indicators with ten years of monthly history; target under 100 ms. */
export async function benchValidation(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-bench-'));
  try {
    const backend = createBackend({ dataDir });
    const api = createApiClient((op, input) => backend.call(op, input));
    const setupStart = performance.now();
    const codes = await createLargeCatalog(api);
    report('validation: catalog of 3.000 indicators created', performance.now() - setupStart, 'ms');
    for (let year = 2015; year <= 2024; year++) {
      for (let month = 1; month <= 12; month++) {
        await api.call('values.set', {
          period: `${year}-${String(month).padStart(2, '0')}`,
          source: 'cli',
          entries: codes.map((code, i) => ({ code, value: benchFigure(i, year, month), status: 'actual' as const })),
        });
      }
    }
    report('validation: set-up of 3.000 indicators × 120 months', performance.now() - setupStart, 'ms');

    const first = performance.now();
    await api.call('validation.run', { period: '2024-06' });
    report('validation: first run, history read from the database', performance.now() - first, 'ms');

    // A check is asked for after every saved cell: each run below follows a save, so no earlier report serves it.
    const runs: number[] = [];
    const cpu: number[] = [];
    let findings = 0;
    for (let i = 0; i < 7; i++) {
      await api.call('values.set', { period: '2024-06', entries: [{ code: codes[5 + i] ?? '', value: 500 + i }] });
      const start = performance.now();
      const startCpu = process.cpuUsage();
      findings = (await api.call('validation.run', { period: '2024-06' })).findings.length;
      runs.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu.push((used.user + used.system) / 1000);
    }
    report(
      `validation: one unit and period, 3.000 indicators, 10 years of months, after a saved figure (${findings} findings; median of 7; target < 100 ms)`,
      median(runs),
      'ms',
    );
    // On a machine busy with other work the wall time above grows; the processor time the check took does less.
    report('validation: the same runs, processor time of this process (median of 7)', median(cpu), 'ms');

    const unseen: number[] = [];
    for (let month = 1; month <= 5; month++) {
      const start = performance.now();
      await api.call('validation.run', { period: `2024-0${month}` });
      unseen.push(performance.now() - start);
    }
    report('validation: a period not checked before in this session (median of 5 months)', median(unseen), 'ms');

    const grids: number[] = [];
    const saves: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < 6; i++) {
      let start = performance.now();
      await api.call('values.set', { period: '2024-06', entries: [{ code: codes[5] ?? '', value: 600 + i }] });
      saves.push(performance.now() - start);
      start = performance.now();
      await api.call('values.rows', { period: '2024-06', codes: [codes[5] ?? ''] });
      rows.push(performance.now() - start);
      start = performance.now();
      await api.call('values.grid', { period: '2024-06', withFindings: false });
      grids.push(performance.now() - start);
    }
    report('backend: values.set of one figure (median of 6)', median(saves), 'ms');
    report('backend: values.rows, the saved row and its total re-read after a save (median of 6)', median(rows), 'ms');
    report(
      'backend: values.grid of 3.000 rows as the grid screen reads it, findings apart (median of 6)',
      median(grids),
      'ms',
    );
    backend.close();
    await coldPaths(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
