import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, describeStored, runCorpus, type Counts, type CorpusRun } from '../import-corpus/run-corpus';
import { families } from '../import-corpus/truth';

const headings = [
  'family',
  'files',
  'filled',
  'truth',
  'right',
  'wrong',
  'left for the clerk',
  'refused',
  'refusals honoured',
];

function cells(label: string, c: Counts): string[] {
  const share = c.expected > 0 ? ` (${((c.right / c.expected) * 100).toFixed(1)}%)` : '';
  return [
    label,
    c.files,
    c.filled,
    c.expected,
    `${c.right}${share}`,
    c.wrong,
    c.left,
    c.refused,
    `${c.refusalsHonoured}/${c.refusalsExpected}`,
  ].map(String);
}

function table(run: CorpusRun): string {
  const rows = [headings, ...families.map((f) => cells(f, run.byFamily[f])), cells('total', run.total)];
  const widths = headings.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

function details(run: CorpusRun): string {
  const lines: string[] = [];
  for (const r of run.cases) {
    const c = r.counts;
    lines.push(
      `${r.family} ${r.name}: filled ${c.filled}, truth ${c.expected}, right ${c.right}, wrong ${c.wrong}, left ${c.left}, refused ${c.refused}, refusals honoured ${c.refusalsHonoured}/${c.refusalsExpected}`,
    );
    for (const p of r.problems) lines.push(`  ${r.name}: ${p}`);
    for (const w of r.wrong)
      lines.push(`  WRONG ${r.name} ${w.stored.sheet}!${w.stored.cell}: stored ${describeStored(w.stored)}; ${w.why}`);
    for (const l of r.leftOut) {
      const t = l.truth;
      const reasons = l.reasons.length > 0 ? l.reasons.join(' | ') : 'NO REASON GIVEN';
      lines.push(
        `  ${l.outcome.toUpperCase()} ${r.name} ${t.sheet}!${t.cell}: expected ${t.code} ${t.period} ${t.status ?? ''} = ${t.value}; ${reasons}`,
      );
    }
    for (const m of r.refusalsMissed) lines.push(`  NOT REFUSED ${r.name} ${m.sheet}!${m.cell}: ${m.why}`);
  }
  return lines.join('\n');
}

/** Issue 14: how many figures of the corpus land right, wrong, with the clerk or refused, family by family. */
export async function benchImportAccuracy(): Promise<void> {
  const showDetails = process.argv.includes('--details');
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-accuracy-'));
  try {
    const built = await buildCorpus(dir);
    for (const acceptSuggestions of [false, true]) {
      const run = await runCorpus(built, acceptSuggestions);
      process.stdout.write(
        `\nimport-accuracy: ${built.length} workbooks, ${acceptSuggestions ? 'accepting suggestions' : 'without accepting suggestions'}\n`,
      );
      process.stdout.write(`${table(run)}\n`);
      const noReason = run.cases.flatMap((c) => c.leftOut).filter((l) => l.reasons.length === 0).length;
      process.stdout.write(`left out with no reason given: ${noReason}\n`);
      if (showDetails) process.stdout.write(`${details(run)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
