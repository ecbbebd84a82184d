import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { GridRow } from '../../shared/api/values-entities';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase, type Row } from '../support/sqlite-files';
import {
  commitImport,
  fillWorkbook,
  monthlyFiller,
  monthlyLayout,
  previewImport,
  rowAt,
  sampleFiles,
  sheetOf,
  valueAt,
  type RowInfo,
} from '../support/workbooks';

async function gridRow(api: ApiClient, period: string, code: string): Promise<GridRow> {
  const row = (await api.call('values.grid', { period })).rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

describe('bpc-thang-01.xlsx (January layout), filled and imported for January 2023', () => {
  it('puts every row whose name and unit match the catalog into its indicator and period, with units converted', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang01,
      join(dir, 'bpc-thang-01.xlsx'),
      monthlyLayout,
      monthlyFiller(),
    );

    const result = await commitImport(api, [file], { period: '2023-01' });

    expect(result.importId).toEqual(expect.any(Number));
    // BLHH in triệu đồng (row 2) lands in tỷ đồng.
    expect(await gridRow(api, '2023-01', 'BLHH')).toMatchObject({
      value: 14661.9,
      status: 'actual',
      source: { kind: 'imported', file: 'bpc-thang-01.xlsx', sheet: 'BLHH', cell: 'G2' },
    });
    expect((await gridRow(api, '2022-12', 'BLHH')).value).toBe(14661.8);
    expect((await gridRow(api, '2022-01', 'BLHH')).value).toBe(14661.7);
    // Products in their own units: M3 is m3, "1000 đôi" is nghìn đôi, Triệu KWh is triệu kWh, Tấn is tấn.
    expect(await gridRow(api, '2023-01', 'SPCN_DA')).toMatchObject({
      value: 1080,
      source: { sheet: 'SXCN', cell: 'G8' },
    });
    expect((await gridRow(api, '2023-01', 'SPCN_DIEU')).value).toBe(1090);
    expect((await gridRow(api, '2023-01', 'SPCN_GIAYDEP')).value).toBe(1140);
    expect((await gridRow(api, '2023-01', 'SPCN_BAOBI')).value).toBe(1180);
    expect((await gridRow(api, '2023-01', 'SPCN_XIMANG')).value).toBe(1210);
    expect((await gridRow(api, '2023-01', 'SPCN_DIEN_SX')).value).toBe(1250);
    expect((await gridRow(api, '2023-01', 'IIP_C')).value).toBe(104);
    // "… so với cùng kỳ theo giá so sánh năm 2010" is the catalog's IIP: the price basis is not part of the name.
    expect(await gridRow(api, '2023-01', 'IIP')).toMatchObject({ value: 102, source: { sheet: 'SXCN', cell: 'G2' } });
    // Gỗ cưa, xẻ in M2 is not the catalog's m3: never imported.
    expect((await gridRow(api, '2023-01', 'SPCN_GO')).value).toBeNull();
    // Under their headings, the parts of retail and the IIP's sectors are certain too ("Tổng mức bán lẻ hàng hóa"
    // under BLHH is BLHH_HH; "Công nghiệp khai khoáng" under the IIP is IIP_B).
    expect((await gridRow(api, '2023-01', 'BLHH_HH')).value).toBe(14662.9);
    expect(await gridRow(api, '2023-01', 'IIP_B')).toMatchObject({ value: 103, source: { sheet: 'SXCN', cell: 'G3' } });
    // Stated percentages are checks, not data: nothing was written for them.
    expect(result.valuesChanged).toBe(13 * 3);
  });

  it('lists what it did not recognize, with addresses, suggestions with their confidence, and the unit it refused', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang01,
      join(dir, 'bpc-thang-01.xlsx'),
      monthlyLayout,
      monthlyFiller(),
    );

    const preview = await previewImport(api, [file], { period: '2023-01' });
    const sx = sheetOf(preview, 'SXCN');

    expect(rowAt(sx, 22)).toMatchObject({
      cell: 'C22',
      name: 'Chì chưa gia công',
      unit: 'Tấn',
      state: 'unrecognized',
      match: null,
    });
    expect(rowAt(sx, 13)).toMatchObject({ cell: 'C13', name: 'Quần án các loại', state: 'suggested' });
    expect(rowAt(sx, 13).suggestions[0]).toMatchObject({ code: 'SPCN_QUANAO', confidence: expect.any(Number) });
    expect(rowAt(sx, 16)).toMatchObject({ state: 'unit_mismatch', match: { code: 'SPCN_GO' } });
    expect(sx.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', kind: 'unit-family', cell: 'C16', code: 'SPCN_GO' }),
    );
    expect(rowAt(sx, 8)).toMatchObject({ state: 'matched', match: { code: 'SPCN_DA', how: 'name' } });
    const blhh = sheetOf(preview, 'BLHH');
    expect(rowAt(blhh, 2)).toMatchObject({
      state: 'matched',
      match: { code: 'BLHH' },
      conversion: { from: 'Triệu đồng', to: 'tỷ đồng', factor: 0.001 },
    });
    expect(valueAt(blhh, 'G2')).toMatchObject({
      code: 'BLHH',
      target: { kind: 'value', period: '2023-01' },
      read: 14661900,
      value: 14661.9,
      change: 'new',
    });
    // The stated percentages agree with the figures, so they raise nothing.
    expect(sx.findings.filter((f) => f.kind === 'stated-percent')).toEqual([]);
    expect(sx.columns.find((c) => c.column === 'H')).toMatchObject({
      label: 'Kiểm tra: Tháng 1/2023 so với Tháng 12/2022 (%)',
      how: 'heading',
    });
  });

  it('writes nothing while previewing', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang01,
      join(dir, 'bpc-thang-01.xlsx'),
      monthlyLayout,
      monthlyFiller(),
    );
    const before = withRawDatabase(backend.database.file, (raw) => dumpTables(raw));
    const preview = await previewImport(api, [file], { period: '2023-01' });
    expect(preview.counts.valuesNew).toBe(13 * 3);
    expect(withRawDatabase(backend.database.file, (raw) => dumpTables(raw))).toEqual(before);
  });

  it('keeps the file name, its sha256, the sheet and the cell on every figure and change-log row', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang01,
      join(dir, 'bpc-thang-01.xlsx'),
      monthlyLayout,
      monthlyFiller(),
    );
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const result = await commitImport(api, [file], { period: '2023-01' });
    const [values, log] = withRawDatabase(backend.database.file, (raw) => [
      raw.prepare('SELECT * FROM indicator_values_full').all() as Row[],
      raw.prepare('SELECT * FROM change_log_full WHERE batch_id = ? ORDER BY id').all(result.batchId) as Row[],
    ]);
    expect(values).toHaveLength(13 * 3);
    expect(log).toHaveLength(13 * 3);
    for (const row of [...values, ...log]) {
      expect(row).toMatchObject({ source_kind: 'imported', source_file: 'bpc-thang-01.xlsx', source_sha256: sha256 });
      expect(row.source_sheet).toMatch(/^(BLHH|SXCN)$/);
      expect(row.source_cell).toMatch(/^[EFG]\d+$/);
    }
    expect(log.find((r) => r.indicator_code === 'SPCN_DA' && r.period === '2023-01')).toMatchObject({
      source_cell: 'G8',
      old_value: null,
      new_value: 1080,
    });
  });
});

describe('bpc-thang-05.xlsx (the six-month layout), imported for May 2023', () => {
  function fillSixMonths(info: RowInfo, column: string): number | undefined {
    if (info.unit === '') return undefined;
    const big = info.unit.toLowerCase().includes('triệu đồng');
    const base = big ? 2_000_000 + info.row * 1_000 : 500 + info.row;
    const figures: Record<string, number> = {
      E: base - 20, // Thực hiện cùng kỳ
      F: base * 5, // 6 tháng đầu năm cùng kỳ
      G: base * 12, // Kế hoạch năm
      H: base - 10, // kỳ trước
      I: base, // kỳ báo cáo
      J: base + 10, // Ước thực hiện tháng 6
      K: base * 6, // Ước thực hiện 6 tháng
    };
    if (column in figures) return figures[column];
    if (column === 'L') return round1((base / (base - 10)) * 100);
    if (column === 'M') return round1(((base * 6) / (base * 5)) * 100);
    if (column === 'N') return round1(((base * 6) / (base * 12)) * 100);
    return undefined;
  }

  it('files the plan, the June estimate and the six-month estimate where they belong', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang05,
      join(dir, 'bpc-thang-05.xlsx'),
      {
        headerRow: 1,
        firstDataRow: 2,
        nameColumn: 'C',
        unitColumn: 'D',
        measureColumns: ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'],
      },
      fillSixMonths,
    );
    const preview = await previewImport(api, [file], { period: '2023-05' });
    expect(preview.counts.warnings).toBe(0);
    await commitImport(api, [file], { period: '2023-05' });

    expect(await gridRow(api, '2023-05', 'SPCN_XIMANG')).toMatchObject({ value: 521, status: 'actual' });
    expect(await gridRow(api, '2023-06', 'SPCN_XIMANG')).toMatchObject({ value: 531, status: 'estimate' });
    expect(await gridRow(api, '2023-H1', 'SPCN_XIMANG')).toMatchObject({ value: 3126, status: 'estimate' });
    expect((await gridRow(api, '2022-05', 'SPCN_XIMANG')).value).toBe(501);
    expect((await gridRow(api, '2022-H1', 'SPCN_XIMANG')).value).toBe(2605);
    expect((await gridRow(api, '2023-04', 'SPCN_XIMANG')).value).toBe(511);
    const plans = await api.call('plans.grid', { year: 2023 });
    expect(plans.rows.find((r) => r.code === 'SPCN_XIMANG')).toMatchObject({ giao: 6252 });
    expect(plans.rows.find((r) => r.code === 'BLHH')).toMatchObject({ giao: 24024 });
  });

  it('finds a stated percentage that disagrees with the figures, and says where it is', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.thang05,
      join(dir, 'bpc-thang-05.xlsx'),
      {
        headerRow: 1,
        firstDataRow: 2,
        nameColumn: 'C',
        unitColumn: 'D',
        measureColumns: ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'],
      },
      (info, column) => (info.row === 21 && column === 'N' ? 313 : fillSixMonths(info, column)),
    );
    const preview = await previewImport(api, [file], { period: '2023-05' });
    const finding = sheetOf(preview, 'SXCN').findings.find((f) => f.kind === 'stated-percent');
    expect(finding).toMatchObject({ severity: 'warning', cell: 'N21', code: 'SPCN_XIMANG' });
    expect(finding?.message).toContain('ghi 313%, nhưng số liệu cho 50,0%');
  });
});

describe('bpc-tinh-hinh-xuat-khau.xlsx (exports), imported for June 2023', () => {
  it('tells the quantity row from the value row of the same commodity, and files the cumulative column as six months', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.xuatKhau,
      join(dir, 'bpc-tinh-hinh-xuat-khau.xlsx'),
      { headerRow: 1, firstDataRow: 2, nameColumn: 'C', unitColumn: 'D', measureColumns: ['E', 'H'] },
      (info, column) => (info.unit === '' ? undefined : (column === 'E' ? 10 : 60) + info.row / 10),
    );
    const preview = await previewImport(api, [file], { period: '2023-06' });
    const sheet = sheetOf(preview, 'Sheet1');
    expect(rowAt(sheet, 4)).toMatchObject({ state: 'matched', match: { code: 'XK_DIEU_L' } });
    expect(rowAt(sheet, 5)).toMatchObject({ state: 'matched', match: { code: 'XK_DIEU_GT' } });
    // "Tổng Kim ngạch xuất khẩu" is what the Ministry calls XK, and the goods below are its goods.
    expect(rowAt(sheet, 2)).toMatchObject({ state: 'matched', match: { code: 'XK', how: 'name' } });
    expect(rowAt(sheet, 2).evidence).toContain('tên thường dùng');
    expect(rowAt(sheet, 4).evidence).toContain('Kim ngạch xuất khẩu');
    expect(rowAt(sheet, 9)).toMatchObject({ cell: 'C9', name: 'Hàng dệt may', state: 'unrecognized' });

    await commitImport(api, [file], { period: '2023-06' });
    expect((await gridRow(api, '2023-06', 'XK_DIEU_L')).value).toBe(10.4);
    expect((await gridRow(api, '2023-06', 'XK_DIEU_GT')).value).toBe(10.5);
    expect((await gridRow(api, '2023-H1', 'XK_DIEU_GT')).value).toBe(60.5);
    expect((await gridRow(api, '2023-H1', 'XK_KHAC_GT')).value).toBe(61.4);
    expect((await gridRow(api, '2023-06', 'XK')).value).toBe(10.2);
  });
});

describe('bpc-bao-cao-nam-tmdt.xlsx (e-commerce, two header rows under merged cells), for the year 2023', () => {
  it('reads its two-row header and lists every row and unknown column with its address, importing nothing', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await fillWorkbook(
      sampleFiles.tmdt,
      join(dir, 'tmdt.xlsx'),
      { headerRow: 3, firstDataRow: 6, nameColumn: 'C', measureColumns: ['E', 'F', 'G', 'H', 'I'] },
      (info, column) => (column === 'E' ? info.row : 1),
    );
    const preview = await previewImport(api, [file], { period: '2023' });
    const sheet = sheetOf(preview, 'BCN TMĐT');
    expect(sheet.headerRows).toEqual([2, 3]);
    expect(sheet.firstDataRow).toBe(4);
    expect(sheet.columns.find((c) => c.column === 'E')).toMatchObject({ heading: 'Tổng số', label: 'Năm 2023' });
    expect(sheet.columns.find((c) => c.column === 'G')).toMatchObject({
      heading: 'Chia theo khu vực kinh tế / Ngoài nhà nước',
      role: null,
      label: 'Không nhận ra',
      cell: 'F2',
    });
    expect(sheet.columns.find((c) => c.column === 'D')).toMatchObject({ label: 'Mã chỉ tiêu' });
    expect(sheet.rows.map((r) => [r.cell, r.state])).toEqual([
      ['C4', 'unrecognized'],
      ['C5', 'unrecognized'],
      ['C6', expect.stringMatching(/unrecognized|suggested/)],
      ['C7', 'unrecognized'],
      ['C8', 'unrecognized'],
    ]);
    expect(rowAt(sheet, 6)).toMatchObject({ name: '- Bán lẻ sản phẩm hạt điều', codeCell: '4631', stt: '1' });
    const result = await commitImport(api, [file], { period: '2023' });
    expect(result).toMatchObject({ importId: null, changed: 0 });
  });
});
