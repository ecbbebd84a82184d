import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { benchFigure } from './setup-data';
import { median, report } from './report';

const units = 34;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
const groups = 10;
const perGroup = 29;

function openApi(dataDir: string): { backend: Backend; api: ApiClient } {
  const backend = createBackend({ dataDir });
  return { backend, api: createApiClient((op, input) => backend.call(op, input)) };
}

/** 300 indicators: 10 groups (flows in tỷ đồng, the sum of their children) of 29 flows in tỷ đồng or tấn. */
async function createCatalog(api: ApiClient): Promise<string[]> {
  const leaves: string[] = [];
  for (let g = 0; g < groups; g++) {
    const parent = `BX_${g}`;
    await api.call('catalog.create', {
      code: parent,
      nameVi: `Nhóm xuất thử ${g + 1}`,
      kind: 'flow',
      unit: 'tỷ đồng',
      decimals: 1,
      stt: String(g + 1),
    });
    for (let i = 0; i < perGroup; i++) {
      const code = `BX_${g}_${i}`;
      await api.call('catalog.create', {
        code,
        parentCode: parent,
        nameVi: `Chỉ tiêu xuất thử số ${g * 100 + i + 1}`,
        kind: 'flow',
        unit: i % 3 === 0 ? 'tấn' : 'tỷ đồng',
        decimals: i % 3 === 0 ? 0 : 1,
        stt: `${g + 1}.${i + 1}`,
      });
      leaves.push(code);
    }
  }
  return leaves;
}

/**
 * Issue 6: the report of June 2024 for 34 communes and the province (a total sheet and 35 unit sheets of
 * 300 indicators, each with its plan, previous month, month, six months, same periods and comparisons),
 * validation of every unit included; target under 5 s.
 */
export async function benchExport(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-bench-export-'));
  try {
    const { backend, api } = openApi(dataDir);
    const setupStart = performance.now();
    const leaves = await createCatalog(api);
    const province = (await api.call('units.list', {}))[0]?.id ?? 1;
    const unitIds: number[] = [];
    for (let u = 0; u < units; u++) {
      const unit = await api.call('units.create', {
        code: `XA${String(u + 1).padStart(2, '0')}`,
        name: `Xã thử số ${u + 1}`,
        kind: 'commune',
        parentId: province,
      });
      unitIds.push(unit.id);
    }
    const months = [
      ...Array.from({ length: 12 }, (_, m) => `2023-${String(m + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`),
    ];
    for (const [u, unitId] of unitIds.entries()) {
      for (const period of months) {
        const [year, month] = period.split('-').map(Number) as [number, number];
        await api.call('values.set', {
          unitId,
          period,
          source: 'cli',
          entries: leaves.map((code, i) => ({
            code,
            value: benchFigure(i + u, year, month),
            status: period === '2024-06' ? ('estimate' as const) : ('actual' as const),
          })),
        });
      }
      await api.call('plans.set', {
        unitId,
        year: 2024,
        entries: leaves.map((code, i) => ({ code, level: 'giao' as const, value: benchFigure(i + u, 2024, 6) * 12 })),
      });
    }
    report(
      `export: set-up of ${units} units × ${leaves.length + groups} indicators × ${months.length} months`,
      performance.now() - setupStart,
      'ms',
    );

    backend.close();

    // As `chitieu export` runs it: a backend just opened, its caches empty, the file written through the contract.
    const cold: number[] = [];
    const coldCpu: number[] = [];
    let size = 0;
    let sheets = 0;
    for (let i = 0; i < 3; i++) {
      const file = join(dataDir, `bao-cao-${i}.xlsx`);
      const start = performance.now();
      const cpu = process.cpuUsage();
      const session = openApi(dataDir);
      const out = await session.api.call('export.reportToFile', { period: '2024-06', allUnits: true, saveTo: file });
      session.backend.close();
      cold.push(performance.now() - start);
      coldCpu.push(cpuMs(cpu));
      size = statSync(file).size;
      sheets = out.summary.sheets.length;
    }
    report(
      `export: report of June 2024, ${units} communes and the province × ${leaves.length + groups} indicators, ${sheets} sheets, as the command line runs it (backend opened, history read from the database; median of 3; target < 5.000 ms)`,
      median(cold),
      'ms',
    );
    // On a shared machine the wall time includes waiting for a processor: the CPU time is what the export costs.
    report('export: the same, processor time of this process (median of 3)', median(coldCpu), 'ms');

    // As the app runs it: the backend's caches already hold the history; the bytes come back as base64 for a download.
    const app = openApi(dataDir);
    await app.api.call('export.report', { period: '2024-06', allUnits: true });
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await app.api.call('export.report', { period: '2024-06', allUnits: true });
      warm.push(performance.now() - start);
      warmCpu.push(cpuMs(cpu));
    }
    report(
      'export: the same report in the running app, history in memory, bytes returned for a download (median of 3)',
      median(warm),
      'ms',
    );
    report('export: the same, processor time of this process (median of 3)', median(warmCpu), 'ms');
    report('export: size of the workbook', size / 1024 / 1024, 'MB');

    const side: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await app.api.call('export.report', { period: '2024-06', unitIds, layout: 'columns' });
      side.push(performance.now() - start);
    }
    report(`export: the ${units} units side by side as columns, in the running app (median of 3)`, median(side), 'ms');
    app.backend.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
