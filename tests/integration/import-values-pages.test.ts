import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { readForImport, writeWorkbook } from '../support/workbooks';

const months = Array.from({ length: 12 }, (_, m) => m + 1);

/** Three indicators by the twelve months of 2023: 36 figures, too many for one page of 20. */
const year = [
  ['SỐ LIỆU CÁC THÁNG NĂM 2023'],
  ['STT', 'Chỉ tiêu', 'ĐVT', ...months.map((m) => `Tháng ${String(m).padStart(2, '0')}/2023`)],
  [1, 'Điện sản xuất', 'Triệu kWh', ...months.map((m) => 150 + m)],
  [2, 'Xi măng Portland đen', 'Tấn', ...months.map((m) => 1000 + m)],
  [
    3,
    'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    'Triệu đồng',
    ...months.map((m) => 2_200_000 + m * 1000),
  ],
];

/** March's figure stored as the workbook has it, April's otherwise; the workbook read for December 2023. */
async function yearRead() {
  const dir = makeDataDir();
  const { api } = startBackend(dir);
  await api.call('values.set', {
    period: '2023-03',
    entries: [{ code: 'SPCN_DIEN_SX', value: 153, status: 'actual' }],
  });
  await api.call('values.set', {
    period: '2023-04',
    entries: [{ code: 'SPCN_DIEN_SX', value: 100, status: 'actual' }],
  });
  const file = await writeWorkbook(join(dir, 'nam-2023.xlsx'), [{ name: 'Năm 2023', rows: year }]);
  const { sessionId, fileIds } = await readForImport(api, [file]);
  const choices = { sessionId, period: '2023-12' };
  return { api, choices, at: { ...choices, fileId: fileIds[0] ?? '', sheet: 'Năm 2023' } };
}

describe('the figures of a previewed sheet, a page at a time', () => {
  it('counts every figure in the preview and lists them in sheet order, page after page, with the cell as the workbook shows it', async () => {
    const { api, choices, at } = await yearRead();
    const preview = await api.call('import.preview', choices);
    const sheet = preview.files[0]?.sheets[0];
    expect(sheet?.valueChanges).toEqual({ new: 34, changed: 1, same: 1, kept: 0, duplicate: 0, conflict: 0 });
    expect(sheet).not.toHaveProperty('values');

    const first = await api.call('import.values', { ...at, offset: 0, limit: 20 });
    const second = await api.call('import.values', { ...at, offset: 20, limit: 20 });
    expect(first.total).toBe(36);
    expect(first.values).toHaveLength(20);
    expect(second.values).toHaveLength(16);
    const cells = [...first.values, ...second.values].map((v) => v.cell);
    expect(new Set(cells).size).toBe(36);
    expect(cells.slice(0, 3)).toEqual(['D3', 'E3', 'F3']);
    expect(cells.at(-1)).toBe('O5');
    expect(second.values.at(-1)).toMatchObject({
      code: 'BLHH',
      label: 'Tháng 12/2023',
      shown: '2.212.000',
      read: 2_212_000,
      value: 2212,
      change: 'new',
    });
  });

  it('narrows the list to the figures that change, and refuses a sheet the session does not have', async () => {
    const { api, at } = await yearRead();

    const changed = await api.call('import.values', { ...at, filter: 'changed' });
    expect(changed).toEqual({
      total: 1,
      values: [
        expect.objectContaining({ cell: 'G3', value: 154, current: { value: 100, status: 'actual', comment: null } }),
      ],
    });
    expect((await api.call('import.values', { ...at, filter: 'same' })).values.map((v) => v.cell)).toEqual(['F3']);
    expect((await api.call('import.values', { ...at, filter: 'not_same', limit: 5000 })).total).toBe(35);

    const refusal = await refusalOf(api.call('import.values', { ...at, sheet: 'Trang khác' }));
    expect(refusal).toMatchObject({
      code: 'not_found',
      message: 'Không có trang tính "Trang khác" trong tệp này của phiên nhập.',
    });
  });
});
