import { describe, expect, it } from 'vitest';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

describe('chitieu settings', () => {
  it('tells what the first run still has to name, then sets the office and the signatories as Cài đặt does', () => {
    const dir = makeDataDir();
    expect(chitieuOk(dir, 'settings')).toContain(
      'Chưa khai tỉnh, địa danh, tên người nhập liệu, người lập biểu, họ tên thủ trưởng: hãy ghi bằng chitieu settings set',
    );
    const out = chitieuOk(
      dir,
      'settings',
      'set',
      'provinceName=Tây Ninh',
      'placeName=Tây Ninh',
      'clerkName=Nguyễn Thị Lan',
      'preparerName=Nguyễn Thị Lan',
      'headTitle=KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC',
      'headName=Trần Văn Hùng',
    );
    expect(out).toContain('headTitle="KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"');
    expect(out).not.toContain('Chưa khai');
    expect(JSON.parse(chitieuOk(dir, 'settings', '--json'))).toMatchObject({
      provinceName: 'Tây Ninh',
      clerkName: 'Nguyễn Thị Lan',
      headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    });
  });

  it('refuses a name it does not know and writes nothing', () => {
    const dir = makeDataDir();
    const refused = chitieu(dir, 'settings', 'set', 'clerkName=Lan', 'tinh=Tây Ninh');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('không có cài đặt tên "tinh"');
    expect(JSON.parse(chitieuOk(dir, 'settings', '--json'))).toMatchObject({ clerkName: '' });
  });
});
