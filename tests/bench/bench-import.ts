import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchCatalogRows, createLargeCatalog, writeMonthlyWorkbook } from './setup-data';
import { median, report } from './report';

const sheets = 20;
const firstYear = 2006;
const reportPeriod = `${firstYear + sheets - 1}-12`;
/** Paired runs of the 120.000-figure workbook (each run: exceljs, openpyxl when present, then our import). */
const pairedRuns = 5;
const largeRuns = 3;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** What a child process cost: wall time from spawn to exit, its peak resident set and its processor time. */
interface ChildRun {
  wallMs: number;
  peakMb: number;
  cpuMs: number;
  stdout: string;
}

/**
 * Loaded with --require into every node child: its own resource usage, written as it exits (resourceUsage is the
 * kernel's getrusage, so the peak is the true high-water mark, not a sample).
 */
const usageHook = `const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
});
`;

/** Runs a command to its end; a child that fails fails the bench with what it printed. */
function runChild(command: string, args: string[], usageFile: string | null): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: process.cwd(),
      env: { ...process.env, CHITIEU_DATA_DIR: '', ...(usageFile ? { BENCH_USAGE_FILE: usageFile } : {}) },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const stdout = Buffer.concat(out).toString('utf8');
      if (code !== 0) {
        fail(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString('utf8')}${stdout.slice(-2000)}`,
          ),
        );
        return;
      }
      if (!usageFile) {
        done({ wallMs, peakMb: Number.NaN, cpuMs: Number.NaN, stdout });
        return;
      }
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuUs: number };
      done({ wallMs, peakMb: usage.maxRssKb / 1024, cpuMs: usage.cpuUs / 1000, stdout });
    });
  });
}

/** "min / median / max" of a series, in the clerk's notation. */
function spread(values: readonly number[]): string {
  const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  return `${f.format(Math.min(...values))} / ${f.format(median([...values]))} / ${f.format(Math.max(...values))}`;
}

function reportSpread(label: string, values: readonly number[], unit: string): void {
  process.stdout.write(`${label} (min / median / max of ${values.length}): ${spread(values)} ${unit}\n`);
}

/** Whether python3 with openpyxl is on this machine: the bench then measures its read-only iteration beside ours. */
function hasOpenpyxl(): boolean {
  return spawnSync('python3', ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
}

const openpyxlScript = `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None:
                n += 1
print(n)
`;

interface Workspace {
  root: string;
  /** A data directory holding the bench catalog and no figure: copied afresh for every import. */
  template: string;
  hook: string;
  python: string;
}

/** A fresh data directory with the catalog alone, so that every import writes all its figures. */
function freshDataDir(ws: Workspace, run: string): string {
  const dir = join(ws.root, `data-${run}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(ws.template, dir, { recursive: true });
  return dir;
}

const cliBin = resolve('electron/cli/bin.mjs');
const exceljsScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).then(() => {})";

async function cliImport(ws: Workspace, file: string, run: string, details: boolean): Promise<ChildRun> {
  const dataDir = freshDataDir(ws, run);
  const usage = join(ws.root, `usage-${run}.json`);
  const args = [
    '--require',
    ws.hook,
    cliBin,
    'import',
    file,
    '--period',
    reportPeriod,
    '--data',
    dataDir,
    ...(details ? ['--details'] : []),
  ];
  const result = await runChild(process.execPath, args, usage);
  if (!/Đã nhập \d/.test(result.stdout))
    throw new Error(`the bench import wrote nothing: ${result.stdout.slice(-1000)}`);
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}

function exceljsLoad(ws: Workspace, file: string, run: string): Promise<ChildRun> {
  return runChild(
    process.execPath,
    ['--require', ws.hook, '-e', exceljsScript, file],
    join(ws.root, `usage-exceljs-${run}.json`),
  );
}

function openpyxlLoad(ws: Workspace, file: string): Promise<ChildRun> {
  return runChild('python3', [ws.python, file], null);
}

/** The phases of one import inside this process, through the API, for where the time goes. */
async function phases(api: ApiClient, file: string, figures: number): Promise<void> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { sessionId } = await api.call('import.readPaths', { files: [{ path: file }] });
  for (;;) {
    const progress = await api.call('import.progress', { sessionId });
    if (progress.done) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const read = performance.now();
  const cpuRead = cpuMs(cpu);
  const preview = await api.call('import.preview', { sessionId, period: reportPeriod });
  const previewed = performance.now();
  const cpuPreview = cpuMs(cpu) - cpuRead;
  if (preview.counts.valuesNew + preview.counts.valuesSame !== figures) {
    throw new Error(`bench workbook not fully recognized: ${JSON.stringify(preview.counts)}`);
  }
  const result = await api.call('import.commit', { sessionId, period: reportPeriod });
  const end = performance.now();
  const cpuCommit = cpuMs(cpu) - cpuRead - cpuPreview;
  report(`import (in process), ${result.changed.toLocaleString('vi-VN')} new figures: reading`, read - start, 'ms');
  report('import (in process): preview', previewed - read, 'ms');
  report('import (in process): commit (the preview reused, then every write)', end - previewed, 'ms');
  report('import (in process): processor time of reading', cpuRead, 'ms');
  report('import (in process): processor time of preview', cpuPreview, 'ms');
  report('import (in process): processor time of commit', cpuCommit, 'ms');
}

/**
 * Issue 16: the whole import through the command line (a process of its own: start, read, preview, commit, exit)
 * of 120.000 figures beside exceljs's bare load of the same file in a process of its own (and openpyxl's
 * read-only iteration when python3 has it), in paired runs so that a busy machine weighs on both sides alike;
 * then the peak memory of importing 480.000 figures against 120.000.
 */
export async function benchImport(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'chitieu-bench-import-'));
  try {
    const ws: Workspace = {
      root,
      template: join(root, 'template'),
      hook: join(root, 'usage-hook.cjs'),
      python: join(root, 'openpyxl-read.py'),
    };
    writeFileSync(ws.hook, usageHook);
    writeFileSync(ws.python, openpyxlScript);
    const backend = createBackend({ dataDir: ws.template });
    const api = createApiClient((op, input) => backend.call(op, input));
    await createLargeCatalog(api);
    const file = join(root, 'bench-120k.xlsx');
    const large = join(root, 'bench-480k.xlsx');
    await writeMonthlyWorkbook(file, await benchCatalogRows(api, 500), { sheets, firstYear, inMillions: true });
    await writeMonthlyWorkbook(large, await benchCatalogRows(api, 2000), { sheets, firstYear, inMillions: true });
    backend.close();
    report(
      `import: workbook of ${sheets} sheets × 500 rows × 12 months (120.000 figures)`,
      statSync(file).size / 1024 / 1024,
      'MB',
    );
    report(
      `import: workbook of ${sheets} sheets × 2.000 rows × 12 months (480.000 figures)`,
      statSync(large).size / 1024 / 1024,
      'MB',
    );

    const python = hasOpenpyxl();
    process.stdout.write(
      python
        ? 'import: python3 with openpyxl found: measured beside\n'
        : 'import: python3 with openpyxl not on this machine: not measured\n',
    );

    const ours: ChildRun[] = [];
    const exceljs: ChildRun[] = [];
    const openpyxl: ChildRun[] = [];
    const ratios: number[] = [];
    const pyRatios: number[] = [];
    for (let i = 0; i < pairedRuns; i++) {
      const bare = await exceljsLoad(ws, file, String(i));
      const py = python ? await openpyxlLoad(ws, file) : null;
      const run = await cliImport(ws, file, `120k-${i}`, false);
      exceljs.push(bare);
      ours.push(run);
      ratios.push(run.wallMs / bare.wallMs);
      if (py) {
        openpyxl.push(py);
        pyRatios.push(run.wallMs / py.wallMs);
      }
    }
    reportSpread(
      'import: exceljs bare load of the 120.000-figure file, a process of its own',
      exceljs.map((r) => r.wallMs),
      'ms',
    );
    if (python)
      reportSpread(
        'import: openpyxl read-only iteration of it, a process of its own',
        openpyxl.map((r) => r.wallMs),
        'ms',
      );
    reportSpread(
      'import: chitieu import of it (start, read, preview, commit, exit)',
      ours.map((r) => r.wallMs),
      'ms',
    );
    reportSpread('import: chitieu import ÷ exceljs bare load, paired (target ≤ 1,5)', ratios, '×');
    if (python) reportSpread('import: chitieu import ÷ openpyxl read-only, paired (aim ≤ 1)', pyRatios, '×');
    reportSpread(
      'import: processor time, exceljs bare load',
      exceljs.map((r) => r.cpuMs),
      'ms',
    );
    reportSpread(
      'import: processor time, chitieu import',
      ours.map((r) => r.cpuMs),
      'ms',
    );
    reportSpread(
      'import: peak resident memory, exceljs bare load of 120.000 figures',
      exceljs.map((r) => r.peakMb),
      'MiB',
    );
    reportSpread(
      'import: peak resident memory, chitieu import of 120.000 figures',
      ours.map((r) => r.peakMb),
      'MiB',
    );

    const largeImports: ChildRun[] = [];
    for (let i = 0; i < largeRuns; i++) largeImports.push(await cliImport(ws, large, `480k-${i}`, false));
    const largeBare = await exceljsLoad(ws, large, 'large');
    reportSpread(
      'import: chitieu import of 480.000 figures',
      largeImports.map((r) => r.wallMs),
      'ms',
    );
    reportSpread(
      'import: peak resident memory, chitieu import of 480.000 figures (target ≤ 200)',
      largeImports.map((r) => r.peakMb),
      'MiB',
    );
    report('import: peak resident memory, exceljs bare load of 480.000 figures', largeBare.peakMb, 'MiB');
    report(
      'import: peak memory of 480.000 figures ÷ that of 120.000 (medians; target ≤ 1,2)',
      median(largeImports.map((r) => r.peakMb)) / median(ours.map((r) => r.peakMb)),
      '×',
    );

    const detailed = await cliImport(ws, file, 'details', true);
    report('import: chitieu import --details of 120.000 figures (every row and figure printed)', detailed.wallMs, 'ms');
    report('import: lines printed without --details', ours[0]?.stdout.split('\n').length ?? 0, 'lines');
    report('import: lines printed with --details', detailed.stdout.split('\n').length, 'lines');

    const phaseBackend = createBackend({ dataDir: freshDataDir(ws, 'phases') });
    try {
      await phases(
        createApiClient((op, input) => phaseBackend.call(op, input)),
        file,
        sheets * 500 * 12,
      );
    } finally {
      phaseBackend.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
