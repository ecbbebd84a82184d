import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import type { ApiClient } from '../../shared/api/client';
import { createApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { formatCodeDecimals } from '../../electron/backend/export/number-formats';
import { exportOf, fillOf } from '../support/export-data';
import { findText, pySheet, readWithPython } from '../support/python-xlsx';
import { writeWorkbook } from '../support/workbooks';

async function storedValue(api: ApiClient, period: string, code: string): Promise<number | null> {
  const grid = await api.call('values.grid', { period });
  return grid.rows.find((r) => r.code === code)?.value ?? null;
}

async function storedPlan(
  api: ApiClient,
  year: number,
  code: string,
): Promise<{ giao: number | null; phanDau: number | null } | undefined> {
  return (await api.call('plans.grid', { year })).rows.find((r) => r.code === code);
}

describe('what the clerk types is what is stored, whatever decimals the indicator is shown with', () => {
  it('keeps 14.659,9 and 56.537,447 typed into Xi măng, an indicator kept with 0 decimals', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'SPCN_XIMANG', value: '14.659,9' }] });
    await api.call('values.set', { period: '2023-07', entries: [{ code: 'SPCN_XIMANG', value: '56.537,447' }] });
    await api.call('values.set', { period: '2023-08', entries: [{ code: 'SPCN_XIMANG', value: 2260.25 }] });
    expect(await storedValue(api, '2023-06', 'SPCN_XIMANG')).toBe(14659.9);
    expect(await storedValue(api, '2023-07', 'SPCN_XIMANG')).toBe(56537.447);
    expect(await storedValue(api, '2023-08', 'SPCN_XIMANG')).toBe(2260.25);
  });

  it('keeps a plan typed with more decimals than its indicator', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('plans.set', { year: 2023, entries: [{ code: 'SPCN_XIMANG', level: 'giao', value: '120.000,5' }] });
    expect(await storedPlan(api, 2023, 'SPCN_XIMANG')).toMatchObject({ giao: 120000.5 });
  });

  it('refuses a figure of 16 significant digits rather than store it cut', async () => {
    const { api } = startBackend(makeDataDir());
    const refusal = await refusalOf(
      api.call('values.set', { period: '2023-06', entries: [{ code: 'SPCN_XIMANG', value: '1.234.567.890.123,456' }] }),
    );
    expect(refusal).toMatchObject({ code: 'bad_input' });
    expect(refusal.message).toContain('hơn 15 chữ số có nghĩa');
    expect(await storedValue(api, '2023-06', 'SPCN_XIMANG')).toBeNull();
  });

  it('exports 14.659,9 of a 0-decimal indicator as 14659,9 with a format that shows it, and the report says 14.659,95 as typed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-exact-'));
    const backend = createBackend({ dataDir: join(dir, 'data') });
    try {
      const api = createApiClient((op, input) => backend.call(op, input));
      await api.call('values.set', {
        period: '2023-H1',
        entries: [
          { code: 'SPCN_XIMANG', value: '14.659,9', status: 'estimate' },
          { code: 'SPCN_DUONG', value: '2.260', status: 'estimate' },
          { code: 'BLHH', value: '14.659,95', status: 'estimate' },
        ],
      });
      const out = await exportOf(backend, { period: '2023-H1', saveTo: join(dir, 'bao-cao.xlsx') });
      const sheet = readWithPython(out.path ?? '').sheets[0];
      if (!sheet) throw new Error('the export has no sheet');
      const rowOf = (name: string) =>
        Number(
          findText(sheet, new RegExp(`^${name}$`))
            .find((c) => c.address.startsWith('B'))
            ?.address.slice(1),
        );
      const heading = Object.entries(sheet.cells).find(
        ([a, c]) => /^[A-Z]+(9|10)$/.test(a) && c.v === 'Ước thực hiện 6 tháng đầu năm 2023',
      );
      const column = (heading?.[0] ?? '').replace(/\d+$/, '');
      expect(sheet.cells[`${column}${rowOf('Xi măng Portland đen')}`]).toMatchObject({
        t: 'n',
        v: 14659.9,
        numFmt: '#,##0.0',
      });
      // A figure with no more decimals than its indicator keeps the indicator's format.
      expect(sheet.cells[`${column}${rowOf('Đường RS')}`]).toMatchObject({ t: 'n', v: 2260, numFmt: '#,##0' });
      expect(sheet.cells[`${column}${rowOf('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng')}`]).toMatchObject(
        { v: 14659.95, numFmt: '#,##0.00' },
      );

      const report = await api.call('report.build', { period: '2023-H1' });
      expect(report.text).toContain('14.659,95 tỷ đồng');
      expect(report.text).not.toContain('14.660 tỷ đồng');
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a Ministry template whose format shows fewer decimals than a figure', () => {
  it('fills 2.260,5 exactly into a #,##0 cell and says that Excel shows it as 2.261', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: '2.260,5', status: 'actual' },
        { code: 'XK', value: 61.1, status: 'actual' },
      ],
    });
    const template = await writeWorkbook(join(dir, 'mau-bo.xlsx'), [
      {
        name: 'Biểu 02',
        rows: [
          ['BÁO CÁO XUẤT NHẬP KHẨU 6 THÁNG ĐẦU NĂM 2023', null, null, null],
          ['STT', 'Chỉ tiêu', 'ĐVT', '6 tháng 2023'],
          ['1', 'Tổng kim ngạch xuất nhập khẩu hàng hóa', 'Triệu USD', null],
          ['2', 'Kim ngạch xuất khẩu', 'Triệu USD', null],
        ],
        formats: { D3: '#,##0', D4: '#,##0.0' },
      },
    ]);
    const out = await fillOf(backend, {
      template: { path: template },
      period: '2023-H1',
      saveTo: join(dir, 'mau-bo-filled.xlsx'),
    });
    expect(pySheet(readWithPython(out.path ?? ''), 'Biểu 02').cells.D3).toMatchObject({
      t: 'n',
      v: 2260.5,
      numFmt: '#,##0',
    });
    expect(out.summary.sheets[0]?.cellsShownRounded).toEqual([
      {
        cell: 'D3',
        reason: 'định dạng của mẫu hiện 0 chữ số thập phân nên Excel hiển thị 2.261; ô giữ đúng số 2.260,5',
      },
    ]);
  });

  it('reads the decimals a format code shows, and none for General, percentages, dates and text', () => {
    expect(
      [
        '#,##0',
        '#,##0.0',
        '0.00',
        '[Red]#,##0.000;(#,##0.000)',
        '#,##0" tấn"',
        'General',
        '0.0%',
        'dd/mm/yyyy',
        '@',
        '0.00E+00',
      ].map(formatCodeDecimals),
    ).toEqual([0, 1, 2, 3, 0, null, null, null, null, null]);
  });
});

describe('one rule for what a figure may be, at the door every write goes through', () => {
  it('refuses −5 tấn of Xi măng with the words the import uses, and writes none of the batch', async () => {
    const { api } = startBackend(makeDataDir());
    const refusal = await refusalOf(
      api.call('values.set', {
        period: '2023-06',
        entries: [
          { code: 'XNK', value: 401.7 },
          { code: 'SPCN_XIMANG', value: '−5' },
        ],
      }),
    );
    expect(refusal).toMatchObject({ code: 'bad_input', details: { code: 'SPCN_XIMANG', ruleId: 'negative-flow' } });
    expect(refusal.message).toBe(
      'SPCN_XIMANG: "Xi măng Portland đen" Tháng 6/2023 là số âm (-5): số liệu cộng dồn được không thể âm. Không ghi số nào.',
    );
    expect(await storedValue(api, '2023-06', 'XNK')).toBeNull();
    expect(await storedValue(api, '2023-06', 'SPCN_XIMANG')).toBeNull();
  });

  it('refuses an IIP of 1.164 and a ratio of 313%, and says which range they leave', async () => {
    const { api } = startBackend(makeDataDir());
    const index = await refusalOf(
      api.call('values.set', { period: '2023-H1', entries: [{ code: 'IIP', value: '1.164' }] }),
    );
    expect(index.message).toBe(
      'IIP: Chỉ số "Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ" bằng 1.164,00, ngoài khoảng hợp lý 20–500 (kiểm tra dấu chấm, dấu phẩy hoặc công thức). Không ghi số nào.',
    );
    const ratio = await refusalOf(
      api.call('values.set', { period: '2023-H1', entries: [{ code: 'CCHC_CATGIAM', value: 313 }] }),
    );
    expect(ratio.message).toContain('bằng 313,0%, ngoài khoảng 0–100%.');
    expect(await storedValue(api, '2023-H1', 'IIP')).toBeNull();
    expect(await storedValue(api, '2023-H1', 'CCHC_CATGIAM')).toBeNull();
  });

  it('accepts the edges of each range: 0 for a flow, 20 and 500 for an index, 0 and 100 for a ratio', async () => {
    const { api } = startBackend(makeDataDir());
    const result = await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'SPCN_XIMANG', value: 0 },
        { code: 'IIP', value: 20 },
        { code: 'IIP_B', value: 500 },
        { code: 'CCHC_CATGIAM', value: 0 },
        { code: 'CCHC_DVC4', value: 100 },
      ],
    });
    expect(result.changed).toBe(5);
  });

  it('refuses a negative plan, naming the plan and its year', async () => {
    const { api } = startBackend(makeDataDir());
    const refusal = await refusalOf(
      api.call('plans.set', { year: 2023, entries: [{ code: 'BLHH', level: 'phan_dau', value: '-26.899' }] }),
    );
    expect(refusal.message).toBe(
      'BLHH: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng" chỉ tiêu phấn đấu năm 2023 là số âm (-26.899,0): số liệu cộng dồn được không thể âm. Không ghi số nào.',
    );
    expect(await storedPlan(api, 2023, 'BLHH')).toMatchObject({ phanDau: null });
  });

  it('still lets a clerk clear a figure or add a note to one', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'SPCN_XIMANG', value: 5 }] });
    await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'SPCN_XIMANG', comment: 'Số của Công ty Xi măng' }],
    });
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'SPCN_XIMANG', value: null }] });
    expect(await storedValue(api, '2023-06', 'SPCN_XIMANG')).toBeNull();
  });
});
