import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadWorkbook } from '../../electron/backend/import/read-workbook';
import { makeDataDir } from '../support/data-dir';
import { writeWorkbook, type SheetSpec } from '../support/workbooks';
import { writeXls } from '../support/xls-workbooks';

const sheets: SheetSpec[] = [
  {
    name: 'Biểu 01',
    rows: [
      ['CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 8 NĂM 2026'],
      [null, 'Tháng 8 năm 2026 so với', null, '8 tháng năm 2026 so với cùng kỳ năm trước (%)'],
      [null, 'Tháng 7 năm 2026', 'Cùng kỳ năm trước', null],
      ['TOÀN NGÀNH CÔNG NGHIỆP', 1.0213, 1.0846, 1.0932],
      [1.1000000000000001, 'Khai khoáng', '14.659,9', { formula: 'B4+C4', result: 2.1059 }],
      ['Ngày báo cáo', 46247, null, null],
    ],
    merges: ['A1:D1', 'B2:C2', 'D2:D3', 'A2:A3'],
    formats: { B4: '0.00%', C4: '0.0%', D4: '0%', B6: 'dd/mm/yyyy' },
  },
  { name: 'Ẩn', hidden: true, rows: [['Ghi chú'], [42]] },
];

/** The sheets as plain data; merged ranges in reading order, since each writer lists them in its own. */
function grids(book: ReadWorkbook) {
  return book.sheets.map((s) => ({
    ...s,
    rows: [...s.rows].map(([r, cells]) => [r, [...cells]]),
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  }));
}

describe('an .xls workbook', () => {
  it('reads into the same cells as the .xlsx of the same sheets: percentages, dates, text figures, cached formula results, merges, hidden sheets', async () => {
    const dir = makeDataDir();
    const fromXlsx = await readWorkbook(
      { path: await writeWorkbook(join(dir, 'iip.xlsx'), sheets) },
      () => {},
      () => false,
    );
    const progress: number[] = [];
    const fromXls = await readWorkbook(
      { path: writeXls(join(dir, 'iip.xls'), sheets) },
      (f) => progress.push(f),
      () => false,
    );

    expect(grids(fromXls)).toEqual(grids(fromXlsx));
    const [table, hidden] = fromXls.sheets;
    expect(table?.rows.get(4)?.get(2)).toEqual({ t: 'n', v: 1.0213, percent: true });
    expect(table?.rows.get(5)?.get(1)).toEqual({ t: 'n', v: 1.1 });
    expect(table?.rows.get(5)?.get(3)).toEqual({ t: 's', v: '14.659,9' });
    expect(table?.rows.get(5)?.get(4)).toEqual({ t: 'n', v: 2.1059, formula: 'B4+C4' });
    expect(table?.rows.get(6)?.get(2)).toEqual({ t: 'd', v: '2026-08-13' });
    expect(table?.merges).toContainEqual({ top: 2, left: 2, bottom: 2, right: 3 });
    expect(hidden).toMatchObject({ name: 'Ẩn', hidden: true, maxRow: 2, maxCol: 1 });
    expect(progress.at(-1)).toBe(1);
    expect(fromXls).toMatchObject({ name: 'iip.xls', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('stops when the clerk cancels the reading', async () => {
    const dir = makeDataDir();
    const file = writeXls(join(dir, 'huy.xls'), sheets);
    await expect(
      readWorkbook(
        { path: file },
        () => {},
        () => true,
      ),
    ).rejects.toThrow('Đã hủy.');
  });
});
