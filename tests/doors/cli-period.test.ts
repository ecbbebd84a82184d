import { describe, expect, it } from 'vitest';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

describe('chitieu period', () => {
  it('takes a month from Đang nhập to Đã khóa sổ, refuses a figure while closed, and reopens it with a reason', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'values', 'set', '--period', '2023-06', 'XNK=380');
    expect(chitieuOk(dir, 'period', 'status', '--period', '2023-06')).toBe('Tháng 6/2023, Toàn tỉnh: Đang nhập\n');
    chitieuOk(dir, 'period', 'submit', '--period', '2023-06', '--note', 'Gửi lãnh đạo phòng');
    chitieuOk(dir, 'period', 'approve', '--period', '2023-06');
    const locked = chitieuOk(dir, 'period', 'lock', '--period', '2023-06', '--note', 'Đã báo cáo UBND tỉnh');
    expect(locked).toMatch(/^Tháng 6\/2023, Toàn tỉnh: Đã khóa sổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4} bởi \S/);
    expect(locked).toContain('Đang nhập → Đã gửi');
    expect(locked).toContain(': Gửi lãnh đạo phòng');
    expect(locked).toContain('Đã duyệt → Đã khóa sổ');

    const refused = chitieu(dir, 'values', 'set', '--period', '2023-06', 'XNK=390');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Lỗi: Không ghi được: Tháng 6\/2023 của Toàn tỉnh đã khóa sổ lúc .* bởi /);

    const noReason = chitieu(dir, 'period', 'reopen', '--period', '2023-06');
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain('Mở khóa kỳ báo cáo cần có lý do: --reason');

    const outOfOrder = chitieu(dir, 'period', 'approve', '--period', '2023-06');
    expect(outOfOrder.status).toBe(1);
    expect(outOfOrder.stderr).toContain('Không duyệt được: Tháng 6/2023 của Toàn tỉnh đang ở trạng thái Đã khóa sổ.');

    chitieuOk(dir, 'period', 'reopen', '--period', '2023-06', '--reason', 'Cục Thống kê sửa số');
    const status = JSON.parse(chitieuOk(dir, 'period', 'status', '--period', '2023-06', '--json')) as {
      state: string;
      log: { from: string; to: string; note: string | null }[];
    };
    expect(status.state).toBe('entry');
    expect(status.log.map((s) => `${s.from}→${s.to}`)).toEqual([
      'entry→submitted',
      'submitted→approved',
      'approved→locked',
      'locked→entry',
    ]);
    expect(status.log.at(-1)?.note).toBe('Cục Thống kê sửa số');
    chitieuOk(dir, 'values', 'set', '--period', '2023-06', 'XNK=390');
  });

  it('says which actions it knows', () => {
    const result = chitieu(makeDataDir(), 'period', 'close', '--period', '2023-06');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Lệnh period cần một trong: status, submit, approve, lock, reopen.');
  });
});
