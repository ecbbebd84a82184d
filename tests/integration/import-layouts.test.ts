import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { GridRow } from '../../shared/api/values-entities';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import {
  commitImport,
  listedPreview,
  previewImport,
  readForImport,
  rowAt,
  sheetOf,
  valueAt,
  writeWorkbook,
  type Figure,
} from '../support/workbooks';

async function gridRow(api: ApiClient, period: string, code: string, unitId?: number): Promise<GridRow> {
  const row = (await api.call('values.grid', unitId === undefined ? { period } : { period, unitId })).rows.find(
    (r) => r.code === code,
  );
  if (!row) throw new Error(`no row ${code}`);
  return row;
}

/** A provincial monthly report as departments lay it out: title block, two header rows, column codes, footer. */
function monthlyReport(): { rows: Figure[][]; merges: string[] } {
  const rows: Figure[][] = [
    ['UBND TỈNH BÌNH PHƯỚC', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['SỞ CÔNG THƯƠNG', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    ['Biểu số 01/BC-SCT'],
    ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP, THƯƠNG MẠI THÁNG 5 NĂM 2023'],
    [],
    [
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kế hoạch năm 2023',
      'Thực hiện',
      null,
      null,
      'Cùng kỳ năm 2022',
      null,
      'So sánh (%)',
    ],
    [
      null,
      null,
      null,
      null,
      'Tháng 4/2023',
      'Ước tháng 5/2023',
      'Cộng dồn 5 tháng',
      'Tháng 5',
      'Cộng dồn',
      'Tháng 5 so với cùng kỳ',
      'Cộng dồn so với cùng kỳ',
      'Cộng dồn so với kế hoạch năm',
    ],
    ['A', 'B', 'C', 1, 2, 3, 4, 5, 6, '7=3/5', '8=4/6', '9=4/1'],
    [
      'I',
      'GIÁ TRỊ SẢN XUẤT CÔNG NGHIỆP (giá so sánh 2010)',
      'Tỷ đồng',
      12000,
      1000,
      1100,
      5000,
      1000,
      4500,
      110,
      111.1,
      41.7,
    ],
    ['II', 'Sản phẩm chủ yếu'],
    [1, '- Điện sản xuất', 'Triệu KWh', 1200, 100, 105, 500, 95, 450, 110.5, 111.1, 41.7],
    [1.1000000000000001, 'Nước máy thương phẩm', '1000 m3', 24000, 2000, 2050, 10000, 1900, 9000, 107.9, 111.1, 41.7],
    [2, 'Xi măng Portland đen', 'Tấn', 'x', 300, '-', 1500, null, null, null, null, null],
    [3, 'Hạt điều nhân', 'Tấn', 60000, 5000, '8.290 tấn (↓3,32%)', 25000, 4800, 24000, null, 104.2, 41.7],
    [
      4,
      'Giày, dép có đế hoặc mũ bằng da',
      'Nghìn đôi',
      6000,
      500,
      520,
      { formula: 'E15+F15', result: 1020 },
      480,
      2300,
      null,
      null,
      null,
    ],
    [5, 'Quần áo các loại', '1000 cái', 3600, 300, 310, { formula: 'E16+F16' }, 290, 1400, null, null, null],
    [
      'III',
      'TỔNG MỨC BLHH VÀ DTDVTD',
      'Tỷ đồng',
      '28.800',
      '2.260',
      '2.300,5',
      '14.659,9',
      '2.100',
      '12.026,2',
      null,
      '121,9',
      '50,9',
    ],
    [],
    [null, null, null, null, null, null, null, 'Bình Phước, ngày 05 tháng 6 năm 2023'],
    [null, 'Người lập biểu', null, null, null, null, null, 'Thủ trưởng đơn vị'],
    [null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, 12345],
  ];
  const merges = ['A1:C1', 'F1:J1', 'A4:L4', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:G6', 'H6:I6', 'J6:L6'];
  return { rows, merges };
}

describe('a layout of the same family that is not among the samples', () => {
  it('finds the table under the title block, reads two merged header rows and skips the column codes and the signature block', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'bao-cao-thang-5.xlsx'), [{ name: 'Biểu 01', ...monthlyReport() }]);
    const preview = await previewImport(api, [file]);
    const f = preview.files[0];
    expect(f?.period).toMatchObject({ key: '2023-05', how: 'cell', sheet: 'Biểu 01', cell: 'A4' });
    expect(f?.unit).toMatchObject({ code: 'TINH', how: 'default' });
    const sheet = sheetOf(preview, 'Biểu 01');
    expect(sheet.headerRows).toEqual([6, 7]);
    expect(sheet.firstDataRow).toBe(9);
    const label = (c: string) => sheet.columns.find((x) => x.column === c)?.label;
    expect(label('D')).toBe('Kế hoạch năm 2023');
    expect(label('E')).toBe('Tháng 4/2023 (thực hiện)');
    expect(label('F')).toBe('Tháng 5/2023 (ước tính)');
    expect(label('G')).toBe('5 tháng năm 2023 (thực hiện)');
    expect(label('H')).toBe('Tháng 5/2022');
    expect(label('I')).toBe('5 tháng năm 2022');
    expect(label('J')).toBe('Kiểm tra: Tháng 5/2023 so với Tháng 5/2022 (%)');
    expect(label('L')).toBe('Kiểm tra: 5 tháng năm 2023 so với Kế hoạch năm 2023 (%)');
    expect(sheet.rows.map((r) => r.row)).not.toContain(19);
    expect(sheet.rows.map((r) => r.row)).not.toContain(21);
    expect(rowAt(sheet, 12)).toMatchObject({ stt: '1.1', state: 'matched', match: { code: 'SPCN_NUOC' } });
    expect(rowAt(sheet, 11)).toMatchObject({
      name: '- Điện sản xuất',
      state: 'matched',
      match: { code: 'SPCN_DIEN_SX' },
    });
    expect(rowAt(sheet, 9)).toMatchObject({ state: 'matched', match: { code: 'GTSXCN' } });
    expect(rowAt(sheet, 17)).toMatchObject({ state: 'matched', match: { code: 'BLHH' } });
  });

  it('warns when the period chosen is not the one the title names', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'bao-cao-thang-5.xlsx'), [{ name: 'Biểu 01', ...monthlyReport() }]);
    const preview = await previewImport(api, [file], { period: '2023-06' });
    expect(preview.files[0]?.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        kind: 'period-differs',
        cell: 'A4',
        message: expect.stringContaining('ghi Tháng 5/2023 (Biểu 01!A4) nhưng kỳ đã chọn là Tháng 6/2023'),
      }),
    ]);
  });

  it('reads text in Vietnamese notation, takes "-" and "x" as no figure, and reports prose and an uncached formula by cell', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'bao-cao-thang-5.xlsx'), [{ name: 'Biểu 01', ...monthlyReport() }]);
    const preview = await previewImport(api, [file]);
    const sheet = sheetOf(preview, 'Biểu 01');
    expect(valueAt(sheet, 'G17')).toMatchObject({ code: 'BLHH', value: 14659.9, target: { period: '2023-L05' } });
    expect(valueAt(sheet, 'E17')).toMatchObject({ value: 2260, target: { period: '2023-04' } });
    expect(valueAt(sheet, 'D17')).toMatchObject({ value: 28800, target: { kind: 'plan', year: 2023, level: 'giao' } });
    expect(valueAt(sheet, 'G15')).toMatchObject({ code: 'SPCN_GIAYDEP', value: 1020 });
    expect(sheet.values.some((v) => v.cell === 'F13' || v.cell === 'D13')).toBe(false);
    const notNumber = sheet.findings.find((x) => x.cell === 'F14');
    expect(notNumber).toMatchObject({ severity: 'warning', kind: 'not-a-number', code: 'SPCN_DIEU' });
    expect(notNumber?.message).toContain('Biểu 01!F14');
    expect(notNumber?.message).toContain('8.290 tấn (↓3,32%)');
    const formula = sheet.findings.find((x) => x.cell === 'G16');
    expect(formula).toMatchObject({ kind: 'formula-without-result', code: 'SPCN_QUANAO' });
    expect(formula?.message).toContain('=E16+F16');
    expect(sheet.values.some((v) => v.cell === 'F14' || v.cell === 'G16')).toBe(false);
    // Water in "1000 m3" is the catalog's nghìn m3; the percentages agree with the figures.
    expect(valueAt(sheet, 'F12')).toMatchObject({ code: 'SPCN_NUOC', value: 2050, status: 'estimate' });
    expect(sheet.findings.filter((x) => x.kind === 'stated-percent')).toEqual([]);
  });

  it('imports a layout with a code column, named months ("Tháng 02/2026") and a unit note above the table', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'xnk-2026.xlsx'), [
      {
        name: 'XNK',
        rows: [
          ['KIM NGẠCH XUẤT NHẬP KHẨU HÀNG HÓA'],
          ['Đơn vị tính: Nghìn USD'],
          ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Tháng 01/2026', 'Tháng 02/2026', 'Cộng dồn', 'Ghi chú'],
          ['XK', 'Xuất khẩu', 120_500, 98_300, 218_800, 'Cục Hải quan'],
          ['nk', 'Nhập khẩu hàng hóa', 80_000, 75_250, 155_250, null],
          ['XK_CAOSU_GT', 'Cao su (giá trị)', 30_100, 25_000, 55_100, null],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2026-02' });
    const sheet = sheetOf(preview, 'XNK');
    expect(sheet.rows.map((r) => [r.match?.code, r.match?.how])).toEqual([
      ['XK', 'code'],
      ['NK', 'code'],
      ['XK_CAOSU_GT', 'code'],
    ]);
    expect(rowAt(sheet, 4).conversion).toMatchObject({ from: 'Nghìn USD', to: 'triệu USD', factor: 0.001 });
    await commitImport(api, [file], { period: '2026-02' });
    expect((await gridRow(api, '2026-01', 'XK')).value).toBe(120.5);
    expect((await gridRow(api, '2026-02', 'NK')).value).toBe(75.25);
    expect((await gridRow(api, '2026-L02', 'XK_CAOSU_GT')).value).toBe(55.1);
  });

  it('takes a row of another unit family as a finding, never as a figure', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'sai-don-vi.xlsx'), [
      {
        name: 'Biểu',
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          [1, 'Xi măng Portland đen', 'm3', 1200],
          [2, 'Kim ngạch xuất khẩu', 'tỷ đồng', 1500],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-05' });
    const sheet = sheetOf(preview, 'Biểu');
    expect(sheet.rows.map((r) => r.state)).toEqual(['unit_mismatch', 'unit_mismatch']);
    expect(sheet.findings.filter((f) => f.kind === 'unit-family').map((f) => f.cell)).toEqual(['B2', 'B3']);
    expect(sheet.values).toEqual([]);
  });
});

describe('what a cell can hold', () => {
  it('reads rich text and hyperlinks as text, and reports a date or an error value in a figure cell by its address', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'o.xlsx'), [
      {
        name: 'Biểu',
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Thực hiện cùng kỳ'],
          [
            1,
            { richText: [{ text: 'Điện ' }, { font: { bold: true }, text: 'sản xuất' }] } as unknown as Figure,
            'triệu kWh',
            120,
            new Date(Date.UTC(2023, 4, 1)) as unknown as Figure,
          ],
          [
            2,
            { text: 'Điện thương phẩm', hyperlink: 'https://evn.com.vn' } as unknown as Figure,
            'triệu kWh',
            { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as Figure,
            100,
          ],
          [3, 'Cao su', 'nghìn tấn', { formula: 'D4', result: '-' }, 2.5],
        ],
      },
      {
        name: 'Ẩn',
        hidden: true,
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          [1, 'Điện sản xuất', 'triệu kWh', 999],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-05' });
    const sheet = sheetOf(preview, 'Biểu');
    expect(rowAt(sheet, 2)).toMatchObject({ name: 'Điện sản xuất', state: 'matched', match: { code: 'SPCN_DIEN_SX' } });
    expect(rowAt(sheet, 3)).toMatchObject({
      name: 'Điện thương phẩm',
      state: 'matched',
      match: { code: 'SPCN_DIEN_TP' },
    });
    expect(sheet.findings.find((f) => f.cell === 'E2')?.message).toContain('Ô có ngày 2023-05-01, không phải một số.');
    expect(sheet.findings.find((f) => f.cell === 'D3')?.message).toContain('Ô có lỗi #DIV/0! (công thức =1/0).');
    expect(sheet.values.map((v) => v.cell)).toEqual(['D2', 'E3', 'E4']);
    expect(sheetOf(preview, 'Ẩn')).toMatchObject({ state: 'hidden', values: [] });
  });
});

describe('figures formatted as percentages', () => {
  it('reads a percentage as the clerk sees it (39,2%, not the 0,392 Excel stores), in data and check columns alike', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'cchc.xlsx'), [
      {
        name: 'CCHC',
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Thực hiện cùng kỳ', 'So với cùng kỳ (%)'],
          [1, 'Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính', '%', 0.392, 0.35, null],
          [2, 'Tỷ lệ dịch vụ công trực tuyến mức độ 4', '%', 1, 0.9, null],
          [3, 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ', '%', null, null, 1.0579],
          [4, 'Điện sản xuất', 'triệu kWh', 120, 100, 1.2],
        ],
        formats: { D2: '0.0%', E2: '0.0%', D3: '0%', E3: '0%', F4: '0.0%', F5: '0.00%' },
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2022-06' });
    const sheet = sheetOf(preview, 'CCHC');
    expect(valueAt(sheet, 'D2')).toMatchObject({ code: 'CCHC_CATGIAM', value: 39.2, shown: '39,2%' });
    expect(valueAt(sheet, 'E2')).toMatchObject({ code: 'CCHC_CATGIAM', value: 35 });
    expect(valueAt(sheet, 'D3')).toMatchObject({ code: 'CCHC_DVC4', value: 100 });
    expect(valueAt(sheet, 'F4')).toMatchObject({ code: 'IIP', value: 105.79 });
    // 120 against 100 is the 120% the check column states once read as a percentage: no finding.
    expect(sheet.findings.filter((f) => f.cell === 'F5')).toEqual([]);
  });
});

describe('figures no indicator of their kind can hold', () => {
  it('refuses a negative flow, an index or a ratio out of range, cell by cell, and warns of a cumulative below its own month', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'sai.xlsx'), [
      {
        name: 'BC',
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Cộng dồn', 'So với cùng kỳ (%)'],
          [1, 'Điện sản xuất', 'triệu kWh', -5, 600, null],
          [2, 'Công nghiệp chế biến, chế tạo', '%', '1.234,5', null, 116.67],
          [3, 'Tỷ lệ dịch vụ công trực tuyến mức độ 4', '%', 120, null, null],
          [4, 'Xi măng Portland đen', 'Tấn', 400, 24, null],
          [5, 'Hạt điều nhân', 'Tấn', 5000, 25000, null],
          [6, 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ', '%', 105.79, null, 116.67],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-05' });
    const sheet = sheetOf(preview, 'BC');
    const refused = sheet.findings.filter((f) => f.kind === 'out-of-range');
    expect(refused.map((f) => f.cell)).toEqual(['D2', 'D3', 'D4']);
    expect(refused[0]?.message).toBe(
      'BC!D2 (SPCN_DIEN_SX, cột "Thực hiện kỳ báo cáo"): "Điện sản xuất" Tháng 5/2023 là số âm (-5,0): số liệu cộng dồn được không thể âm. Ô này không được nhập; hãy sửa trong tệp.',
    );
    expect(refused[1]?.message).toContain('ngoài khoảng hợp lý 20–500');
    expect(refused[2]?.message).toContain('ngoài khoảng 0–100%');
    expect(refused.every((f) => f.severity === 'error')).toBe(true);
    // The refused index is not taken from its comparison column instead; an index given twice is checked.
    expect(sheet.values.map((v) => v.cell)).toEqual(['E2', 'D5', 'E5', 'D6', 'E6', 'D7']);
    expect(sheet.findings.find((f) => f.cell === 'F7')?.message).toBe(
      'BC!F7: "So với cùng kỳ (%)" của IIP ghi 116,67, nhưng ô D7 ghi chỉ số Tháng 5/2023 là 105,79.',
    );

    const below = sheet.findings.filter((f) => f.kind === 'cumulative-below-month');
    expect(below).toHaveLength(1);
    expect(below[0]).toMatchObject({ severity: 'warning', cell: 'E5', code: 'SPCN_XIMANG' });
    expect(below[0]?.message).toBe(
      'Dòng 5 (SPCN_XIMANG): 5 tháng năm 2023 là 24, nhỏ hơn số Tháng 5/2023 là 400; một trong hai ô BC!E5 và BC!D5 có thể sai.',
    );
  });
});

describe('a workbook sent by a browser', () => {
  it('imports from its bytes as from a file on disk, reporting progress up to the end', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'gui-len.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 12],
        ],
      },
    ]);
    const { sessionId, files } = await api.call('import.read', {
      files: [{ name: 'gui-len.xlsx', contentBase64: readFileSync(file).toString('base64') }],
    });
    expect(files.map((f) => f.name)).toEqual(['gui-len.xlsx']);
    const fractions: number[] = [];
    for (;;) {
      const progress = await api.call('import.progress', { sessionId });
      fractions.push(progress.fraction);
      if (progress.done) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const result = await api.call('import.commit', { sessionId, period: '2023-05' });
    expect(result.files).toEqual([expect.objectContaining({ name: 'gui-len.xlsx', changed: 1 })]);
    expect((await gridRow(api, '2023-05', 'SPCN_DIEN_SX')).source).toMatchObject({
      kind: 'imported',
      file: 'gui-len.xlsx',
      sheet: 'A',
      cell: 'C2',
    });
    // The session ends with the commit.
    expect((await refusalOf(api.call('import.preview', { sessionId }))).code).toBe('not_found');
  });
});

describe('mapping rows and columns by hand', () => {
  const layout = (figures: [number, number]): Figure[][] => [
    ['STT', 'Nội dung', 'ĐVT', 'Hải quan', 'Cùng kỳ'],
    [1, 'Xuất khẩu hàng hóa (số Hải quan)', 'Triệu USD', figures[0], 50],
    [2, 'Bán lẻ sản phẩm hạt điều', 'Tỷ đồng', figures[1], 40],
  ];

  it('imports a row and a column the clerk mapped, and remembers both for the next workbook of that layout', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const may = await writeWorkbook(join(dir, 'hai-quan-thang-5.xlsx'), [{ name: 'HQ', rows: layout([61.1, 7.5]) }]);
    const { sessionId } = await readForImport(api, [may]);
    const before = await listedPreview(api, { sessionId, period: '2023-05' });
    expect(sheetOf(before, 'HQ').columns.find((c) => c.column === 'D')).toMatchObject({
      role: null,
      label: 'Không nhận ra',
    });
    expect(rowAt(sheetOf(before, 'HQ'), 2).state).not.toBe('matched');

    const choices = {
      sessionId,
      period: '2023-05',
      rows: [
        { sheet: 'HQ', row: 2, code: 'XK' },
        { sheet: 'HQ', row: 3, code: null },
      ],
      columns: [
        {
          sheet: 'HQ',
          column: 'D',
          role: {
            role: 'data' as const,
            target: { kind: 'value' as const, at: { anchor: 'report' as const } },
            status: 'actual' as const,
          },
        },
      ],
    };
    const mapped = await listedPreview(api, choices);
    expect(rowAt(sheetOf(mapped, 'HQ'), 2)).toMatchObject({ state: 'matched', match: { code: 'XK', how: 'manual' } });
    expect(rowAt(sheetOf(mapped, 'HQ'), 3)).toMatchObject({ state: 'ignored' });
    expect(sheetOf(mapped, 'HQ').columns.find((c) => c.column === 'D')).toMatchObject({
      how: 'manual',
      label: 'Tháng 5/2023 (thực hiện)',
    });
    const result = await api.call('import.commit', choices);
    expect(result).toMatchObject({
      aliasesAdded: [{ code: 'XK', alias: 'Xuất khẩu hàng hóa (số Hải quan)' }],
      layoutsRemembered: 1,
    });
    expect((await gridRow(api, '2023-05', 'XK')).value).toBe(61.1);
    expect((await gridRow(api, '2022-05', 'XK')).value).toBe(50);
    expect((await api.call('catalog.list', {})).find((i) => i.code === 'XK')?.aliases).toContain(
      'Xuất khẩu hàng hóa (số Hải quan)',
    );

    // June's workbook of the same layout: nothing to map again.
    const june = await writeWorkbook(join(dir, 'hai-quan-thang-6.xlsx'), [{ name: 'HQ', rows: layout([64.2, 8]) }]);
    const next = await previewImport(api, [june], { period: '2023-06' });
    const sheet = sheetOf(next, 'HQ');
    expect(sheet.remembered).toBe(true);
    expect(sheet.columns.find((c) => c.column === 'D')).toMatchObject({
      how: 'layout',
      label: 'Tháng 6/2023 (thực hiện)',
    });
    expect(rowAt(sheet, 2)).toMatchObject({ state: 'matched', match: { code: 'XK', how: 'layout' } });
    expect(rowAt(sheet, 3)).toMatchObject({ state: 'ignored' });
    expect(valueAt(sheet, 'D2')).toMatchObject({
      code: 'XK',
      value: 64.2,
      target: { period: '2023-06' },
      change: 'new',
    });
    expect((await api.call('import.layouts.list', {})).map((l) => l.signature)).toEqual([sheet.signature]);
  });

  it('recognizes the taught name in a workbook of another layout, as an alias', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const first = await writeWorkbook(join(dir, 'a.xlsx'), [{ name: 'HQ', rows: layout([61.1, 7.5]) }]);
    const { sessionId } = await readForImport(api, [first]);
    await api.call('import.commit', { sessionId, period: '2023-05', rows: [{ sheet: 'HQ', row: 2, code: 'XK' }] });
    const other = await writeWorkbook(join(dir, 'b.xlsx'), [
      {
        name: 'Khác',
        rows: [
          ['Chỉ tiêu', 'Đơn vị tính', 'Thực hiện kỳ báo cáo'],
          ['XUẤT KHẨU HÀNG HÓA (SỐ HẢI QUAN)', 'triệu USD', 70],
        ],
      },
    ]);
    const preview = await previewImport(api, [other], { period: '2023-07' });
    expect(rowAt(sheetOf(preview, 'Khác'), 2)).toMatchObject({ state: 'matched', match: { code: 'XK', how: 'alias' } });
  });

  it('learns nothing from a mapping it refused: no alias, and the next workbook of that layout asks again', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const may = await writeWorkbook(join(dir, 'a.xlsx'), [{ name: 'HQ', rows: layout([61.1, 7.5]) }]);
    const { sessionId } = await readForImport(api, [may]);
    const choices = {
      sessionId,
      period: '2023-05',
      rows: [
        { sheet: 'HQ', row: 2, code: 'XK' },
        { sheet: 'HQ', row: 3, code: 'SPCN_GIAYDEP' },
      ],
    };
    expect(rowAt(sheetOf(await listedPreview(api, choices), 'HQ'), 3)).toMatchObject({
      state: 'unit_mismatch',
      match: { code: 'SPCN_GIAYDEP', how: 'manual' },
    });
    const result = await api.call('import.commit', choices);
    expect(result.aliasesAdded).toEqual([{ code: 'XK', alias: 'Xuất khẩu hàng hóa (số Hải quan)' }]);
    expect((await api.call('catalog.list', {})).find((i) => i.code === 'SPCN_GIAYDEP')?.aliases).toEqual([]);

    const june = await writeWorkbook(join(dir, 'b.xlsx'), [{ name: 'HQ', rows: layout([64.2, 8]) }]);
    const sheet = sheetOf(await previewImport(api, [june], { period: '2023-06' }), 'HQ');
    expect(rowAt(sheet, 2)).toMatchObject({ state: 'matched', match: { code: 'XK', how: 'layout' } });
    expect(rowAt(sheet, 3).match?.code).not.toBe('SPCN_GIAYDEP');
  });

  it('refuses to map a row to a group, which holds no figures of its own', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'a.xlsx'), [{ name: 'HQ', rows: layout([61.1, 7.5]) }]);
    const { sessionId } = await readForImport(api, [file]);
    const preview = await listedPreview(api, {
      sessionId,
      period: '2023-05',
      rows: [{ sheet: 'HQ', row: 2, code: 'SPCN' }],
    });
    expect(rowAt(sheetOf(preview, 'HQ'), 2)).toMatchObject({ state: 'group' });
    expect(sheetOf(preview, 'HQ').values.filter((v) => v.row === 2)).toEqual([]);
  });
});

describe('several workbooks at once, each for its reporting unit', () => {
  const commune = (title: string | null, figure: number): Figure[][] => [
    ...(title ? [[title]] : []),
    ['BÁO CÁO THÁNG 5 NĂM 2023'],
    ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
    [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', figure],
  ];

  it('files each workbook under the unit it names or the unit chosen for it', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const tanLap = await api.call('units.create', { code: 'XA_TANLAP', name: 'Xã Tân Lập', kind: 'commune' });
    const dongXoai = await api.call('units.create', { code: 'P_DONGXOAI', name: 'Phường Đồng Xoài', kind: 'commune' });
    const a = await writeWorkbook(join(dir, 'tan-lap.xlsx'), [
      { name: 'BC', rows: commune('Đơn vị báo cáo: Xã Tân Lập', 12_500) },
    ]);
    const b = await writeWorkbook(join(dir, 'dong-xoai.xlsx'), [{ name: 'BC', rows: commune(null, 48_000) }]);
    const { sessionId, fileIds } = await readForImport(api, [a, b]);
    const preview = await api.call('import.preview', {
      sessionId,
      files: [{ fileId: fileIds[1] ?? '', unitId: dongXoai.id }],
    });
    expect(preview.files.map((f) => [f.unit?.name, f.unit?.how, f.unit?.cell ?? null])).toEqual([
      ['Xã Tân Lập', 'cell', 'A1'],
      ['Phường Đồng Xoài', 'chosen', null],
    ]);
    const result = await api.call('import.commit', {
      sessionId,
      files: [{ fileId: fileIds[1] ?? '', unitId: dongXoai.id }],
    });
    expect(result.files.map((f) => [f.unitId, f.changed])).toEqual([
      [tanLap.id, 1],
      [dongXoai.id, 1],
    ]);
    expect((await gridRow(api, '2023-05', 'BLHH', tanLap.id)).value).toBe(12.5);
    expect((await gridRow(api, '2023-05', 'BLHH', dongXoai.id)).value).toBe(48);
    expect((await gridRow(api, '2023-05', 'BLHH')).value).toBeNull();
    const [record] = await api.call('import.history', {});
    expect(record?.files.map((f) => f.unitName)).toEqual(['Xã Tân Lập', 'Phường Đồng Xoài']);
  });

  it('will not import a workbook that names a unit the list does not have, rather than file it under the province', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const a = await writeWorkbook(join(dir, 'khong-co.xlsx'), [
      { name: 'BC', rows: commune('Đơn vị báo cáo: Xã Không Có', 1) },
    ]);
    const { sessionId } = await readForImport(api, [a]);
    const preview = await api.call('import.preview', { sessionId });
    expect(preview.blockers).toEqual([expect.stringContaining('Xã Không Có')]);
    const refusal = await refusalOf(api.call('import.commit', { sessionId }));
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('danh sách đơn vị báo cáo không có đơn vị này');
  });
});

describe('figures that contradict each other or what is stored', () => {
  it('writes one figure when two cells agree and none when they disagree, saying where', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'trung.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 100],
          ['Điện thương phẩm', 'triệu kWh', 90],
        ],
      },
      {
        name: 'B',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 100],
          ['Điện thương phẩm', 'triệu kWh', 95],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-05' });
    expect(valueAt(sheetOf(preview, 'B'), 'C2').change).toBe('duplicate');
    expect(valueAt(sheetOf(preview, 'A'), 'C3').change).toBe('conflict');
    expect(valueAt(sheetOf(preview, 'B'), 'C3').change).toBe('conflict');
    expect(
      preview.files[0]?.sheets.flatMap((s) => s.findings).find((f) => f.kind === 'conflicting-cells')?.message,
    ).toContain('A!C3, B!C3');
    await commitImport(api, [file], { period: '2023-05' });
    expect((await gridRow(api, '2023-05', 'SPCN_DIEN_SX')).value).toBe(100);
    expect((await gridRow(api, '2023-05', 'SPCN_DIEN_TP')).value).toBeNull();
  });

  it('names the files when two workbooks of one unit disagree, and the columns when one row gives a period twice', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const rows = (figure: number): Figure[][] => [
      ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
      ['Điện sản xuất', 'triệu kWh', figure],
    ];
    const a = await writeWorkbook(join(dir, 'so-lieu-a.xlsx'), [{ name: 'SXCN', rows: rows(100) }]);
    const b = await writeWorkbook(join(dir, 'so-lieu-b.xlsx'), [{ name: 'SXCN', rows: rows(99) }]);
    const twoFiles = await previewImport(api, [a, b], { period: '2023-05' });
    // Told on both files, and counted among the figures that will not be imported.
    for (const file of twoFiles.files) {
      const across = file.sheets.flatMap((s) => s.findings).find((f) => f.kind === 'conflicting-cells');
      expect(across?.message).toContain('so-lieu-a.xlsx: SXCN!C2, so-lieu-b.xlsx: SXCN!C2 ghi số khác nhau (100; 99)');
      expect(file.counts).toMatchObject({ valuesConflicting: 1, errors: 1 });
    }
    expect(twoFiles.counts).toMatchObject({ valuesNew: 0, valuesConflicting: 2 });

    const june = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      {
        name: 'SXCN',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Ước thực hiện tháng 6'],
          ['Điện sản xuất', 'triệu kWh', 100, 104],
        ],
      },
    ]);
    const statuses = await writeWorkbook(join(dir, 'uoc.xlsx'), [
      {
        name: 'SXCN',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Ước thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 100, 100],
        ],
      },
    ]);
    const byStatus = sheetOf(await previewImport(api, [statuses], { period: '2023-05' }), 'SXCN');
    expect(byStatus.findings.find((f) => f.kind === 'conflicting-cells')?.message).toContain(
      'ghi số khác nhau (100 thực hiện; 100 ước tính)',
    );
    const sameRow = sheetOf(await previewImport(api, [june], { period: '2023-06' }), 'SXCN');
    expect(sameRow.findings.find((f) => f.kind === 'conflicting-cells')?.message).toContain(
      'Các cột C, D cùng được hiểu là số của Tháng 6/2023: hãy kiểm tra kỳ báo cáo đã chọn và cách đọc các cột.',
    );
  });

  it('does not write an estimate over the actual figure already stored', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'SPCN_XIMANG', value: 900, status: 'actual' }],
    });
    const file = await writeWorkbook(join(dir, 'cu.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Ước thực hiện tháng 6'],
          ['Xi măng Portland đen', 'Tấn', 850],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-05' });
    expect(valueAt(sheetOf(preview, 'A'), 'C2')).toMatchObject({
      change: 'kept',
      current: { value: 900, status: 'actual' },
      value: 850,
      status: 'estimate',
    });
    const result = await commitImport(api, [file], { period: '2023-05' });
    expect(result.changed).toBe(0);
    expect(await gridRow(api, '2023-06', 'SPCN_XIMANG')).toMatchObject({ value: 900, status: 'actual' });
  });

  it("replaces last month's estimate with the actual figure and shows it as a change", async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await api.call('values.set', {
      period: '2023-05',
      entries: [{ code: 'SPCN_XIMANG', value: 850, status: 'estimate' }],
    });
    const file = await writeWorkbook(join(dir, 'moi.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ trước'],
          ['Xi măng Portland đen', 'Tấn', 870],
        ],
      },
    ]);
    const preview = await previewImport(api, [file], { period: '2023-06' });
    expect(valueAt(sheetOf(preview, 'A'), 'C2')).toMatchObject({
      change: 'changed',
      current: { value: 850, status: 'estimate' },
      value: 870,
      status: 'actual',
    });
    await commitImport(api, [file], { period: '2023-06' });
    expect(await gridRow(api, '2023-05', 'SPCN_XIMANG')).toMatchObject({ value: 870, status: 'actual' });
  });
});
