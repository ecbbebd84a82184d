import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportCommand, type ExportOptions } from '../../electron/cli/commands/export';
import { UsageError } from '../../electron/cli/cli-error';
import { AppError } from '../../shared/api/errors';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';
import { partHashes, readWithPython, type PySheet } from '../support/python-xlsx';
import { sampleFiles } from '../support/workbooks';

/**
 * `chitieu export` run in this process (the lead registers exportCommand in electron/cli/main.ts): what it
 * prints, the file it writes, and what it refuses. main.ts turns a UsageError into exit code 2 and the
 * AppError 'conflict' of open validation errors into exit code 1.
 */
async function chitieuExport(dataDir: string, options: Partial<ExportOptions>): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await exportCommand({
      dataDir,
      period: undefined,
      out: undefined,
      unit: undefined,
      units: undefined,
      allUnits: false,
      template: undefined,
      reason: undefined,
      layout: undefined,
      json: false,
      ...options,
    });
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('chitieu export', () => {
  it('writes the report of the province to --out and says what it wrote', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await enterSeedFigures(api);
    const file = join(dir, 'bao-cao-6-thang.xlsx');
    const printed = await chitieuExport(dir, { period: '2023-H1', out: file });
    expect(printed).toBe(
      `Đã xuất báo cáo 6 tháng đầu năm 2023 (Toàn tỉnh) → ${file}\n  Trang "Toàn tỉnh": 38 chỉ tiêu, 12 ô số liệu.\n`,
    );
    const sheet = readWithPython(file).sheets[0] as PySheet;
    expect(sheet.cells.A6?.v).toBe('Kỳ báo cáo: 6 tháng đầu năm 2023');
  });

  it('--units and --all-units take unit codes and write a total sheet; --json prints the summary', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await api.call('units.create', { code: 'XA01', name: 'Xã Tân Lập', kind: 'commune', parentId: 1 });
    await api.call('units.create', { code: 'XA02', name: 'Xã Hòa Bình', kind: 'commune', parentId: 1 });
    const printed = await chitieuExport(dir, {
      period: '2023-06',
      out: join(dir, 'hai-xa.xlsx'),
      units: 'XA01, XA02',
      json: true,
    });
    const summary = JSON.parse(printed) as {
      path: string;
      contentBase64: null;
      summary: { sheets: { name: string }[] };
    };
    expect(summary.path).toBe(join(dir, 'hai-xa.xlsx'));
    expect(summary.contentBase64).toBeNull();
    expect(summary.summary.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Xã Tân Lập', 'Xã Hòa Bình']);

    const all = await chitieuExport(dir, {
      period: '2023-06',
      out: join(dir, 'tat-ca.xlsx'),
      allUnits: true,
      layout: 'columns',
    });
    expect(all).toContain('Đã xuất báo cáo Tháng 6/2023 (3 đơn vị)');
    expect(all).toContain('Trang "Theo đơn vị" (các đơn vị theo cột)');
  });

  it('--template fills the Ministry workbook and lists the rows it did not fill', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await api.call('values.set', {
      period: '2023-05',
      entries: [{ code: 'SPCN_DIEU', value: 1234, status: 'actual' }],
    });
    const file = join(dir, 'bpc-thang-05-da-dien.xlsx');
    const printed = await chitieuExport(dir, { period: '2023-05', out: file, template: sampleFiles.thang05 });
    expect(printed).toContain(`Đã điền mẫu ${sampleFiles.thang05} cho Toàn tỉnh, Tháng 5/2023: 1 ô số liệu → ${file}`);
    expect(printed).toContain('Cột I "Thực hiện kỳ báo cáo" → Tháng 5/2023 (thực hiện): 1 ô');
    expect(printed).toContain('Không điền dòng 13 (C13) "Quần án các loại" (999 cái): chỉ có gợi ý');
    expect(readWithPython(file).sheets[1]?.cells.I9?.v).toBe(1234);
    const before = partHashes(sampleFiles.thang05);
    const after = partHashes(file);
    expect(Object.keys(before).filter((p) => before[p] !== after[p])).toEqual(['xl/worksheets/sheet2.xml']);
  });

  it('refuses while a validation error stands and writes nothing; --reason lets it go and says so', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    await enterSeedFigures(api);
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XK', value: 1000 },
        { code: 'NK', value: 500 },
      ],
    });
    const file = join(dir, 'bao-cao.xlsx');
    const refusal = await chitieuExport(dir, { period: '2023-H1', out: file }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'conflict' });
    expect(existsSync(file)).toBe(false);

    const printed = await chitieuExport(dir, { period: '2023-H1', out: file, reason: 'Số XNK theo Cục Hải quan' });
    expect(printed).toContain(
      'Còn 1 lỗi kiểm tra chưa xử lý; lý do đã in trong ghi chú trên trang tính: Số XNK theo Cục Hải quan',
    );
    expect(existsSync(file)).toBe(true);
  });

  it('says what is missing or contradictory on the command line', async () => {
    const dir = makeDataDir();
    const usage = (options: Partial<ExportOptions>) => chitieuExport(dir, options).catch((e: unknown) => e);
    expect(await usage({ out: join(dir, 'a.xlsx') })).toEqual(
      new UsageError('Thiếu --period (ví dụ --period 2023-H1).'),
    );
    expect(await usage({ period: '2023-H1' })).toBeInstanceOf(UsageError);
    expect(await usage({ period: '2023-H1', out: join(dir, 'a.xlsx'), unit: 'TINH', allUnits: true })).toEqual(
      new UsageError('Chỉ dùng một trong --unit, --units và --all-units.'),
    );
    expect(await usage({ period: '2023-H1', out: join(dir, 'a.xlsx'), layout: 'rows' })).toBeInstanceOf(UsageError);
    expect(await usage({ period: '2023-H1', out: join(dir, 'a.xlsx'), units: 'KHONGCO' })).toEqual(
      new UsageError('Không có đơn vị báo cáo mã KHONGCO.'),
    );
    expect(await usage({ period: '2023-H1', out: join(dir, 'khong-co-thu-muc', 'a.xlsx') })).toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('thư mục không tồn tại'),
    });
  });
});
