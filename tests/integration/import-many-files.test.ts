import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportSessions } from '../../electron/backend/import/sessions';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { writeWorkbook, type Figure } from '../support/workbooks';

const rows = (name: string, figure: number): Figure[][] => [
  [`Đơn vị báo cáo: ${name}`],
  ['BÁO CÁO THÁNG 5 NĂM 2023'],
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
  [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', figure],
];

describe('how many workbooks one import takes', () => {
  it("takes up to 500 files, a province's hundred communes and more, and refuses the 501st in Vietnamese", async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const missing = (n: number) => Array.from({ length: n }, (_, i) => ({ path: join(dir, `xa-${i}.xlsx`) }));

    const taken = await api.call('import.readPaths', { files: missing(500) });
    expect(taken.files).toHaveLength(500);
    await api.call('import.close', { sessionId: taken.sessionId });

    const refusal = await refusalOf(api.call('import.readPaths', { files: missing(501) }));
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Một lần nhập nhận tối đa 500 tệp; hãy chia các tệp ra nhiều lần nhập.');
  });

  it('keeps the workbooks of one import within a total size, and says which file would pass it', async () => {
    const dir = makeDataDir();
    const a = await writeWorkbook(join(dir, 'xa-a.xlsx'), [{ name: 'BC', rows: rows('Xã A', 100) }]);
    const b = await writeWorkbook(join(dir, 'xa-b.xlsx'), [{ name: 'BC', rows: rows('Xã B', 200) }]);
    const c = await writeWorkbook(join(dir, 'xa-c.xlsx'), [{ name: 'BC', rows: rows('Xã C', 300) }]);
    const budget = statSync(a).size + statSync(b).size;
    const sessions = new ImportSessions(() => {}, budget);

    const session = sessions.start([
      { path: a },
      { name: 'xa-b.xlsx', contentBase64: readFileSync(b).toString('base64') },
      { path: c },
    ]);
    await session.done;

    expect(session.files.map((f) => f.state)).toEqual(['read', 'read', 'failed']);
    expect(session.files[2]?.error?.code).toBe('too_big');
    expect(session.files[2]?.error?.message).toMatch(
      /^Tệp xa-c\.xlsx \(.* MB\) chưa được đọc: thêm nó, các tệp của lần nhập này sẽ nặng hơn .* MB, giới hạn của một lần nhập/,
    );
    expect(session.files[2]?.workbook).toBeNull();
  });
});
