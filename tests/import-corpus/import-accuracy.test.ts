import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, describeStored, runCorpus, type CorpusRun } from './run-corpus';

/** Issue 14's must-show, on the corpus of workbooks built after the families a department receives. */
const dir = mkdtempSync(join(tmpdir(), 'chitieu-accuracy-'));
let plain: CorpusRun;
let accepting: CorpusRun;

beforeAll(async () => {
  const built = await buildCorpus(dir);
  plain = await runCorpus(built, false);
  accepting = await runCorpus(built, true);
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wrongOf = (run: CorpusRun) =>
  run.cases.flatMap((c) =>
    c.wrong.map((w) => `${c.name} ${w.stored.sheet}!${w.stored.cell}: ${describeStored(w.stored)}; ${w.why}`),
  );

describe('importing the workbooks a department receives', () => {
  it('writes no figure onto the wrong indicator, period, status or value', () => {
    expect(wrongOf(plain)).toEqual([]);
  });

  it('writes no wrong figure either when the clerk accepts every suggestion', () => {
    expect(wrongOf(accepting)).toEqual([]);
  });

  it('takes each file for the reporting unit and the report period its title block names', () => {
    expect(plain.cases.flatMap((c) => c.problems.map((p) => `${c.name}: ${p}`))).toEqual([]);
  });

  it('lands at least 95% of the figures a clerk would key in without asking anything', () => {
    const { right, expected } = plain.total;
    expect(right / expected, `${right} of ${expected} right`).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses every figure a flow cannot have, with an error at its cell, and writes nothing of it', () => {
    const missed = [plain, accepting].flatMap((run) =>
      run.cases.flatMap((c) => c.refusalsMissed.map((m) => `${c.name} ${m.sheet}!${m.cell}: ${m.why}`)),
    );
    expect(missed).toEqual([]);
  });

  it('tells the clerk why for every figure it leaves out', () => {
    const silent = [plain, accepting].flatMap((run) =>
      run.cases.flatMap((c) =>
        c.leftOut
          .filter((l) => l.reasons.length === 0)
          .map(
            (l) => `${c.name} ${l.truth.sheet}!${l.truth.cell}: ${l.truth.code} ${l.truth.period} = ${l.truth.value}`,
          ),
      ),
    );
    expect(silent).toEqual([]);
  });
});
