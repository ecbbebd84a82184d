import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { exportFillOutputSchema } from '../../shared/api/export-entities';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterTwoYears, fillOf } from '../support/export-data';
import { partHashes, pySheet, readWithPython } from '../support/python-xlsx';
import { writeXls } from '../support/xls-workbooks';
import { sampleFiles, writeWorkbook } from '../support/workbooks';

/** Every cell exceljs sees in a workbook, with its value and its whole style, by sheet and address. */
async function cellsOf(file: string): Promise<Map<string, { value: unknown; style: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, { value: unknown; style: string }>();
  for (const ws of wb.worksheets) {
    // Bounds taken once: getCell creates the cells it is asked for. Some samples declare column widths up to the
    // last column of the sheet, so at most 40 columns are looked at.
    const rows = ws.rowCount + 2;
    const columns = Math.min(ws.columnCount + 2, 40);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const cell = ws.getCell(r, c);
        cells.set(`${ws.name}!${cell.address}`, { value: cell.value, style: JSON.stringify(cell.style ?? {}) });
      }
    }
  }
  return cells;
}

/** A figure of tỷ đồng as the template's triệu đồng cell holds it. */
const thousand = (x: number) => Math.round(x * 1000 * 1000) / 1000;

async function gridValue(
  api: ApiClient,
  period: string,
  code: string,
  field: 'value' | 'plan' = 'value',
): Promise<number> {
  const row = (await api.call('values.grid', { period })).rows.find((r) => r.code === code);
  const v = field === 'plan' ? row?.plan : (row?.value ?? row?.valueFromParts);
  if (v === null || v === undefined) throw new Error(`no ${field} of ${code} for ${period}`);
  return v;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

describe("the Ministry's May workbook (bpc-thang-05.xlsx) filled by ChiTieu for May 2023", () => {
  let dir: string;
  let backend: Backend;
  let api: ApiClient;
  let filled: string;
  let summary: Awaited<ReturnType<typeof fillOf>>['summary'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-template-'));
    backend = createBackend({ dataDir: join(dir, 'data') });
    api = createApiClient((op, input) => backend.call(op, input));
    await enterTwoYears(api);
    const out = await fillOf(backend, {
      template: { path: sampleFiles.thang05 },
      period: '2023-05',
      saveTo: join(dir, 'bpc-thang-05-filled.xlsx'),
    });
    filled = out.path ?? '';
    summary = out.summary;
    const { bytes: _bytes, ...output } = out;
    expect(exportFillOutputSchema.strict().parse(output)).toEqual(output);
  });

  afterAll(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every part of the file but the two sheets it filled byte for byte (styles, theme, printer settings …)', () => {
    const before = partHashes(sampleFiles.thang05);
    const after = partHashes(filled);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    expect(changed.sort()).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
  });

  it('keeps every original cell and its style; a filled cell keeps its style too', async () => {
    const before = await cellsOf(sampleFiles.thang05);
    const after = await cellsOf(filled);
    const filledCells = new Set<string>();
    for (const [key, cell] of before) {
      const now = after.get(key);
      expect(now?.style, key).toBe(cell.style);
      if (cell.value === null && typeof now?.value === 'number') {
        filledCells.add(key);
        continue;
      }
      expect(now?.value, key).toEqual(cell.value);
    }
    expect(filledCells.size).toBe(summary.cellsFilled);
    // Nothing was added outside the cells the sample has.
    expect([...after.keys()].filter((k) => !before.has(k) && after.get(k)?.value !== null)).toEqual([]);
  });

  it('puts the figures in the columns their headings name, in the units of the rows (triệu đồng for tỷ đồng)', async () => {
    const book = readWithPython(filled);
    const blhh = pySheet(book, 'BLHH');
    expect(blhh.cells.C2?.v).toBe('TỔNG MỨC BLHH VÀ DTDVTD');
    expect(blhh.cells.E2).toMatchObject({ t: 'n', v: thousand(await gridValue(api, '2022-05', 'BLHH')) });
    expect(blhh.cells.F2?.v).toBe(thousand(await gridValue(api, '2022-H1', 'BLHH')));
    expect(blhh.cells.G2?.v).toBe(thousand(await gridValue(api, '2023-05', 'BLHH', 'plan')));
    expect(blhh.cells.H2?.v).toBe(thousand(await gridValue(api, '2023-04', 'BLHH')));
    expect(blhh.cells.I2?.v).toBe(thousand(await gridValue(api, '2023-05', 'BLHH')));
    expect(blhh.cells.J2?.v).toBe(thousand(await gridValue(api, '2023-06', 'BLHH')));
    expect(blhh.cells.K2?.v).toBe(thousand(await gridValue(api, '2023-H1', 'BLHH')));
    // The comparisons are percentages with one decimal, whatever unit the row is in.
    expect(blhh.cells.L2?.v).toBe(
      round1(((await gridValue(api, '2023-05', 'BLHH')) / (await gridValue(api, '2023-04', 'BLHH'))) * 100),
    );
    expect(blhh.cells.M2?.v).toBe(
      round1(((await gridValue(api, '2023-H1', 'BLHH')) / (await gridValue(api, '2022-H1', 'BLHH'))) * 100),
    );
    expect(blhh.cells.N2?.v).toBe(
      round1(((await gridValue(api, '2023-H1', 'BLHH')) / (await gridValue(api, '2023-05', 'BLHH', 'plan'))) * 100),
    );
    // The sample's own style of the cell (s="7": its number format) is the one the figure shows in.
    expect(blhh.cells.E2?.numFmt).toBe(readWithPython(sampleFiles.thang05).sheets[0]?.cells.E2?.numFmt);

    // An index compared with the same period is the published index itself.
    const sxcn = pySheet(book, 'SXCN');
    expect(sxcn.cells.C4?.v).toBe('Công nghiệp chế biến, chế tạo');
    expect(sxcn.cells.I4?.v).toBe(await gridValue(api, '2023-05', 'IIP_C'));
    expect(sxcn.cells.M4?.v).toBe(await gridValue(api, '2023-H1', 'IIP_C'));
    // Products in their own units: Hạt điều nhân in tấn, Giày dép in "1000 đôi" (nghìn đôi).
    expect(sxcn.cells.I9?.v).toBe(await gridValue(api, '2023-05', 'SPCN_DIEU'));
    expect(sxcn.cells.I14?.v).toBe(await gridValue(api, '2023-05', 'SPCN_GIAYDEP'));
  });

  it('says what it filled and which rows it left, and why', () => {
    const sxcn = summary.sheets.find((s) => s.name === 'SXCN');
    expect(sxcn?.state).toBe('filled');
    expect(sxcn?.columns.find((c) => c.column === 'I')).toMatchObject({
      heading: 'Thực hiện kỳ báo cáo',
      label: 'Tháng 5/2023 (thực hiện)',
    });
    // Under the IIP's row, "Công nghiệp khai khoáng" and the shortened names of the other sectors are certain.
    expect(sxcn?.rowsMatched).toBe(11);
    expect(sxcn?.rowsNotFilled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 13, name: 'Quần án các loại', reason: expect.stringContaining('chỉ có gợi ý') }),
        expect.objectContaining({ row: 16, name: 'Gỗ cưa, xẻ các loại', reason: expect.stringContaining('M2') }),
      ]),
    );
    expect(summary.cellsFilled).toBe(summary.sheets.reduce((n, s) => n + s.cellsFilled, 0));
    expect(summary.recalculateOnOpen).toBe(false);
  });

  it('fills a row the clerk mapped by hand when importing a workbook of the same layout', async () => {
    const { commitImport } = await import('../support/workbooks');
    const taught = await commitImport(api, [sampleFiles.thang05], {
      period: '2023-05',
      rows: [{ sheet: 'BLHH', row: 4, code: 'BLHH_DVK' }],
    });
    expect(taught.layoutsRemembered).toBe(1);
    const out = await fillOf(backend, {
      template: { path: sampleFiles.thang05 },
      period: '2023-05',
      saveTo: join(dir, 'taught.xlsx'),
    });
    const blhh = pySheet(readWithPython(out.path ?? ''), 'BLHH');
    expect(blhh.cells.I4?.v).toBe(thousand(await gridValue(api, '2023-05', 'BLHH_DVK')));
    expect(out.summary.cellsFilled).toBeGreaterThan(summary.cellsFilled);
  });
});

describe('a template with formulas, text in value cells, merged headings and a second sheet', () => {
  it('fills only the empty value cells: formulas, "x", merges and the other sheet stay as they were, and Excel recalculates on opening', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: 3798.3 }] });
    await api.call('values.set', { period: '2022-H1', entries: [{ code: 'XNK', value: 1136.2, status: 'actual' }] });
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: 2260, status: 'actual' },
        { code: 'XK', value: 61.1, status: 'actual' },
      ],
    });
    const template = await writeWorkbook(join(dir, 'mau-bo.xlsx'), [
      {
        name: 'Biểu 02',
        rows: [
          ['BÁO CÁO XUẤT NHẬP KHẨU 6 THÁNG ĐẦU NĂM 2023', null, null, null, null, null],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện', null, 'So sánh (%)'],
          [null, null, null, '6 tháng 2023', 'Cùng kỳ năm trước', '6 tháng 2023 so với cùng kỳ'],
          [
            '1',
            'Tổng kim ngạch xuất nhập khẩu hàng hóa',
            'Triệu USD',
            null,
            null,
            { formula: 'IF(E4>0,D4/E4*100,"")', result: '' },
          ],
          ['2', 'Kim ngạch xuất khẩu', 'Triệu USD', null, 'x', null],
          ['3', 'Kim ngạch nhập khẩu', 'Triệu USD', 5, null, null],
        ],
        merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'],
      },
      {
        name: 'Hướng dẫn',
        rows: [['Ghi số liệu theo đơn vị tính của từng dòng.'], [{ formula: 'SUM(1,2)', result: 3 }]],
      },
    ]);
    const out = await fillOf(backend, {
      template: { name: 'mau-bo.xlsx', contentBase64: readFileSync(template).toString('base64') },
      period: '2023-H1',
    });
    const file = join(dir, out.fileName);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.from(out.contentBase64 ?? '', 'base64'));

    const book = readWithPython(file);
    const sheet = pySheet(book, 'Biểu 02');
    expect(sheet.cells.D4).toMatchObject({ t: 'n', v: 2260 });
    expect(sheet.cells.E4).toMatchObject({ t: 'n', v: 1136.2 });
    expect(sheet.cells.F4?.f).toBe('IF(E4>0,D4/E4*100,"")');
    expect(sheet.cells.D5).toMatchObject({ v: 61.1 });
    expect(sheet.cells.E5).toMatchObject({ t: 's', v: 'x' });
    // A figure ChiTieu does not have leaves the cell as the template had it.
    expect(sheet.cells.D6).toMatchObject({ v: 5 });
    expect(sheet.merges.sort()).toEqual(['A1:F1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'].sort());
    expect(book.calcPr).toMatchObject({ fullCalcOnLoad: '1' });

    const before = partHashes(template);
    const after = partHashes(file);
    expect(
      Object.keys(before)
        .filter((name) => before[name] !== after[name])
        .sort(),
    ).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(out.summary).toMatchObject({ recalculateOnOpen: true, cellsFilled: 3 });
    const left = out.summary.sheets[0]?.cellsLeft ?? [];
    expect(left.map((c) => c.cell).sort()).toEqual(['D6', 'E5', 'F4']);
  });

  it('refuses a file that is not a workbook, saying so in Vietnamese', async () => {
    const { backend } = startBackend(makeDataDir());
    await expect(
      fillOf(backend, {
        template: { name: 'mau.xlsx', contentBase64: Buffer.from('Báo cáo tháng 5').toString('base64') },
        period: '2023-05',
      }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^Không dùng được tệp mẫu: Tệp mau.xlsx là tệp văn bản/),
    });
  });
});

describe('a template in the legacy .xls format', () => {
  it('is refused with the advice to save it as .xlsx, since only a workbook package can be filled in place', async () => {
    const dir = makeDataDir();
    const { backend } = startBackend(dir);
    const xls = writeXls(join(dir, 'mau.xls'), [
      {
        name: 'Biểu',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', null],
        ],
      },
    ]);
    await expect(fillOf(backend, { template: { path: xls }, period: '2023-05' })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^Tệp mẫu mau\.xls là sổ Excel 97-2003 \(\.xls\).*Lưu thành.*\.xlsx/),
    });
  });
});
