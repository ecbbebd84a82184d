import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import {
  commitImport,
  previewImport,
  readForImport,
  rowAt,
  sheetOf,
  valueAt,
  writeTruncated,
  writeWorkbook,
  type ListedPreview,
  type SheetSpec,
} from '../support/workbooks';
import { writeXls, writeXlsWithNoise } from '../support/xls-workbooks';

/**
 * A statistics office's monthly report as it still arrives in .xls: title block naming the period, two merged
 * header rows, column codes, STT stored as a float, a figure typed as text in Vietnamese notation, a formula
 * with the result Excel cached, a sheet of percentages formatted as such, and a hidden working sheet.
 */
const report: SheetSpec[] = [
  {
    name: 'Biểu 01',
    rows: [
      ['UBND TỈNH BÌNH PHƯỚC', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['CỤC THỐNG KÊ', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
      [],
      ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP, THƯƠNG MẠI THÁNG 5 NĂM 2023'],
      [],
      ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch năm 2023', 'Thực hiện', null, null, 'Cùng kỳ năm 2022', null],
      [null, null, null, null, 'Tháng 4/2023', 'Ước tháng 5/2023', 'Cộng dồn 5 tháng', 'Tháng 5', 'Cộng dồn'],
      ['A', 'B', 'C', 1, 2, 3, 4, 5, 6],
      ['I', 'GIÁ TRỊ SẢN XUẤT CÔNG NGHIỆP (giá so sánh 2010)', 'Tỷ đồng', 12000, 1000, 1100, 5000, 1000, 4500],
      ['II', 'Sản phẩm chủ yếu'],
      [1, '- Điện sản xuất', 'Triệu KWh', 1200, 100, 105, 500, 95, 450],
      [1.1000000000000001, 'Nước máy thương phẩm', '1000 m3', 24000, 2000, 2050, 10000, 1900, 9000],
      [
        2,
        'Giày, dép có đế hoặc mũ bằng da',
        'Nghìn đôi',
        6000,
        500,
        520,
        { formula: 'E13+F13', result: 1020 },
        480,
        2300,
      ],
      ['III', 'TỔNG MỨC BLHH VÀ DTDVTD', 'Tỷ đồng', '28.800', '2.260', '2.300,5', '14.659,9', '2.100', '12.026,2'],
      [],
      [null, null, null, null, null, null, 'Bình Phước, ngày 05 tháng 6 năm 2023'],
      [null, 'Người lập biểu', null, null, null, null, 'Thủ trưởng đơn vị'],
    ],
    merges: ['A1:C1', 'F1:I1', 'A4:I4', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:G6', 'H6:I6'],
  },
  {
    name: 'CCHC',
    rows: [
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Thực hiện cùng kỳ'],
      [1, 'Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính', '%', 0.392, 0.35],
      [2, 'Tỷ lệ dịch vụ công trực tuyến mức độ 4', '%', 1, 0.9],
    ],
    formats: { D2: '0.0%', E2: '0.0%', D3: '0%', E3: '0%' },
  },
  {
    name: 'Nháp',
    hidden: true,
    rows: [
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
      [1, 'Điện sản xuất', 'triệu kWh', 999],
    ],
  },
];

/** What the clerk sees of a preview, with the file's name taken out so that the two formats can be compared. */
function seen(preview: ListedPreview, fileName: string) {
  const unnamed = (text: string) => text.split(fileName).join('<tệp>');
  return {
    blockers: preview.blockers.map(unnamed),
    files: preview.files.map((f) => ({
      period: f.period,
      unit: f.unit,
      findings: f.findings.map((x) => ({ ...x, message: unnamed(x.message) })),
      sheets: f.sheets.map((s) => ({
        name: s.name,
        state: s.state,
        headerRows: s.headerRows,
        firstDataRow: s.firstDataRow,
        columns: s.columns,
        rows: s.rows,
        findings: s.findings.map((x) => ({ ...x, message: unnamed(x.message) })),
        values: s.values.map((v) => ({
          cell: v.cell,
          code: v.code,
          target: v.target,
          shown: v.shown,
          read: v.read,
          value: v.value,
          status: v.status,
          change: v.change,
        })),
      })),
    })),
  };
}

async function storedCount(api: ApiClient, period: string): Promise<number> {
  const grid = await api.call('values.grid', { period });
  return grid.rows.filter((r) => r.value !== null).length;
}

describe('a legacy Excel 97-2003 workbook (.xls)', () => {
  it(
    'shows the same rows, figures, periods and findings as the .xlsx of the same layout',
    { timeout: 60_000 },
    async () => {
      const dir = makeDataDir();
      const { api } = startBackend(dir);
      const xlsx = await writeWorkbook(join(dir, 'bao-cao-thang-5.xlsx'), report);
      const xls = writeXls(join(dir, 'bao-cao-thang-5.xls'), report);

      const fromXlsx = await previewImport(api, [xlsx]);
      const fromXls = await previewImport(api, [xls]);
      expect(seen(fromXls, 'bao-cao-thang-5.xls')).toEqual(seen(fromXlsx, 'bao-cao-thang-5.xlsx'));

      // The same, and right: the period from the merged title, the figures the clerk sees in each cell.
      expect(fromXls.files[0]?.period).toMatchObject({ key: '2023-05', how: 'cell', sheet: 'Biểu 01', cell: 'A4' });
      const sheet = sheetOf(fromXls, 'Biểu 01');
      expect(sheet.headerRows).toEqual([6, 7]);
      expect(rowAt(sheet, 12)).toMatchObject({ stt: '1.1', state: 'matched', match: { code: 'SPCN_NUOC' } });
      expect(valueAt(sheet, 'G14')).toMatchObject({ code: 'BLHH', value: 14659.9, target: { period: '2023-L05' } });
      expect(valueAt(sheet, 'D14')).toMatchObject({
        code: 'BLHH',
        value: 28800,
        target: { kind: 'plan', year: 2023, level: 'giao' },
      });
      expect(valueAt(sheet, 'G13')).toMatchObject({ code: 'SPCN_GIAYDEP', value: 1020 });
      expect(valueAt(sheet, 'F11')).toMatchObject({ code: 'SPCN_DIEN_SX', value: 105, status: 'estimate' });
      const percents = sheetOf(fromXls, 'CCHC');
      expect(valueAt(percents, 'D2')).toMatchObject({ code: 'CCHC_CATGIAM', value: 39.2, shown: '39,2%' });
      expect(valueAt(percents, 'D3')).toMatchObject({ code: 'CCHC_DVC4', value: 100 });
      expect(sheetOf(fromXls, 'Nháp')).toMatchObject({ state: 'hidden', values: [] });
    },
  );

  it('imports its figures in one go, as the .xlsx would', { timeout: 60_000 }, async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const xls = writeXls(join(dir, 'bao-cao-thang-5.xls'), report);
    const preview = await previewImport(api, [xls]);
    const figures =
      preview.files[0]?.sheets.reduce((n, s) => n + s.values.filter((v) => v.change === 'new').length, 0) ?? 0;
    expect(figures).toBeGreaterThan(10);

    const result = await commitImport(api, [xls]);
    expect(result.changed).toBe(figures);
    const retail = (await api.call('values.grid', { period: '2023-L05' })).rows.find((r) => r.code === 'BLHH');
    expect(retail?.value).toBe(14659.9);
    expect((await api.call('import.history', {})).map((h) => h.files.map((f) => f.name))).toEqual([
      ['bao-cao-thang-5.xls'],
    ]);
  });

  for (const [what, make] of [
    [
      'cut short in download',
      (dir: string) => writeTruncated(writeXls(join(dir, 'goc.xls'), report), join(dir, 'cat-ngang.xls')),
    ],
    [
      'with noise after a whole Compound File header',
      (dir: string) => writeXlsWithNoise(writeXls(join(dir, 'goc.xls'), report), join(dir, 'nhieu.xls')),
    ],
  ] as const) {
    it(`says in Vietnamese that an .xls ${what} is damaged, and the figures stored stay as they were`, async () => {
      const dir = makeDataDir();
      const { api } = startBackend(dir);
      await api.call('values.set', {
        period: '2023-05',
        entries: [
          { code: 'SPCN_DIEN_SX', value: 99 },
          { code: 'BLHH', value: 14000 },
        ],
      });
      const before = await storedCount(api, '2023-05');
      const bad = make(dir);

      const { sessionId } = await readForImport(api, [bad]);
      const progress = await api.call('import.progress', { sessionId });
      expect(progress.files[0]).toMatchObject({ state: 'failed', error: { code: 'corrupt' } });
      expect(progress.files[0]?.error?.message).toMatch(
        /^Tệp \S+\.xls bị hỏng hoặc không trọn vẹn .*mở trong Excel rồi lưu lại/,
      );
      await expect(api.call('import.commit', { sessionId, period: '2023-05' })).rejects.toThrow(
        /bị hỏng hoặc không trọn vẹn/,
      );

      expect(before).toBe(2);
      expect(await storedCount(api, '2023-05')).toBe(before);
      expect(await api.call('import.history', {})).toEqual([]);
    });
  }
});
