import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { fingerprint } from '../support/sqlite-files';
import {
  compoundFile,
  readForImport,
  writeCorrupted,
  writeEmptyWorkbook,
  writeHeavyWorkbook,
  writeLongSheet,
  writeNotAWorkbook,
  writePasswordProtected,
  writeTruncated,
  writeBorderedTemplate,
  writeWorkbook,
} from '../support/workbooks';
import { writeLargeXls, writePasswordXls, writeXls, writeXlsb, writeXlsWithNoise } from '../support/xls-workbooks';

const good = (dir: string) =>
  writeWorkbook(join(dir, 'tot.xlsx'), [
    {
      name: 'Biểu',
      rows: [
        ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Thực hiện cùng kỳ'],
        ...Array.from({ length: 40 }, (_, i) => [
          i + 1,
          i === 0 ? 'Điện sản xuất' : `Chỉ tiêu ${i}`,
          'triệu kWh',
          100 + i,
          90 + i,
        ]),
      ],
    },
  ]);

const table = [
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
  [1, 'Điện sản xuất', 'triệu kWh', 130],
];
const goodXls = (dir: string) => writeXls(join(dir, 'tot.xls'), [{ name: 'Biểu', rows: table }]);
const compound = (dir: string, name: string, streams: string[]) => (
  writeFileSync(join(dir, name), compoundFile(streams)),
  join(dir, name)
);

const cases: { name: string; make: (dir: string) => Promise<string> | string; kind: string; message: RegExp }[] = [
  {
    name: 'a text file named .xlsx',
    make: (dir) => writeNotAWorkbook(join(dir, 'ghi-chu.xlsx')),
    kind: 'other_format',
    message: /tệp văn bản.*Lưu thành.*\.xlsx/,
  },
  {
    name: 'a PDF',
    make: (dir) => (writeFileSync(join(dir, 'bao-cao.xlsx'), '%PDF-1.7\n%âãÏÓ\n1 0 obj'), join(dir, 'bao-cao.xlsx')),
    kind: 'other_format',
    message: /là tệp PDF, không phải sổ Excel/,
  },
  {
    name: 'a workbook cut short in download',
    make: async (dir) => writeTruncated(await good(dir), join(dir, 'cat-ngang.xlsx')),
    kind: 'corrupt',
    message: /bị hỏng hoặc không trọn vẹn/,
  },
  {
    name: 'a workbook with damaged bytes',
    make: async (dir) => writeCorrupted(await good(dir), join(dir, 'hong.xlsx')),
    kind: 'corrupt',
    message: /bị hỏng hoặc không trọn vẹn/,
  },
  {
    name: 'a password-protected workbook',
    make: (dir) => writePasswordProtected(join(dir, 'mat-khau.xlsx')),
    kind: 'password',
    message: /đặt mật khẩu mở tệp.*xóa mật khẩu/,
  },
  {
    name: 'an .xls cut short in download',
    make: (dir) => writeTruncated(goodXls(dir), join(dir, 'cat-ngang.xls')),
    kind: 'corrupt',
    message: /cat-ngang\.xls bị hỏng hoặc không trọn vẹn/,
  },
  {
    name: 'an .xls with noise after its header',
    make: (dir) => writeXlsWithNoise(goodXls(dir), join(dir, 'nhieu.xls')),
    kind: 'corrupt',
    message: /bị hỏng hoặc không trọn vẹn/,
  },
  {
    name: 'an .xls whose workbook stream is empty',
    make: (dir) => compound(dir, 'rong.xls', ['Workbook', '\u0005SummaryInformation']),
    kind: 'corrupt',
    message: /bị hỏng hoặc không trọn vẹn/,
  },
  {
    name: 'an .xls with a password to open',
    make: (dir) => writePasswordXls(join(dir, 'mat-khau.xls'), [{ name: 'Biểu', rows: table }]),
    kind: 'password',
    message: /mat-khau\.xls được đặt mật khẩu mở tệp.*xóa mật khẩu/,
  },
  {
    name: 'an Excel 5.0/95 workbook',
    make: (dir) => compound(dir, 'excel95.xls', ['Book']),
    kind: 'legacy_xls',
    message: /Excel 5\.0\/95.*Lưu thành.*\*\.xlsx/,
  },
  {
    name: 'a Word document named .xls',
    make: (dir) => compound(dir, 'van-ban.xls', ['WordDocument', '1Table']),
    kind: 'not_a_workbook',
    message: /tài liệu Office kiểu cũ \(Word hoặc PowerPoint\)/,
  },
  {
    name: 'an Excel binary workbook (.xlsb)',
    make: (dir) => writeXlsb(join(dir, 'nhi-phan.xlsb'), [{ name: 'Biểu', rows: table }]),
    kind: 'other_format',
    message: /sổ Excel nhị phân \(\.xlsb\).*Lưu thành/,
  },
  {
    name: 'an .xls sheet of 20.001 rows',
    make: (dir) => writeLargeXls(join(dir, 'dai.xls'), 20_001, 2),
    kind: 'sheet_too_long',
    message: /Trang tính "Dữ liệu".*có hơn 20\.000 dòng/,
  },
  {
    name: 'an .xls of over a million cells',
    make: (dir) => writeLargeXls(join(dir, 'rong.xls'), 4_001, 250),
    kind: 'too_many_cells',
    message: /Trang tính "Dữ liệu" của tệp rong\.xls quá lớn/,
  },
  {
    name: 'an empty workbook',
    make: (dir) => writeEmptyWorkbook(join(dir, 'trong.xlsx')),
    kind: 'empty_workbook',
    message: /trống: không trang tính nào có dữ liệu/,
  },
  {
    name: 'an empty file',
    make: (dir) => (writeFileSync(join(dir, 'rong.xlsx'), ''), join(dir, 'rong.xlsx')),
    kind: 'empty_file',
    message: /rỗng \(0 byte\)/,
  },
  {
    name: 'a 50 MB workbook',
    make: (dir) => writeHeavyWorkbook(join(dir, 'nang.xlsx'), 50),
    kind: 'too_big',
    message: /nặng 50(,\d)? MB, vượt giới hạn 40 MB/,
  },
  {
    name: 'a sheet of 200.000 rows',
    make: (dir) => writeLongSheet(join(dir, 'dai.xlsx'), 200_000),
    kind: 'sheet_too_long',
    message: /Trang tính "Dữ liệu".*có hơn 20\.000 dòng/,
  },
  {
    name: 'a file that is not there',
    make: (dir) => join(dir, 'khong-co.xlsx'),
    kind: 'cannot_open',
    message: /không có tệp này/,
  },
];

describe('a file that cannot be imported gets a clear message and leaves the database as it was', () => {
  for (const c of cases) {
    it(`${c.name}`, { timeout: 120_000 }, async () => {
      const dir = makeDataDir();
      const { backend, api } = startBackend(dir);
      await api.call('values.set', { period: '2023-04', entries: [{ code: 'SPCN_DIEN_SX', value: 99 }] });
      const file = await c.make(dir);
      const before = fingerprint(backend.database.file);

      const { sessionId } = await readForImport(api, [file]);
      const progress = await api.call('import.progress', { sessionId });
      expect(progress.files[0]).toMatchObject({ state: 'failed', error: { code: c.kind } });
      expect(progress.files[0]?.error?.message).toMatch(c.message);
      const preview = await api.call('import.preview', { sessionId, period: '2023-05' });
      expect(preview.blockers).toEqual([progress.files[0]?.error?.message]);
      const refusal = await refusalOf(api.call('import.commit', { sessionId, period: '2023-05' }));
      expect(refusal.code).toBe('bad_input');
      expect(refusal.message).toMatch(c.message);

      expect(fingerprint(backend.database.file)).toEqual(before);
      expect(await api.call('import.history', {})).toEqual([]);
    });
  }

  it('still imports a template whose borders run down 30.000 empty rows', { timeout: 60_000 }, async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeBorderedTemplate(join(dir, 'mau.xlsx'), 30_000);
    const { sessionId } = await readForImport(api, [file]);
    const result = await api.call('import.commit', { sessionId, period: '2023-05' });
    expect(result.valuesChanged).toBe(1);
  });

  it('imports a good workbook read beside a bad one only after the bad one is taken out', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const ok = await good(dir);
    const bad = writeTruncated(goodXls(dir), join(dir, 'bieu-cu.xls'));
    const { sessionId, fileIds } = await readForImport(api, [ok, bad]);
    await refusalOf(api.call('import.commit', { sessionId, period: '2023-05' }));
    const result = await api.call('import.commit', {
      sessionId,
      period: '2023-05',
      files: [{ fileId: fileIds[1] ?? '', skip: true }],
    });
    expect(result.valuesChanged).toBe(2);
  });
});
