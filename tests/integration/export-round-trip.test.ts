import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterTwoYears, exportOf, officeSettings } from '../support/export-data';
import { readWithPython, type PyCell, type PySheet } from '../support/python-xlsx';
import { commitImport, previewImport } from '../support/workbooks';

/** Every cell of the table (headings, column codes, indicator rows) by address: what "the same report" means. */
function table(sheet: PySheet, rows: number): Record<string, Pick<PyCell, 'v' | 'f' | 'numFmt' | 'bold'>> {
  const out: Record<string, Pick<PyCell, 'v' | 'f' | 'numFmt' | 'bold'>> = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const row = Number(address.replace(/^[A-Z]+/, ''));
    if (row < 9 || row >= 12 + rows || cell.v === null) continue;
    out[address] = { v: cell.v, f: cell.f ?? null, numFmt: cell.numFmt, bold: cell.bold };
  }
  return out;
}

function numbersIn(cells: Record<string, Pick<PyCell, 'v'>>): number {
  return Object.entries(cells).filter(([a, c]) => Number(a.replace(/^[A-Z]+/, '')) >= 12 && typeof c.v === 'number')
    .length;
}

describe('a report exported, imported into a fresh data directory and exported again', () => {
  let dir: string;
  let source: Backend;
  let api: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-roundtrip-'));
    source = createBackend({ dataDir: join(dir, 'data') });
    api = createApiClient((op, input) => Promise.resolve(source.call(op, input)));
    await enterTwoYears(api);
  });

  afterAll(() => {
    source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a month', '2023-07'],
    ['January, without a cumulative', '2023-01'],
    ['October, with the year estimate and next year plan', '2023-10'],
    ['December, the year against the plan', '2023-12'],
    ['a quarter', '2023-Q2'],
    ['a cumulative period (5 months)', '2023-L05'],
    ['the six months', '2023-H1'],
    ['the nine months', '2023-9M'],
    ['the year', '2023'],
  ])('gives back every value for %s (%s)', async (_what, period) => {
    const first = await exportOf(source, { period, saveTo: join(dir, `first-${period}.xlsx`) });
    const fresh = makeDataDir();
    const { backend, api: freshApi } = startBackend(fresh);
    await freshApi.call('settings.set', officeSettings);

    // The import finds the period and the unit in the title block, and every column of the table.
    const preview = await previewImport(freshApi, [first.path ?? '']);
    expect(preview.blockers).toEqual([]);
    expect(preview.files[0]?.period).toMatchObject({ key: period, how: 'cell' });
    expect(preview.files[0]?.unit).toMatchObject({ code: 'TINH', how: 'cell' });
    const sheet = preview.files[0]?.sheets[0];
    expect(sheet?.columns.filter((c) => c.role === null)).toEqual([]);
    expect(sheet?.rows.filter((r) => r.state !== 'matched' && r.state !== 'group')).toEqual([]);
    expect(sheet?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const imported = await commitImport(freshApi, [first.path ?? '']);
    expect(imported.valuesChanged).toBeGreaterThan(0);

    const second = await exportOf(backend, { period, saveTo: join(fresh, `second-${period}.xlsx`) });
    const rows = first.summary.sheets[0]?.rows ?? 0;
    const before = table(readWithPython(first.path ?? '').sheets[0] as PySheet, rows);
    const after = table(readWithPython(second.path ?? '').sheets[0] as PySheet, rows);
    expect(numbersIn(before)).toBeGreaterThan(3 * rows);
    expect(after).toEqual(before);
  });
});
