import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { createApiClient } from '../../shared/api/client';
import { exportReportOutputSchema } from '../../shared/api/export-entities';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures, enterTwoYears, exportOf } from '../support/export-data';
import { findText, readWithPython, type PySheet } from '../support/python-xlsx';

function rowNamed(sheet: PySheet, name: string, unit?: string): number {
  const rows = findText(sheet, new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`))
    .filter((c) => c.address.startsWith('B'))
    .map((c) => Number(c.address.slice(1)))
    .filter((r) => unit === undefined || sheet.cells[`C${r}`]?.v === unit);
  if (rows.length !== 1) throw new Error(`expected one row named ${name}, found ${rows.length}`);
  return rows[0] ?? 0;
}

/** The column whose heading (upper or lower header row) is exactly `heading`. */
function columnHeaded(sheet: PySheet, heading: string): string {
  const found = Object.entries(sheet.cells).filter(([a, c]) => /^[A-Z]+(9|10)$/.test(a) && c.v === heading);
  if (found.length !== 1) throw new Error(`expected one heading "${heading}", found ${found.length}`);
  return (found[0]?.[0] ?? '').replace(/\d+$/, '');
}

describe('the 2023-H1 report of the seed figures, opened by a reader that is not exceljs', () => {
  let sheet: PySheet;
  let book: ReturnType<typeof readWithPython>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-seed-report-'));
    const backend = createBackend({ dataDir: join(dir, 'data') });
    try {
      await enterSeedFigures(createApiClient((op, input) => backend.call(op, input)));
      const out = await exportOf(backend, { period: '2023-H1', saveTo: join(dir, 'bao-cao.xlsx') });
      // What the operation would send through a door: the proposed output schema, without the in-process bytes.
      const { bytes: _bytes, ...output } = out;
      expect(exportReportOutputSchema.strict().parse(output)).toEqual(output);
      book = readWithPython(out.path ?? '');
      sheet = book.sheets[0] as PySheet;
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the figures, and the comparisons as formulas whose cached results are 59,5 and 198,9 for XNK', () => {
    const xnk = rowNamed(sheet, 'Tổng kim ngạch xuất nhập khẩu hàng hóa');
    const blhh = rowNamed(sheet, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng');
    const plan = columnHeaded(sheet, 'Kế hoạch năm 2023');
    const value = columnHeaded(sheet, 'Ước thực hiện 6 tháng đầu năm 2023');
    const same = columnHeaded(sheet, '6 tháng đầu năm 2022');
    const vsSame = columnHeaded(sheet, '6 tháng đầu năm 2023 so với cùng kỳ');
    const vsPlan = columnHeaded(sheet, '6 tháng đầu năm 2023 so với kế hoạch năm');

    expect(sheet.cells[`${plan}${xnk}`]).toMatchObject({ t: 'n', v: 3798.3, numFmt: '#,##0.0' });
    expect(sheet.cells[`${value}${xnk}`]).toMatchObject({ t: 'n', v: 2260, numFmt: '#,##0.0' });
    expect(sheet.cells[`${same}${xnk}`]).toMatchObject({ v: 1136.2 });
    expect(sheet.cells[`${vsPlan}${xnk}`]).toMatchObject({
      t: 'n',
      v: 59.5,
      f: `ROUND(${value}${xnk}/${plan}${xnk}*100,1)`,
      numFmt: '#,##0.0',
    });
    expect(sheet.cells[`${vsSame}${xnk}`]).toMatchObject({
      t: 'n',
      v: 198.9,
      f: `ROUND(${value}${xnk}/${same}${xnk}*100,1)`,
    });
    // BLHH: 54,5% of the plan, up 21,9% (seed 000).
    expect(sheet.cells[`${value}${blhh}`]).toMatchObject({ v: 14659.9 });
    expect(sheet.cells[`${vsPlan}${blhh}`]).toMatchObject({ v: 54.5 });
    expect(sheet.cells[`${vsSame}${blhh}`]).toMatchObject({ v: 121.9 });
  });

  it('leaves an index uncompared: IIP shows the published 105,79 with its two decimals and no formula beside it', () => {
    const iip = rowNamed(sheet, 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ');
    const value = columnHeaded(sheet, 'Ước thực hiện 6 tháng đầu năm 2023');
    expect(sheet.cells[`${value}${iip}`]).toMatchObject({ v: 105.79, numFmt: '#,##0.00' });
    expect(sheet.cells[`${columnHeaded(sheet, '6 tháng đầu năm 2022')}${iip}`]?.v).toBe(105.66);
    const formulas = Object.entries(sheet.cells).filter(([a, c]) => Number(a.replace(/^[A-Z]+/, '')) === iip && c.f);
    expect(formulas).toEqual([]);
  });

  it('has the title block, the form number, the merged title with the Vietnamese period label and the unit note', () => {
    expect(sheet.cells.A1?.v).toBe('UBND TỈNH TÂY NINH');
    expect(sheet.cells.A2).toMatchObject({ v: 'SỞ CÔNG THƯƠNG', bold: true });
    expect(findText(sheet, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/)).toHaveLength(1);
    expect(findText(sheet, /^Độc lập - Tự do - Hạnh phúc$/)).toHaveLength(1);
    expect(sheet.cells.A3?.v).toBe('Biểu số: 01/BC-SCT');
    expect(sheet.cells.A5).toMatchObject({ v: 'BÁO CÁO CÁC CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG', bold: true, size: 14 });
    expect(sheet.cells.A6?.v).toBe('Kỳ báo cáo: 6 tháng đầu năm 2023');
    expect(sheet.cells.A7?.v).toBe('Đơn vị báo cáo: Toàn tỉnh');
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'A5:I5', 'A6:I6', 'A7:I7']));
    const motto = findText(sheet, /^CỘNG HÒA/)[0]?.address ?? '';
    expect(sheet.merges.some((m) => m.startsWith(`${motto}:`))).toBe(true);
    expect(findText(sheet, /^\(Đơn vị tính ghi theo từng chỉ tiêu ở cột C/)).toHaveLength(1);
  });

  it('has a two-row header with merged cells and the row of column codes A, B, C, 1, 2 …', () => {
    expect(sheet.merges).toEqual(
      expect.arrayContaining(['A9:A10', 'B9:B10', 'C9:C10', 'D9:D10', 'E9:E10', 'F9:F10', 'H9:I9']),
    );
    expect(sheet.cells.G9?.v).toBe('Thực hiện cùng kỳ năm trước');
    expect(sheet.cells.H9?.v).toBe('So sánh (%)');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => sheet.cells[`${c}11`]?.v)).toEqual([
      'A',
      'B',
      'C',
      '1',
      '2',
      '3',
      '4',
      '5=3/4',
      '6=3/1',
    ]);
    expect(sheet.cells.B9).toMatchObject({ bold: true });
  });

  it('numbers the rows with the catalog STT kept as text and sets parents in bold', () => {
    const xk = rowNamed(sheet, 'Kim ngạch xuất khẩu');
    const cashew = rowNamed(sheet, 'Hạt điều nhân', 'triệu USD');
    expect(sheet.cells[`A${xk}`]).toMatchObject({ t: 's', v: '1', bold: true });
    expect(sheet.cells[`A${cashew}`]).toMatchObject({ t: 's', v: '1.1', bold: false });
    expect(sheet.cells[`B${rowNamed(sheet, 'Kim ngạch nhập khẩu')}`]?.bold).toBe(false);
  });

  it('ends with the date line and the signature block', () => {
    expect(findText(sheet, /^Tây Ninh, ngày 10 tháng 07 năm 2023$/)).toHaveLength(1);
    const preparer = findText(sheet, /^NGƯỜI LẬP BIỂU$/)[0];
    const head = findText(sheet, /^GIÁM ĐỐC$/)[0];
    expect(preparer).toBeDefined();
    expect(head).toBeDefined();
    expect(sheet.cells[preparer?.address ?? '']?.bold).toBe(true);
    expect(findText(sheet, /^\(Ký, ghi rõ họ tên\)$/)).toHaveLength(2);
    expect(findText(sheet, /^Nguyễn Thị Lan$/)).toHaveLength(1);
    expect(findText(sheet, /^Trần Văn Hùng$/)).toHaveLength(1);
    // The signatures stand under the table, the head's on the right.
    const row = (a: string | undefined) => Number((a ?? '').replace(/^[A-Z]+/, ''));
    expect(row(preparer?.address)).toBeGreaterThan(rowNamed(sheet, 'Kim ngạch nhập khẩu'));
    expect(row(head?.address)).toBe(row(preparer?.address));
    expect((head?.address ?? '') > (preparer?.address ?? '')).toBe(true);
  });

  it('is set in Times New Roman, on A4 landscape fitted to the width, with the header rows repeated and panes frozen', () => {
    const fonts = new Set(
      Object.values(sheet.cells)
        .filter((c) => c.v !== null)
        .map((c) => c.font),
    );
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: '9',
      orientation: 'landscape',
      fitToWidth: '1',
      fitToHeight: '0',
    });
    expect(sheet.fitToPage).toBe('1');
    expect(book.definedNames['_xlnm.Print_Titles']?.[0]?.value).toBe("'Toàn tỉnh'!$9:$11");
    expect(sheet.pane).toMatchObject({ state: 'frozen', xSplit: '3', ySplit: '11', topLeftCell: 'D12' });
  });
});

describe('the columns of a report follow its period', () => {
  let dir: string;
  let backend: Backend;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-columns-'));
    backend = createBackend({ dataDir: dir });
    await enterTwoYears(createApiClient((op, input) => backend.call(op, input)));
  });

  afterAll(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const headings = async (period: string) =>
    (await exportOf(backend, { period })).summary.columns.map((c) => `${c.code} ${c.heading}`);

  it('January has no cumulative: the month is compared with the same month and with the plan', async () => {
    expect(await headings('2023-01')).toEqual([
      'A STT',
      'B Chỉ tiêu',
      'C Đơn vị tính',
      '1 Kế hoạch năm 2023',
      '2 Chỉ tiêu phấn đấu năm 2023',
      '3 Thực hiện tháng 12/2022',
      '4 Thực hiện tháng 1/2023',
      '5 Thực hiện cùng kỳ năm trước / Tháng 1/2022',
      '6=4/5 So sánh (%) / Tháng 1/2023 so với cùng kỳ',
      '7=4/1 So sánh (%) / Tháng 1/2023 so với kế hoạch năm',
      '8=4/2 So sánh (%) / Tháng 1/2023 so với chỉ tiêu phấn đấu',
    ]);
  });

  it('June has the six months beside the month, compared with last year and the plan', async () => {
    expect(await headings('2023-06')).toEqual([
      'A STT',
      'B Chỉ tiêu',
      'C Đơn vị tính',
      '1 Kế hoạch năm 2023',
      '2 Chỉ tiêu phấn đấu năm 2023',
      '3 Thực hiện tháng 5/2023',
      '4 Thực hiện tháng 6/2023',
      '5 Thực hiện 6 tháng đầu năm 2023',
      '6 Thực hiện cùng kỳ năm trước / Tháng 6/2022',
      '7 Thực hiện cùng kỳ năm trước / 6 tháng đầu năm 2022',
      '8=4/6 So sánh (%) / Tháng 6/2023 so với cùng kỳ',
      '9=5/7 So sánh (%) / 6 tháng đầu năm so với cùng kỳ',
      '10=5/1 So sánh (%) / 6 tháng đầu năm so với kế hoạch năm',
      '11=5/2 So sánh (%) / 6 tháng đầu năm so với chỉ tiêu phấn đấu',
    ]);
  });

  it('the six-month report has "Thực hiện tháng 6" before the six months, and the nine-month one its September', async () => {
    const h1 = await headings('2023-H1');
    expect(h1.slice(3, 7)).toEqual([
      '1 Kế hoạch năm 2023',
      '2 Chỉ tiêu phấn đấu năm 2023',
      '3 Thực hiện tháng 6/2023',
      '4 Thực hiện 6 tháng đầu năm 2023',
    ]);
    expect(await headings('2023-9M')).toContain('3 Thực hiện tháng 9/2023');
    // The month's own figure, not the six months': XK of June as entered month by month.
    const out = await exportOf(backend, { period: '2023-H1', saveTo: join(dir, 'h1.xlsx') });
    const sheet = readWithPython(out.path ?? '').sheets[0] as PySheet;
    const xk = rowNamed(sheet, 'Kim ngạch xuất khẩu');
    const june = await createApiClient((op, input) => backend.call(op, input)).call('values.grid', {
      period: '2023-06',
    });
    const xkJune = june.rows.find((r) => r.code === 'XK');
    expect(sheet.cells[`${columnHeaded(sheet, 'Thực hiện tháng 6/2023')}${xk}`]?.v).toBe(
      xkJune?.value ?? xkJune?.valueFromParts,
    );
    expect(sheet.cells[`${columnHeaded(sheet, 'Thực hiện tháng 6/2023')}${xk}`]?.v).not.toBe(
      sheet.cells[`${columnHeaded(sheet, 'Thực hiện 6 tháng đầu năm 2023')}${xk}`]?.v,
    );
  });

  it('October adds the estimate of the year and next year plan, where there are figures for them', async () => {
    const october = await headings('2023-10');
    expect(october).toContain('5 Lũy kế 10 tháng năm 2023');
    expect(october.slice(-3)).toEqual([
      '12 Ước thực hiện năm 2023',
      '13=12/1 Ước thực hiện năm 2023 so với kế hoạch năm (%)',
      '14 Kế hoạch năm 2024',
    ]);

    const { backend: bare, api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    const withoutFigures = (await exportOf(bare, { period: '2023-10' })).summary.columns.map((c) => c.heading);
    expect(withoutFigures.filter((h) => /năm 2024|Ước thực hiện năm/.test(h))).toEqual([]);
  });

  it('December compares the year with the plan', async () => {
    const december = await headings('2023-12');
    expect(december).toContain('5 Thực hiện năm 2023');
    expect(december).toContain('10=5/1 So sánh (%) / Năm 2023 so với kế hoạch năm');
    expect(december).toContain('12 Kế hoạch năm 2024');
  });

  it('says "Ước thực hiện" over a column that holds an estimate', async () => {
    const { backend: other, api } = startBackend(makeDataDir());
    await api.call('values.set', { period: '2023-07', entries: [{ code: 'XK', value: 61.1, status: 'estimate' }] });
    const columns = (await exportOf(other, { period: '2023-07' })).summary.columns.map((c) => c.heading);
    expect(columns).toContain('Ước thực hiện tháng 7/2023');
    expect(columns).toContain('Lũy kế 7 tháng năm 2023');
  });
});

describe('the title and signature blocks as Cài đặt words them', () => {
  it("names the committee once when the whole line is typed, and keeps a deputy's title on two lines", async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(join(dir, 'data'));
    await enterSeedFigures(api);
    await api.call('settings.set', { provinceName: 'UBND TỈNH TÂY NINH', headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' });
    const out = await exportOf(backend, { period: '2023-H1', saveTo: join(dir, 'bao-cao.xlsx') });
    const sheet = readWithPython(out.path ?? '').sheets[0] as PySheet;
    expect(sheet.cells.A1?.v).toBe('UBND TỈNH TÂY NINH');
    expect(findText(sheet, /^KT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC$/)).toHaveLength(1);
  });
});
