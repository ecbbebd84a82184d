import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchCatalogRows, benchFigure, createLargeCatalog, writeMonthlyWorkbook } from './setup-data';
import { median } from './report';

const sheets = 20;
const rowsPerSheet = 500;
const firstYear = 2006;
const figures = sheets * rowsPerSheet * 12;
const reportPeriod = `${firstYear + sheets - 1}-12`;
const pairedRuns = 5;

/** The database file of a closed data directory: closing checkpoints the -wal into it and removes it. */
function fileBytes(dataDir: string): number {
  const db = join(dataDir, 'chitieu.db');
  if (existsSync(`${db}-wal`)) throw new Error('the -wal is still there: the file alone is not the whole database');
  return statSync(db).size;
}

/** The import's commit alone (read and preview done before the clock starts), and what it added to the file. */
async function timedCommit(template: string, dataDir: string, file: string): Promise<{ ms: number; bytes: number }> {
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(template, dataDir, { recursive: true });
  const before = fileBytes(dataDir);
  const backend = createBackend({ dataDir });
  const api = createApiClient((op, input) => backend.call(op, input));
  let ms: number;
  try {
    const { sessionId } = await api.call('import.readPaths', { files: [{ path: file }] });
    while (!(await api.call('import.progress', { sessionId })).done) await new Promise((r) => setTimeout(r, 5));
    const preview = await api.call('import.preview', { sessionId, period: reportPeriod });
    if (preview.counts.valuesNew !== figures)
      throw new Error(`bench workbook not fully recognized: ${JSON.stringify(preview.counts)}`);
    const start = performance.now();
    const result = await api.call('import.commit', { sessionId, period: reportPeriod });
    ms = performance.now() - start;
    if (result.valuesChanged !== figures) throw new Error(`the bench import wrote ${result.valuesChanged} figures`);
  } finally {
    backend.close();
  }
  return { ms, bytes: fileBytes(dataDir) - before };
}

/** The floor: the same rows (indicator, unit, period, value) by one prepared insert into a plain table, one transaction. */
function bareInsert(dir: string, rows: readonly [string, number, string, number][]): number {
  const file = join(dir, 'bare.db');
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE figures (indicator_code TEXT NOT NULL, unit_id INTEGER NOT NULL, period TEXT NOT NULL, value REAL NOT NULL)',
    );
    const insert = db.prepare('INSERT INTO figures VALUES (?, ?, ?, ?)');
    const start = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(r);
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}

function spread(values: readonly number[]): string {
  const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  return `${f.format(Math.min(...values))} / ${f.format(median([...values]))} / ${f.format(Math.max(...values))}`;
}

function line(label: string, values: readonly number[], unit: string): void {
  process.stdout.write(`${label} (min / median / max of ${values.length}): ${spread(values)} ${unit}\n`);
}

/**
 * Issue 16: what the commit of 120.000 imported figures costs on disk (the file's growth, change log and indexes
 * included, after a checkpoint) and in time against a bare prepared insert of the same rows, in paired runs.
 */
export async function benchCommit(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'chitieu-bench-commit-'));
  try {
    const template = join(root, 'template');
    const setup = createBackend({ dataDir: template });
    const api = createApiClient((op, input) => setup.call(op, input));
    const codes = (await createLargeCatalog(api)).filter((c) => c.startsWith('CT_')).slice(0, rowsPerSheet);
    const file = join(root, 'bench-120k.xlsx');
    await writeMonthlyWorkbook(file, await benchCatalogRows(api, rowsPerSheet), { sheets, firstYear });
    setup.close();
    const rows: [string, number, string, number][] = [];
    for (let s = 0; s < sheets; s++) {
      for (let m = 1; m <= 12; m++)
        codes.forEach((code, i) =>
          rows.push([code, 1, `${firstYear + s}-${String(m).padStart(2, '0')}`, benchFigure(i, firstYear + s, m)]),
        );
    }

    const commits: number[] = [];
    const bares: number[] = [];
    const ratios: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < pairedRuns; i++) {
      const bare = bareInsert(root, rows);
      const commit = await timedCommit(template, join(root, `data-${i}`), file);
      bares.push(bare);
      commits.push(commit.ms);
      ratios.push(commit.ms / bare);
      bytes.push(commit.bytes / figures);
    }
    line('commit: bytes on disk per imported figure, change log and indexes included (target ≤ 250)', bytes, 'B');
    line('commit: bare prepared insert of the same 120.000 figures into a plain table, one transaction', bares, 'ms');
    line('commit: import commit of 120.000 figures (read and preview before the clock)', commits, 'ms');
    line('commit: import commit ÷ bare insert, paired (target ≤ 3)', ratios, '×');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
