import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { writeNotAWorkbook, writeWorkbook, type Figure } from '../support/workbooks';

/** About the number of communes a province has had since the 2025 reorganisation, and more than the old cap of 50. */
const communeCount = 120;

interface Commune {
  code: string;
  name: string;
  /** Retail sales of May 2023 in triệu đồng, as the commune writes it; a different figure for each. */
  retail: number;
}

const communes: Commune[] = Array.from({ length: communeCount }, (_, i) => ({
  code: `XA_${String(i + 1).padStart(3, '0')}`,
  name: `Xã Số ${i + 1}`,
  retail: 10_000 + (i + 1) * 100,
}));

function communeRows(c: Commune): Figure[][] {
  return [
    [`Đơn vị báo cáo: ${c.name}`],
    ['BÁO CÁO THÁNG 5 NĂM 2023'],
    ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
    [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', c.retail],
  ];
}

/** The communes on the unit list (through the API: a hundred and twenty `chitieu units add` would be slow) and their workbooks in one folder. */
async function communesWithWorkbooks(dir: string): Promise<{ folder: string; files: string[] }> {
  const { api } = startBackend(dir);
  for (const c of communes) await api.call('units.create', { code: c.code, name: c.name, kind: 'commune' });
  const folder = join(dir, 'bao-cao-cac-xa');
  mkdirSync(folder);
  const files: string[] = [];
  for (const c of communes)
    files.push(await writeWorkbook(join(folder, `${c.code}.xlsx`), [{ name: 'BC', rows: communeRows(c) }]));
  return { folder, files };
}

function retailOf(dir: string, unitCode: string): number | null {
  const rows = JSON.parse(chitieuOk(dir, 'values', 'get', '--period', '2023-05', '--unit', unitCode, '--json')) as {
    code: string;
    value: number | null;
  }[];
  return rows.find((r) => r.code === 'BLHH')?.value ?? null;
}

describe('chitieu import of a whole province of communes', () => {
  it('imports 120 commune workbooks named on one command line, as one import, each figure under its commune', async () => {
    const dir = makeDataDir();
    const { files } = await communesWithWorkbooks(dir);

    const out = chitieuOk(dir, 'import', ...files);

    expect(out).toContain(`Đã nhập ${communeCount} số liệu, lần nhập số 1.`);
    const [record, ...others] = JSON.parse(chitieuOk(dir, 'import', '--history', '--json')) as {
      changed: number;
      files: { name: string; unitName: string; changed: number }[];
    }[];
    expect(others).toEqual([]);
    expect(record?.changed).toBe(communeCount);
    expect(record?.files.map((f) => f.unitName)).toEqual(communes.map((c) => c.name));
    for (const c of [communes[0], communes[119]]) expect(retailOf(dir, c?.code ?? '')).toBe((c?.retail ?? 0) / 1000);
  });

  it('takes a folder for the workbooks in it, and one that cannot be read holds back all the others', async () => {
    const dir = makeDataDir();
    const { folder } = await communesWithWorkbooks(dir);
    writeNotAWorkbook(join(folder, 'XA_061b.xlsx'));
    writeFileSync(join(folder, 'huong-dan.txt'), 'Các xã gửi báo cáo trước ngày 20.\n');

    const refused = chitieu(dir, 'import', folder);

    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain(
      `Không nhập 1 tệp không phải sổ Excel trong thư mục: ${join(folder, 'huong-dan.txt')}`,
    );
    expect(refused.stdout).toContain('Tệp XA_061b.xlsx: không đọc được');
    expect(refused.stdout).toContain('Không ghi gì vào dữ liệu (không tệp nào được nhập), vì:');
    expect(chitieuOk(dir, 'import', '--history')).toBe('Chưa có lần nhập nào.\n');
    expect(retailOf(dir, 'XA_001')).toBeNull();
    expect(retailOf(dir, 'XA_120')).toBeNull();
  });

  it('refuses more files than one import takes, before reading any', () => {
    const dir = makeDataDir();
    const folder = join(dir, 'qua-nhieu');
    mkdirSync(folder);
    for (let i = 0; i < 501; i++) writeNotAWorkbook(join(folder, `xa-${i}.xlsx`));

    const refused = chitieu(dir, 'import', folder);

    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'Lỗi: Có 501 tệp, nhiều hơn 500 tệp mà một lần nhập nhận; hãy chia các tệp ra nhiều lần nhập.\n',
    );
  });

  it('says so for a folder with no workbook in it', () => {
    const dir = makeDataDir();
    const folder = join(dir, 'trong');
    mkdirSync(folder);
    writeFileSync(join(folder, '~$XA_001.xlsx'), 'lock');

    const refused = chitieu(dir, 'import', folder);

    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`Lỗi: Thư mục ${folder} không có sổ Excel nào (.xlsx, .xlsm, .xls).\n`);
  });
});
