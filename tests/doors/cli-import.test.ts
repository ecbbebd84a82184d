import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import {
  fillWorkbook,
  sampleFiles,
  writeCorrupted,
  writeEmptyWorkbook,
  writeNotAWorkbook,
  writePasswordProtected,
  writeTruncated,
  writeWorkbook,
  type SheetSpec,
} from '../support/workbooks';
import { writeXls } from '../support/xls-workbooks';

/** The database file's bytes (and its write-ahead log's, if one was left), as the clerk's disk holds them. */
function databaseBytes(dataDir: string): string {
  const file = join(dataDir, 'chitieu.db');
  const hash = createHash('sha256').update(readFileSync(file));
  if (existsSync(`${file}-wal`)) hash.update(readFileSync(`${file}-wal`));
  return hash.digest('hex');
}

async function filledJanuary(dir: string): Promise<string> {
  return fillWorkbook(
    sampleFiles.thang01,
    join(dir, 'bpc-thang-01.xlsx'),
    { headerRow: 1, firstDataRow: 2, nameColumn: 'C', unitColumn: 'D', measureColumns: ['E', 'F', 'G'] },
    (info, column) =>
      info.unit === ''
        ? undefined
        : (info.unit.startsWith('Triệu đồng') ? 1_000_000 : 100) * (column === 'G' ? 3 : column === 'F' ? 2 : 1) +
          info.row,
  );
}

/** A short monthly table: the period in its merged title, a formula's cached result, a text figure in Vietnamese notation. */
const retailSheet: SheetSpec[] = [
  {
    name: 'Biểu',
    rows: [
      ['BÁO CÁO THÁNG 5 NĂM 2023'],
      [],
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo', 'Lũy kế từ đầu năm'],
      [1, 'Điện sản xuất', 'triệu kWh', 510, { formula: 'D4+D4', result: 1020 }],
      [2, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'tỷ đồng', '2.960,5', '14.659,9'],
    ],
    merges: ['A1:E1'],
  },
];

describe('chitieu import', () => {
  it('--dry-run prints what it would import, in Vietnamese, and leaves chitieu.db byte for byte as it was', async () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'info');
    const file = await filledJanuary(dir);
    const before = databaseBytes(dir);

    const out = chitieuOk(dir, 'import', file, '--period', '2023-01', '--dry-run', '--details');

    expect(out).toContain('Tệp bpc-thang-01.xlsx');
    expect(out).toContain('kỳ Tháng 1/2023 (đã chọn), đơn vị Toàn tỉnh (mặc định)');
    expect(out).toContain('G "Thực hiện kỳ báo cáo" → Tháng 1/2023 (thực hiện)');
    expect(out).toContain(
      'Dòng 2 (C2) "TỔNG MỨC BLHH VÀ DTDVTD" (Triệu đồng) → BLHH (theo tên và đơn vị; đổi Triệu đồng sang tỷ đồng ÷ 1.000)',
    );
    expect(out).toMatch(
      /Dòng 13 \(C13\) "Quần án các loại" \(999 cái\) → SPCN_QUANAO "Quần áo các loại" \(nghìn cái, độ tin cậy \d+%\)/,
    );
    expect(out).toContain('Dòng 22 (C22) "Chì chưa gia công" (Tấn)');
    expect(out).toContain('G2 BLHH Tháng 1/2023: mới 3.000,002 (trong tệp: 3.000.002), thực hiện');
    expect(out).toContain(
      'Lỗi: Dòng 16 "Gỗ cưa, xẻ các loại" (ô C16): Đơn vị "M2" không đổi được sang "m3" của SPCN_GO.',
    );
    expect(out).toContain('Tổng cộng: 39 số mới, 0 số thay đổi, 0 giữ nguyên');
    expect(out).toContain('Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.');
    expect(databaseBytes(dir)).toBe(before);
  });

  it('without --details prints a line per sheet with its counts and every error, not each figure', async () => {
    const dir = makeDataDir();
    const file = await filledJanuary(dir);

    const out = chitieuOk(dir, 'import', file, '--period', '2023-01', '--dry-run');

    expect(out).toContain('Tệp bpc-thang-01.xlsx');
    expect(out).toContain(
      'Trang "BLHH": 5 cột số liệu, 2 dòng nhận ra, 1 dòng có gợi ý, 1 dòng không nhận ra; 6 số liệu (6 mới)',
    );
    expect(out).toContain(
      'Dòng có gợi ý chưa áp dụng: xác nhận trên màn hình Nhập/Xuất Excel hoặc dùng --accept-suggestions.',
    );
    expect(out).toContain(
      'Lỗi: Dòng 16 "Gỗ cưa, xẻ các loại" (ô C16): Đơn vị "M2" không đổi được sang "m3" của SPCN_GO.',
    );
    expect(out).toContain('Tổng cộng: 39 số mới, 0 số thay đổi, 0 giữ nguyên');
    expect(out).toContain('Xem từng cột, dòng và số liệu: thêm --details.');
    expect(out).not.toContain('G2 BLHH Tháng 1/2023');
    expect(out).not.toContain('Dòng 2 (C2)');
  });

  it('imports, lists the import in the history, and undoes it', async () => {
    const dir = makeDataDir();
    const file = await filledJanuary(dir);

    expect(chitieuOk(dir, 'import', file, '--period', '2023-01')).toContain(
      'Đã nhập 39 số liệu, lần nhập số 1. Hoàn tác cả lần nhập: chitieu import --undo 1',
    );
    const rows = JSON.parse(chitieuOk(dir, 'values', 'get', '--period', '2023-01', '--json')) as {
      code: string;
      value: number | null;
    }[];
    expect(rows.find((r) => r.code === 'BLHH')?.value).toBe(3000.002);
    expect(rows.find((r) => r.code === 'SPCN_DIEN_SX')?.value).toBe(325);

    expect(chitieuOk(dir, 'import', file, '--period', '2023-01')).toContain(
      'Không có số liệu nào thay đổi: dữ liệu đã giống hệt tệp, không ghi gì.',
    );
    expect(chitieuOk(dir, 'import', '--history')).toMatch(
      /^Lần nhập số 1, \d\d:\d\d \d\d\/\d\d\/\d{4}, .*: 39 số liệu từ bpc-thang-01\.xlsx \(Toàn tỉnh, Tháng 1\/2023\)\n$/,
    );

    expect(chitieuOk(dir, 'import', '--undo', '1')).toBe(
      'Đã hoàn tác lần nhập số 1: trả lại 39 số liệu như trước khi nhập.\n',
    );
    const after = JSON.parse(chitieuOk(dir, 'values', 'get', '--period', '2023-01', '--json')) as {
      code: string;
      value: number | null;
    }[];
    expect(after.find((r) => r.code === 'BLHH')?.value).toBeNull();
    expect(chitieuOk(dir, 'import', '--history')).toContain('[đã hoàn tác lúc');
    const again = chitieu(dir, 'import', '--undo', '1');
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('Lỗi: Lần nhập số 1 đã được hoàn tác rồi.\n');
  });

  it('--dry-run of an .xls prints the same preview as the .xlsx of the same layout', async () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'info');
    const xlsx = await writeWorkbook(join(dir, 'thang-5.xlsx'), retailSheet);
    const xls = writeXls(join(dir, 'thang-5.xls'), retailSheet);
    const before = databaseBytes(dir);

    const out = chitieuOk(dir, 'import', xls, '--dry-run', '--details');
    expect(out).toContain('Tệp thang-5.xls');
    expect(out).toContain('kỳ Tháng 5/2023');
    expect(out).toMatch(/E5 BLHH 5 tháng năm 2023: mới 14\.659,9/);
    expect(out).toMatch(/E4 SPCN_DIEN_SX 5 tháng năm 2023: mới 1\.020/);
    // Everything else the same, but for the file's name and size.
    const unnamed = (text: string, name: string) =>
      text.replaceAll(name, '<tệp>').replace(/<tệp>, [\d.,]+ KB/, '<tệp>');
    expect(unnamed(out, 'thang-5.xls')).toBe(
      unnamed(chitieuOk(dir, 'import', xlsx, '--dry-run', '--details'), 'thang-5.xlsx'),
    );
    expect(databaseBytes(dir)).toBe(before);
  });

  it('--json prints the preview and the result for scripts', async () => {
    const dir = makeDataDir();
    const file = await filledJanuary(dir);
    const printed = JSON.parse(chitieuOk(dir, 'import', file, '--period', '2023-01', '--json')) as {
      preview: {
        files: { name: string; sheets: { name: string; values: { cell: string; code: string; value: number }[] }[] }[];
      };
      result: { importId: number; changed: number };
    };
    expect(printed.result).toMatchObject({ importId: 1, changed: 39 });
    const blhh = printed.preview.files[0]?.sheets.find((s) => s.name === 'BLHH')?.values.find((v) => v.cell === 'G2');
    expect(blhh).toMatchObject({ code: 'BLHH', value: 3000.002 });
  });

  it('--accept-suggestions applies the best suggestion of rows not recognized otherwise', async () => {
    const dir = makeDataDir();
    const file = await writeWorkbook(join(dir, 'xk.xlsx'), [
      {
        name: 'SP',
        rows: [
          ['STT', 'Chỉ tiêu chủ yếu', 'ĐVT', 'TH tháng'],
          [1, 'Quần án các loại', 'nghìn cái', 61.1],
        ],
      },
    ]);
    expect(chitieuOk(dir, 'import', file, '--period', '2022-06', '--dry-run', '--details')).toContain(
      'Gợi ý, chưa áp dụng (1;',
    );
    const out = chitieuOk(dir, 'import', file, '--period', '2022-06', '--accept-suggestions', '--details');
    expect(out).toMatch(
      /Dòng 2 \(B2\) "Quần án các loại" \(nghìn cái\) → SPCN_QUANAO \(gợi ý đã chấp nhận, độ tin cậy \d+%\)/,
    );
    expect(out).toContain('Đã nhập 1 số liệu');
  });

  it('files a workbook under the unit given with --unit, and refuses a unit that does not exist', async () => {
    const dir = makeDataDir();
    const file = await writeWorkbook(join(dir, 'a.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 12],
        ],
      },
    ]);
    const missing = chitieu(dir, 'import', file, '--period', '2023-05', '--unit', 'XA_KHONGCO');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('Lỗi: Không có đơn vị báo cáo mã XA_KHONGCO.\n');
    expect(chitieuOk(dir, 'import', file, '--period', '2023-05', '--unit', 'TINH')).toContain(
      'đơn vị Toàn tỉnh (đã chọn)',
    );
  });

  it('asks for --period when the workbook does not name its period, with exit code 2', async () => {
    const dir = makeDataDir();
    const file = await writeWorkbook(join(dir, 'a.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', 12],
        ],
      },
    ]);
    const result = chitieu(dir, 'import', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Lỗi: Chưa biết kỳ báo cáo của tệp a.xlsx: tiêu đề không ghi kỳ; hãy chọn kỳ báo cáo (trên màn hình: «Kỳ báo cáo chung» hoặc «Đổi kỳ» của tệp; dòng lệnh: --period, ví dụ --period 2023-05 là tháng 5/2023).\n',
    );
  });

  it('says that nothing was written when one file of several cannot be imported', async () => {
    const dir = makeDataDir();
    const good = await filledJanuary(dir);
    const bad = writeNotAWorkbook(join(dir, 'ghi-chu.xlsx'));
    chitieuOk(dir, 'info');
    const before = databaseBytes(dir);
    const result = chitieu(dir, 'import', good, bad, '--period', '2023-01');
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Không ghi gì vào dữ liệu (không tệp nào được nhập), vì:\n');
    expect(result.stderr).toMatch(/^Lỗi: .*ghi-chu\.xlsx/);
    expect(databaseBytes(dir)).toBe(before);
  });

  it('tells a workbook with no figures from one whose figures are all stored already', async () => {
    const dir = makeDataDir();
    const blank = await writeWorkbook(join(dir, 'mau-trong.xlsx'), [
      {
        name: 'A',
        rows: [
          ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          ['Điện sản xuất', 'triệu kWh', null],
        ],
      },
    ]);
    expect(chitieuOk(dir, 'import', blank, '--period', '2023-05')).toContain(
      'Không có số liệu nào để nhập: không dòng nào của tệp vừa nhận ra chỉ tiêu vừa có số; không ghi gì.',
    );
  });

  it('refuses wrong words with exit code 2', () => {
    const dir = makeDataDir();
    expect(chitieu(dir, 'import').stderr).toContain('Lỗi: Thiếu tên tệp cần nhập');
    expect(chitieu(dir, 'import').status).toBe(2);
    expect(chitieu(dir, 'import', 'a.xlsx', '--period', '2023-13').status).toBe(2);
    expect(chitieu(dir, 'import', '--undo', 'abc').status).toBe(2);
  });

  const badFiles: [string, (dir: string) => Promise<string> | string, RegExp][] = [
    ['not a workbook', (dir) => writeNotAWorkbook(join(dir, 'ghi-chu.xlsx')), /không phải sổ Excel/],
    [
      'a truncated workbook',
      async (dir) => writeTruncated(await filledJanuary(dir), join(dir, 'cut.xlsx')),
      /bị hỏng hoặc không trọn vẹn/,
    ],
    [
      'a damaged workbook',
      async (dir) => writeCorrupted(await filledJanuary(dir), join(dir, 'hong.xlsx')),
      /bị hỏng hoặc không trọn vẹn/,
    ],
    ['a password-protected workbook', (dir) => writePasswordProtected(join(dir, 'mk.xlsx')), /đặt mật khẩu/],
    [
      'a truncated .xls',
      (dir) => writeTruncated(writeXls(join(dir, 'goc.xls'), retailSheet), join(dir, 'cu.xls')),
      /Tệp cu\.xls bị hỏng hoặc không trọn vẹn/,
    ],
    ['an empty workbook', (dir) => writeEmptyWorkbook(join(dir, 'trong.xlsx')), /trống/],
  ];
  for (const [name, make, message] of badFiles) {
    it(`refuses ${name} with its message and exit code 2, writing nothing`, async () => {
      const dir = makeDataDir();
      chitieuOk(dir, 'info');
      const file = await make(dir);
      const before = databaseBytes(dir);
      const result = chitieu(dir, 'import', file, '--period', '2023-05');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Lỗi: /);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toContain('không đọc được');
      expect(databaseBytes(dir)).toBe(before);
    });
  }
});
