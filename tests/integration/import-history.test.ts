import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase, type TableDump } from '../support/sqlite-files';
import { commitImport, previewImport, writeHeavyWorkbook, writeWorkbook } from '../support/workbooks';

function everything(backend: Backend): TableDump {
  return withRawDatabase(backend.database.file, (raw) => dumpTables(raw));
}

async function valueOf(api: ApiClient, period: string, code: string): Promise<number | null> {
  return (await api.call('values.grid', { period })).rows.find((r) => r.code === code)?.value ?? null;
}

const report = (figures: { dien: number; ximang: number; blhh: string }) => [
  ['BÁO CÁO THÁNG 5 NĂM 2023'],
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ trước', 'Ước thực hiện kỳ báo cáo'],
  [1, 'Điện sản xuất', 'Triệu kWh', 150, figures.dien],
  [2, 'Xi măng Portland đen', 'Tấn', 1000, figures.ximang],
  [3, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', '2.200.000', figures.blhh],
];

describe('importing the same workbook again', () => {
  it('changes nothing at all, and the preview says the file was imported before', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      { name: 'BC', rows: report({ dien: 160, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const first = await commitImport(api, [file]);
    expect(first.changed).toBe(6);
    const after = everything(backend);

    const preview = await previewImport(api, [file]);
    expect(preview.files[0]?.previousImports).toEqual([{ importId: first.importId, at: expect.any(String) }]);
    expect(preview.counts).toMatchObject({ valuesNew: 0, valuesChanged: 0, valuesSame: 6 });
    const again = await commitImport(api, [file]);
    expect(again).toMatchObject({ importId: null, batchId: null, changed: 0 });
    expect(everything(backend)).toEqual(after);
  });
});

describe('undoing an import from the history', () => {
  it('brings back the figures that were there before, including the ones typed by hand, as one undo', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await api.call('settings.set', { clerkName: 'Nguyễn Thị Lan' });
    await api.call('values.set', {
      period: '2023-05',
      entries: [{ code: 'SPCN_DIEN_SX', value: 158, status: 'estimate', comment: 'Số ước của Điện lực' }],
    });
    const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      { name: 'BC', rows: report({ dien: 160, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const imported = await commitImport(api, [file]);
    expect(await valueOf(api, '2023-05', 'SPCN_DIEN_SX')).toBe(160);
    expect(await valueOf(api, '2023-05', 'BLHH')).toBe(2300.5);

    const [record] = await api.call('import.history', {});
    expect(record).toMatchObject({
      importId: imported.importId,
      who: 'Nguyễn Thị Lan',
      changed: 6,
      files: [{ name: 'thang-5.xlsx', unitName: 'Toàn tỉnh', period: '2023-05', changed: 6 }],
      undone: null,
    });
    const undone = await api.call('import.undo', { importId: record?.importId ?? 0 });
    expect(undone.changed).toBe(6);

    const grid = await api.call('values.grid', { period: '2023-05' });
    expect(grid.rows.find((r) => r.code === 'SPCN_DIEN_SX')).toMatchObject({
      value: 158,
      status: 'estimate',
      comment: 'Số ước của Điện lực',
    });
    expect(await valueOf(api, '2023-05', 'BLHH')).toBeNull();
    expect(await valueOf(api, '2023-04', 'SPCN_XIMANG')).toBeNull();
    const [after] = await api.call('import.history', {});
    expect(after?.undone).toMatchObject({ who: 'Nguyễn Thị Lan', batchId: undone.batchId });
    const twice = await refusalOf(api.call('import.undo', { importId: record?.importId ?? 0 }));
    expect(twice).toMatchObject({ code: 'conflict', message: expect.stringContaining('đã được hoàn tác rồi') });
  });

  it('refuses to undo over a figure changed after the import, and changes nothing', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      { name: 'BC', rows: report({ dien: 160, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const imported = await commitImport(api, [file]);
    await api.call('values.set', { period: '2023-05', entries: [{ code: 'SPCN_XIMANG', value: 1125 }] });
    const before = everything(backend);
    const refusal = await refusalOf(api.call('import.undo', { importId: imported.importId ?? 0 }));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('SPCN_XIMANG Tháng 5/2023 đã được sửa sau lần ghi đó (lúc ');
    expect(everything(backend)).toEqual(before);
  });

  it('names the later import to undo first when it changed the same figures', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const first = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      { name: 'BC', rows: report({ dien: 160, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const revised = await writeWorkbook(join(dir, 'thang-5-sua.xlsx'), [
      { name: 'BC', rows: report({ dien: 161, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const a = await commitImport(api, [first]);
    const b = await commitImport(api, [revised]);
    const before = everything(backend);
    const refusal = await refusalOf(api.call('import.undo', { importId: a.importId ?? 0 }));
    expect(refusal.message).toMatch(
      new RegExp(
        `^Không hoàn tác được: SPCN_DIEN_SX Tháng 5/2023 đã được sửa sau lần ghi đó \\(lần nhập số ${b.importId} lúc [^)]+ bởi .+\\)\\. Hãy hoàn tác lần nhập số ${b.importId} trước\\.$`,
      ),
    );
    expect(everything(backend)).toEqual(before);
    await api.call('import.undo', { importId: b.importId ?? 0 });
    await api.call('import.undo', { importId: a.importId ?? 0 });
  });

  it('says so for an import that does not exist', async () => {
    const { api } = startBackend(makeDataDir());
    expect(await refusalOf(api.call('import.undo', { importId: 42 }))).toMatchObject({
      code: 'not_found',
      message: 'Không có lần nhập số 42.',
    });
  });

  it('a later import of the next month changes only what differs, shown as changes beside the figures stored', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const may = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      { name: 'BC', rows: report({ dien: 160, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    await commitImport(api, [may]);
    const revised = await writeWorkbook(join(dir, 'thang-5-sua.xlsx'), [
      { name: 'BC', rows: report({ dien: 161.5, ximang: 1100, blhh: '2.300.500' }) },
    ]);
    const preview = await previewImport(api, [revised]);
    expect(preview.counts).toMatchObject({ valuesChanged: 1, valuesSame: 5 });
    const changed = preview.files[0]?.sheets[0]?.values.find((v) => v.change === 'changed');
    expect(changed).toMatchObject({
      cell: 'E3',
      code: 'SPCN_DIEN_SX',
      current: { value: 160, status: 'estimate' },
      value: 161.5,
    });
  });
});

describe('a workbook heavy with pictures but under the size limit', () => {
  it('imports its table, reading the file without holding the pictures', { timeout: 60_000 }, async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeHeavyWorkbook(join(dir, 'co-anh.xlsx'), 25);
    const started = performance.now();
    const result = await commitImport(api, [file], { period: '2023-05' });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.valuesChanged).toBe(1);
    expect(await valueOf(api, '2023-05', 'XK')).toBe(61.1);
  });
});
