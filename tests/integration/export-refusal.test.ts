import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures, exportOf, fillOf } from '../support/export-data';
import { findText, readWithPython, type PySheet } from '../support/python-xlsx';
import { plantOutOfRange } from '../support/validation-figures';
import { sampleFiles } from '../support/workbooks';

/** XNK of seed 000 beside export and import figures that do not add up to it: the parent-sum error. */
async function figuresWithAnError(api: ApiClient): Promise<void> {
  await enterSeedFigures(api);
  await api.call('values.set', {
    period: '2023-H1',
    entries: [
      { code: 'XK', value: 1000, status: 'estimate' },
      { code: 'NK', value: 500, status: 'estimate' },
    ],
  });
  const report = await api.call('validation.run', { period: '2023-H1' });
  expect(report.counts.openErrors).toBe(1);
}

const reason = 'Tổng XNK theo Cục Hải quan; XK và NK là số ước của Sở, UBND tỉnh cần báo cáo trước ngày 20';

describe('exporting while a validation error stands', () => {
  it('is refused, saying how many errors stand where and how to go on', async () => {
    const { backend, api } = startBackend(makeDataDir());
    await figuresWithAnError(api);
    await expect(exportOf(backend, { period: '2023-H1' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^Chưa xuất báo cáo: số liệu 6 tháng đầu năm 2023 còn 1 lỗi kiểm tra chưa xử lý \(Toàn tỉnh: 1 lỗi\)\..*--reason/,
      ),
      details: { openErrors: 1, units: [{ unitName: 'Toàn tỉnh', openErrors: 1 }] },
    });
    await expect(fillOf(backend, { template: { path: sampleFiles.thang05 }, period: '2023-H1' })).rejects.toMatchObject(
      {
        code: 'conflict',
        message: expect.stringMatching(/^Chưa điền mẫu biểu: /),
      },
    );
  });

  it('goes ahead with a reason, which is printed in a note under the table, before the date line', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await figuresWithAnError(api);
    const out = await exportOf(backend, {
      period: '2023-H1',
      overrideReason: reason,
      saveTo: join(dir, 'co-ly-do.xlsx'),
    });
    expect(out.summary.validation).toEqual({
      openErrors: 1,
      units: [{ unitId: 1, unitName: 'Toàn tỉnh', openErrors: 1 }],
      overrideReason: reason,
    });

    const sheet = readWithPython(out.path ?? '').sheets[0] as PySheet;
    const note = findText(sheet, /^Ghi chú: /);
    expect(note).toEqual([
      {
        address: expect.stringMatching(/^A\d+$/),
        text: `Ghi chú: Số liệu còn 1 lỗi kiểm tra chưa xử lý (Tổng kim ngạch xuất nhập khẩu hàng hóa). Lý do vẫn xuất báo cáo: ${reason} (Nguyễn Thị Lan, ngày 10/07/2023).`,
      },
    ]);
    const noteRow = Number(note[0]?.address.slice(1));
    const lastIndicator = Number(findText(sheet, /^Kim ngạch nhập khẩu$/)[0]?.address.slice(1));
    const dateRow = Number(findText(sheet, /, ngày 10 tháng 07 năm 2023$/)[0]?.address.replace(/^[A-Z]+/, ''));
    expect(noteRow).toBeGreaterThan(lastIndicator);
    expect(dateRow).toBeGreaterThan(noteRow);
    expect(sheet.merges).toContain(`A${noteRow}:I${noteRow}`);
    expect(sheet.cells[`A${noteRow}`]?.italic).toBe(true);
  });

  it('needs no reason once the clerk has overridden the error in Kiểm tra, and then prints no note', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await figuresWithAnError(api);
    const finding = (await api.call('validation.run', { period: '2023-H1' })).findings.find(
      (f) => f.severity === 'error',
    );
    await api.call('validation.note', { period: '2023-H1', key: finding?.key ?? '', kind: 'override', text: reason });
    const out = await exportOf(backend, { period: '2023-H1', saveTo: join(dir, 'da-xu-ly.xlsx') });
    expect(out.summary.validation.overrideReason).toBeNull();
    expect(findText(readWithPython(out.path ?? '').sheets[0] as PySheet, /^Ghi chú/)).toEqual([]);
  });

  it('in a workbook of several units, names the units with errors on the total sheet and on their own sheets', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    await enterSeedFigures(api);
    const a = (await api.call('units.create', { code: 'XA01', name: 'Xã Tân Lập', kind: 'commune', parentId: 1 })).id;
    const b = (await api.call('units.create', { code: 'XA02', name: 'Xã Hòa Bình', kind: 'commune', parentId: 1 })).id;
    await plantOutOfRange(api, { period: '2023-H1', entries: [{ code: 'CCHC_DVC4', value: 130 }] }, a);
    await api.call('values.set', {
      unitId: b,
      period: '2023-H1',
      entries: [{ code: 'CCHC_DVC4', value: 100, status: 'estimate' }],
    });
    await expect(exportOf(backend, { period: '2023-H1', unitIds: [a, b] })).rejects.toMatchObject({
      code: 'conflict',
      details: { openErrors: 1 },
    });

    const out = await exportOf(backend, {
      period: '2023-H1',
      unitIds: [a, b],
      overrideReason: reason,
      saveTo: join(dir, 'hai-xa.xlsx'),
    });
    const book = readWithPython(out.path ?? '');
    const noteOf = (name: string) =>
      findText(book.sheets.find((s) => s.name === name) as PySheet, /^Ghi chú: /)[0]?.text;
    expect(noteOf('Tổng hợp')).toMatch(
      /^Ghi chú: Số liệu còn 1 lỗi kiểm tra chưa xử lý \(Xã Tân Lập: 1\)\. Lý do vẫn xuất báo cáo: /,
    );
    expect(noteOf('Xã Tân Lập')).toMatch(
      /^Ghi chú: Số liệu của Xã Tân Lập còn 1 lỗi kiểm tra chưa xử lý \(Tỷ lệ dịch vụ công trực tuyến mức độ 4\); cả tệp còn 1 lỗi\./,
    );
    expect(noteOf('Xã Hòa Bình')).toMatch(
      /^Ghi chú: Số liệu của Xã Hòa Bình không có lỗi kiểm tra; các đơn vị khác trong tệp còn 1 lỗi chưa xử lý\./,
    );
  });
});
