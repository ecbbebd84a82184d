import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../shared/api/report-entities';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterKeyProducts, enterSeedFigures, enterTwoYears, exportOf } from '../support/export-data';
import { plantOutOfRange } from '../support/validation-figures';
import { readWithPython, type PySheet } from '../support/python-xlsx';

describe('the report of seed 000 (6 tháng đầu năm 2023)', () => {
  it("writes the seed's sentences with its figures, plan shares and changes", async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    const report = await api.call('report.build', { period: '2023-H1' });

    expect(reportSchema.strict().parse(report)).toEqual(report);
    expect(report.periodLabel).toBe('6 tháng đầu năm 2023');
    expect(report.text).toContain('đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022');
    expect(report.text).toContain('đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ');
    expect(report.text).toContain(
      'Chỉ số sản xuất công nghiệp 6 tháng đầu năm 2023 tăng 5,79% so với cùng kỳ năm 2022.',
    );
    expect(report.sections.map((s) => s.title)).toEqual([
      'Sản xuất công nghiệp',
      'Thương mại, dịch vụ',
      'Xuất nhập khẩu',
    ]);
  });

  it('leaves out, never half-writes, the sentences whose figures are missing, and says why', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    const report = await api.call('report.build', { period: '2023-H1' });

    // No figures for production value, border trade or administrative reform: no sentence, and no empty slot.
    expect(report.text).not.toMatch(/Giá trị sản xuất công nghiệp|cửa khẩu|hành chính/);
    expect(report.text).not.toMatch(/\{|\}|\[|\]|đạt\s+,|đạt\s+%|NaN|null|undefined/);
    expect(report.skipped).toContainEqual({
      templateKey: 'gia-tri-san-xuat',
      indicatorCode: 'GTSXCN',
      reason: 'Chưa có số liệu kỳ này.',
    });
    // XK has no figure of its own this period, so its sentence is skipped although XNK is there.
    expect(report.skipped.map((s) => s.indicatorCode)).toContain('XK');
  });

  it('says "tương đương" and "giảm" when the figure is level with or below the same period', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await api.call('values.set', {
      period: '2022-H1',
      entries: [
        { code: 'XNK', value: 2260.5 },
        { code: 'BLHH', value: 16000 },
      ],
    });
    const report = await api.call('report.build', { period: '2023-H1' });
    expect(report.text).toContain('đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tương đương so với cùng kỳ năm 2022');
    // 14.659,9 / 16.000 = 91,6% of the same period: 8,4% less.
    expect(report.text).toContain('đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, giảm 8,4% so với cùng kỳ năm 2022');
  });

  it('counts the key products on schedule and growing from their own figures: 8/13', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await enterKeyProducts(api);
    const report = await api.call('report.build', { period: '2023-H1' });
    const count = report.sections[0]?.sentences.find((s) => s.templateKey === 'san-pham-chu-yeu');
    expect(count?.text).toMatch(
      /^Trong 6 tháng đầu năm 2023, có 8\/13 sản phẩm công nghiệp chủ yếu đạt tiến độ kế hoạch và tăng so với cùng kỳ \(điện sản xuất, /,
    );
    expect(count?.text).toContain('đường RS)');
    // Below last year (quần áo, giày dép), behind schedule (gỗ, bao bì) or without a plan (muối): not counted.
    expect(count?.text).not.toMatch(/quần áo|giày|gỗ|bao bì|muối/);
  });

  it('lists the validation findings left open at the end', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await plantOutOfRange(api, { period: '2023-H1', entries: [{ code: 'CCHC_DVC4', value: 313 }] });
    const report = await api.call('report.build', { period: '2023-H1' });
    const validation = await api.call('validation.run', { period: '2023-H1' });
    const open = validation.findings.filter((f) => f.open);
    expect(open.length).toBeGreaterThan(0);
    expect(report.openFindings).toHaveLength(open.length);
    expect(report.openFindings[0]).toMatchObject({ severity: 'error', indicatorCode: 'CCHC_DVC4' });
    expect(report.text).toMatch(/\nV\. CÁC VẤN ĐỀ KIỂM TRA SỐ LIỆU CÒN MỞ \(\d+\)\n- \[Lỗi\] CCHC_DVC4: /);
  });
});

/** Vietnamese numbers in a sentence, except those of the indicator's name and of its period words. */
function numbersIn(sentence: string, name: string): number[] {
  const withoutPeriods = sentence
    .split(name)
    .join('')
    .split(name.charAt(0).toLowerCase() + name.slice(1))
    .join('')
    .replace(/(năm|tháng|quý) \d+/g, '')
    .replace(/\d+ tháng/g, '');
  return [...withoutPeriods.matchAll(/\d{1,3}(?:\.\d{3})*(?:,\d+)?/g)].map((m) =>
    Number(m[0].replace(/\./g, '').replace(',', '.')),
  );
}

function decimalsOf(x: number): number {
  const text = String(x);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/** The figures of the workbook row of an indicator (by name and unit), comparisons included, as cached. */
function workbookRow(sheet: PySheet, name: string, unit: string): number[] {
  const row = Object.entries(sheet.cells)
    .find(([a, c]) => /^B\d+$/.test(a) && c.v === name && sheet.cells[`C${a.slice(1)}`]?.v === unit)?.[0]
    .slice(1);
  if (row === undefined) throw new Error(`no row for ${name} (${unit})`);
  return Object.entries(sheet.cells)
    .filter(([a, c]) => a.replace(/^[A-Z]+/, '') === row && typeof c.v === 'number')
    .map(([, c]) => c.v as number);
}

describe('every number in the text is a number of the exported workbook of the same period', () => {
  for (const period of ['2023-H1', '2023-06', '2023-Q3']) {
    it(`for ${period}`, async () => {
      const dir = makeDataDir();
      const { api, backend } = startBackend(join(dir, 'data'));
      const catalog = await enterTwoYears(api);
      const report = await api.call('report.build', { period });
      const exported = await exportOf(backend, {
        period,
        saveTo: join(dir, 'bao-cao.xlsx'),
        overrideReason: 'Số liệu thử của bài kiểm tra',
      });
      const sheet = readWithPython(exported.path ?? '').sheets[0] as PySheet;

      const sentences = report.sections.flatMap((s) => s.sentences).filter((s) => s.indicatorCode !== null);
      expect(sentences.length).toBeGreaterThanOrEqual(10);
      let checked = 0;
      for (const sentence of sentences) {
        const indicator = catalog.find((i) => i.code === sentence.indicatorCode);
        if (!indicator) throw new Error(`no indicator ${sentence.indicatorCode}`);
        const cells = workbookRow(sheet, indicator.nameVi, indicator.unit);
        for (const n of numbersIn(sentence.text, indicator.nameVi)) {
          // A change is written as its size ("tăng 98,9%" for the 198,9 of a comparison or an index).
          const candidates = cells.flatMap((c) => [c, Math.abs(c - 100)]);
          const d = decimalsOf(n);
          const found = candidates.some((c) => Math.abs(Math.round(c * 10 ** d) / 10 ** d - n) < 1e-9);
          expect(found, `${n} of "${sentence.text}" among ${cells.join('; ')}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(20);
    });
  }
});
