import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchCatalogRows, createLargeCatalog, writeMonthlyWorkbook } from './setup-data';
import { median, report } from './report';

/**
 * The office mode under load: 30 clerks, each logged in with a session of its own, type figures into their own
 * cells through the office server (`chitieu serve --office` on 127.0.0.1, a process of its own) while the command
 * line imports a large workbook into the same data folder. Every save carries the figure its clerk last saw, as the
 * grid does; at the end every cell must hold the last figure its clerk was told was saved.
 */
const clerks = 30;
const cellsPerClerk = 40;
/** Between two saves of one clerk: four times as fast as a clerk typing one figure a second. */
const thinkMs = 250;
const password = 'mat-khau-van-phong';
const clerkYear = 2030;
const importSheets = 16;
const importRows = 350;
const importFirstYear = 2006;
const importPeriod = `${importFirstYear + importSheets - 1}-12`;
const aloneRuns = 3;

const cliBin = resolve('electron/cli/bin.mjs');

function secondsOption(): number {
  const at = process.argv.indexOf('--seconds');
  const seconds = at > 0 ? Number(process.argv[at + 1]) : 300;
  if (!Number.isFinite(seconds) || seconds < 5) throw new Error('--seconds takes a number of seconds, at least 5');
  return seconds;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function runImport(dataDir: string, file: string): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cliBin, 'import', file, '--period', importPeriod, '--data', dataDir], {
      env: { ...process.env, CHITIEU_DATA_DIR: '' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code === 0 && /Đã nhập \d/.test(out)) done(performance.now() - start);
      else fail(new Error(`the bench import failed (${code}): ${out.slice(-800)}`));
    });
  });
}

function startOfficeServer(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [cliBin, 'serve', '--office', '--host', '127.0.0.1', '--port', '0', '--data', dataDir],
      { env: { ...process.env, CHITIEU_DATA_DIR: '' } },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const first = out.split('\n')[0];
      if (out.includes('\n') && first) done({ child, origin: new URL(first.trim()).origin });
    });
    child.once('exit', (code) => fail(new Error(`the office server exited with ${code}: ${out}`)));
  });
}

/** The office server's door over TLS, trusting its own certificate as a clerk's browser does once accepted. */
interface Door {
  origin: string;
  agent: Agent;
}

function post(
  door: Door,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; cookie: string; text: string }> {
  const { hostname, port } = new URL(door.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        agent: door.agent,
        headers: { ...headers, origin: door.origin, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function logIn(door: Door): Promise<string> {
  const answer = await post(
    door,
    '/login',
    { 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams({ password }).toString(),
  );
  if (answer.status !== 303 || answer.cookie === '') throw new Error(`login refused: ${answer.status}`);
  return answer.cookie;
}

interface ApiAnswer {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; details?: { current?: number | null } };
}

async function call(door: Door, cookie: string, operation: string, input: unknown): Promise<ApiAnswer> {
  const answer = await post(
    door,
    `/api/${operation}`,
    { cookie, 'content-type': 'application/json' },
    JSON.stringify(input),
  );
  return JSON.parse(answer.text) as ApiAnswer;
}

interface ClerkTally {
  saveMs: number[];
  readMs: number[];
  refused: number;
  /** Saves whose answer never came (the connection dropped): neither counted as saved nor as refused. */
  unanswered: number;
  /** The last figure the server said it saved, by "code|period". */
  saved: Map<string, number>;
}

/** One clerk: its own cells, a save then a re-read of the saved row, as the grid does, until the time is up. */
async function clerk(door: Door, index: number, until: number): Promise<ClerkTally> {
  const cookie = await logIn(door);
  const tally: ClerkTally = { saveMs: [], readMs: [], refused: 0, unanswered: 0, saved: new Map() };
  const seen = new Map<string, number | null>();
  for (let n = 0; performance.now() < until; n++) {
    const c = (index * cellsPerClerk + (n % cellsPerClerk)) % 2970;
    const code = `CT_${Math.floor(c / 99)}_${c % 99}`;
    const period = `${clerkYear}-${String((n % 12) + 1).padStart(2, '0')}`;
    const key = `${code}|${period}`;
    const value = Math.round((index * 1000 + n) * 10 + 1) / 10;
    const start = performance.now();
    const answer = await call(door, cookie, 'values.set', {
      period,
      entries: [{ code, value, seen: seen.get(key) ?? null }],
    }).catch(() => null);
    tally.saveMs.push(performance.now() - start);
    if (answer === null) {
      // What the server did with it is unknown: the next save of the cell must not claim to have seen it.
      tally.unanswered += 1;
      tally.saved.delete(key);
      seen.delete(key);
      continue;
    }
    if (answer.ok) {
      tally.saved.set(key, value);
      seen.set(key, value);
    } else {
      tally.refused += 1;
      // A refusal names the figure now stored: the clerk sees it, and the next save says so.
      if (answer.error?.code === 'conflict') seen.set(key, answer.error.details?.current ?? null);
    }
    const readStart = performance.now();
    const rows = await call(door, cookie, 'values.rows', { period, codes: [code] });
    tally.readMs.push(performance.now() - readStart);
    if (!rows.ok) throw new Error(`values.rows refused: ${rows.error?.message}`);
    await new Promise((resolve) => setTimeout(resolve, thinkMs));
  }
  return tally;
}

/** The cells whose stored figure is not the last one its clerk was told was saved. */
async function lostWrites(door: Door, tallies: readonly ClerkTally[]): Promise<number> {
  const cookie = await logIn(door);
  const stored = new Map<string, number | null>();
  for (let m = 1; m <= 12; m++) {
    const period = `${clerkYear}-${String(m).padStart(2, '0')}`;
    const grid = await call(door, cookie, 'values.grid', { period, withFindings: false });
    if (!grid.ok) throw new Error(`values.grid refused: ${grid.error?.message}`);
    for (const row of (grid.result as { rows: { code: string; value: number | null }[] }).rows)
      stored.set(`${row.code}|${period}`, row.value);
  }
  let lost = 0;
  for (const tally of tallies) for (const [key, value] of tally.saved) if (stored.get(key) !== value) lost += 1;
  return lost;
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export async function benchOffice(): Promise<void> {
  const seconds = secondsOption();
  const root = mkdtempSync(join(tmpdir(), 'chitieu-bench-office-'));
  try {
    const template = join(root, 'template');
    const backend = createBackend({ dataDir: template });
    const api = createApiClient((op, input) => backend.call(op, input));
    await createLargeCatalog(api);
    const catalog = await benchCatalogRows(api, importRows);
    await api.call('settings.set', { webPassword: password, clerkName: 'Bench' });
    backend.close();
    const workbook = join(root, 'import.xlsx');
    const figures = await writeMonthlyWorkbook(workbook, catalog, { sheets: importSheets, firstYear: importFirstYear });

    const alone: number[] = [];
    for (let run = 0; run < aloneRuns; run++) {
      const dir = join(root, `alone-${run}`);
      cpSync(template, dir, { recursive: true });
      alone.push(await runImport(dir, workbook));
      rmSync(dir, { recursive: true, force: true });
    }

    const dataDir = join(root, 'office');
    cpSync(template, dataDir, { recursive: true });
    const { child, origin } = await startOfficeServer(dataDir);
    const door: Door = {
      origin,
      agent: new Agent({
        ca: readFileSync(join(dataDir, 'tls', 'chitieu-office.crt'), 'utf8'),
        keepAlive: true,
        maxSockets: clerks + 1,
      }),
    };
    try {
      const until = performance.now() + seconds * 1000;
      const importing = (async () => {
        // The import starts once the clerks are at work, and is timed while they keep saving.
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, (seconds * 1000) / 5)));
        return runImport(dataDir, workbook);
      })();
      const tallies = await Promise.all(Array.from({ length: clerks }, (_, i) => clerk(door, i, until)));
      const besideMs = await importing;
      const lost = await lostWrites(door, tallies);
      const saves = tallies.flatMap((t) => t.saveMs);
      const reads = tallies.flatMap((t) => t.readMs);
      const refused = tallies.reduce((sum, t) => sum + t.refused, 0);
      const unanswered = tallies.reduce((sum, t) => sum + t.unanswered, 0);
      process.stdout.write(
        `office load: ${clerks} clerks for ${seconds} s on one office server (127.0.0.1), ${figures} figures imported by the CLI meanwhile\n`,
      );
      report('office saves', saves.length, 'saves');
      report('office saves per second', saves.length / seconds, '/s');
      report('office save latency p50', percentile(saves, 50), 'ms');
      report('office save latency p99', percentile(saves, 99), 'ms');
      report('office save latency max', Math.max(...saves), 'ms');
      report('office row re-read p50', percentile(reads, 50), 'ms');
      report('office row re-read p99', percentile(reads, 99), 'ms');
      report('office refused saves', refused, 'saves');
      report('office saves never answered', unanswered, 'saves');
      report('office lost writes', lost, 'cells');
      report('CLI import alone (min)', Math.min(...alone), 'ms');
      report('CLI import alone (median)', median(alone), 'ms');
      report('CLI import alone (max)', Math.max(...alone), 'ms');
      report('CLI import beside the loaded server', besideMs, 'ms');
      report('CLI import beside / alone (median)', besideMs / median(alone), '×');
    } finally {
      door.agent.destroy();
      await stopped(child);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
