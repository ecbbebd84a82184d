import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/periods/period';
import { corpus } from './corpus';
import { families } from './truth';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the import-accuracy corpus', () => {
  it('holds at least 40 workbooks, with every family a department receives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.family))).toEqual(new Set(families));
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c] as const))(
    '%s: every truth figure and refused cell is a filled cell of the workbook, for periods that are over',
    async (_name, c) => {
      const { file, truth } = await c.build(dir);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(truth.figures.length).toBeGreaterThan(0);
      const filled = new Set(truth.filledCells);
      for (const cell of [...truth.figures, ...truth.refused]) {
        expect(filled.has(`${cell.sheet}!${cell.cell}`), `${cell.sheet}!${cell.cell}`).toBe(true);
        const value = wb.getWorksheet(cell.sheet)?.getCell(cell.cell).value;
        expect(value === null || value === undefined, `${cell.sheet}!${cell.cell} is empty`).toBe(false);
      }
      const byKey = new Map<string, number>();
      for (const f of truth.figures) {
        const year = f.period.startsWith('KH:')
          ? Number(f.period.split(':')[1])
          : parsePeriod(f.period).ok
            ? Number(f.period.slice(0, 4))
            : NaN;
        expect([2023, 2024, 2025, 2026], `${f.cell} ${f.period}`).toContain(year);
        const key = `${f.code} ${f.period}`;
        const before = byKey.get(key);
        expect(
          before === undefined || Math.abs(before - f.value) <= 1e-9 * Math.abs(f.value),
          `${key} twice with different figures`,
        ).toBe(true);
        byKey.set(key, f.value);
      }
      expect(parsePeriod(truth.reportPeriod).ok).toBe(true);
      expect(['2024', '2025']).toContain(truth.reportPeriod.slice(0, 4));
    },
  );
});
