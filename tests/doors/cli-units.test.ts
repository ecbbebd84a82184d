import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { writeWorkbook, type Figure } from '../support/workbooks';

interface ListedUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
  predecessors: string[];
}

const listed = (dir: string) => JSON.parse(chitieuOk(dir, 'units', 'list', '--json')) as ListedUnit[];

/** A commune's monthly workbook, on the department's template: the unit named above the title. */
function communeRows(unitName: string, retailMillions: number): Figure[][] {
  return [
    [`Đơn vị báo cáo: ${unitName}`],
    ['BÁO CÁO THÁNG 5 NĂM 2023'],
    ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
    [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', retailMillions],
  ];
}

function retailOf(dir: string, unitCode: string): number | null {
  const rows = JSON.parse(chitieuOk(dir, 'values', 'get', '--period', '2023-05', '--unit', unitCode, '--json')) as {
    code: string;
    value: number | null;
  }[];
  return rows.find((r) => r.code === 'BLHH')?.value ?? null;
}

describe('chitieu units', () => {
  it('lists the province a new data folder starts with, as text and as JSON', () => {
    const dir = makeDataDir();
    expect(chitieuOk(dir, 'units', 'list')).toBe('TINH  Toàn tỉnh (Tỉnh)\n');
    expect(listed(dir)).toEqual([
      {
        id: 1,
        code: 'TINH',
        name: 'Toàn tỉnh',
        kind: 'province',
        parent: null,
        parent_id: null,
        valid_from: null,
        valid_to: null,
        predecessors: [],
        predecessor_ids: [],
      },
    ]);
  });

  it('adds a commune, with its parent, its start day and the units it was merged from', () => {
    const dir = makeDataDir();
    expect(chitieuOk(dir, 'units', 'add', '--code', 'XA_CU_A', '--name', 'Xã Cũ A', '--valid-to', '30/06/2025')).toBe(
      'Đã thêm đơn vị báo cáo XA_CU_A "Xã Cũ A" (Xã, phường).\n',
    );
    chitieuOk(dir, 'units', 'add', '--code', 'XA_CU_B', '--name', 'Xã Cũ B', '--valid-to', '2025-06-30');
    expect(
      chitieuOk(
        dir,
        'units',
        'add',
        '--code',
        'XA_TANLAP',
        '--name',
        'Xã Tân Lập',
        '--parent',
        'TINH',
        '--valid-from',
        '01/07/2025',
        '--predecessors',
        'XA_CU_A,XA_CU_B',
      ),
    ).toBe('Đã thêm đơn vị báo cáo XA_TANLAP "Xã Tân Lập" (Xã, phường).\n');
    chitieuOk(dir, 'units', 'add', '--code', 'CK_HOANGDIEU', '--name', 'Cửa khẩu Hoàng Diệu', '--kind', 'cua-khau');

    expect(listed(dir).find((u) => u.code === 'XA_TANLAP')).toMatchObject({
      name: 'Xã Tân Lập',
      kind: 'commune',
      parent: 'TINH',
      valid_from: '2025-07-01',
      valid_to: null,
      predecessors: ['XA_CU_A', 'XA_CU_B'],
    });
    expect(listed(dir).find((u) => u.code === 'CK_HOANGDIEU')?.kind).toBe('border_gate');
    expect(chitieuOk(dir, 'units', 'list')).toContain(
      'XA_TANLAP     Xã Tân Lập (Xã, phường); trực thuộc TINH; hiệu lực từ 01/07/2025; tiền thân: XA_CU_A, XA_CU_B\n',
    );
    expect(chitieuOk(dir, 'units', 'list')).toContain('XA_CU_A       Xã Cũ A (Xã, phường); hiệu lực đến 30/06/2025\n');
  });

  it('takes a code reused after the merger, in --predecessors, as the unit that held it the day before the new one began', () => {
    const dir = makeDataDir();
    chitieuOk(
      dir,
      'units',
      'add',
      '--code',
      '80',
      '--name',
      'Tỉnh Long An',
      '--kind',
      'tinh',
      '--valid-to',
      '30/06/2025',
    );
    chitieuOk(
      dir,
      'units',
      'add',
      '--code',
      '72',
      '--name',
      'Tỉnh Tây Ninh (cũ)',
      '--kind',
      'tinh',
      '--valid-to',
      '30/06/2025',
    );
    chitieuOk(
      dir,
      'units',
      'add',
      '--code',
      '80',
      '--name',
      'Tỉnh Tây Ninh',
      '--kind',
      'tinh',
      '--valid-from',
      '01/07/2025',
      '--predecessors',
      '80,72',
    );
    const units = listed(dir);
    const oldLongAn = units.find((u) => u.name === 'Tỉnh Long An');
    const newTayNinh = units.find((u) => u.name === 'Tỉnh Tây Ninh');
    expect(newTayNinh?.predecessors).toEqual(['80', '72']);
    expect(
      (JSON.parse(chitieuOk(dir, 'units', 'list', '--json')) as { id: number; predecessor_ids: number[] }[]).find(
        (u) => u.id === newTayNinh?.id,
      )?.predecessor_ids[0],
    ).toBe(oldLongAn?.id);
  });

  it('refuses a code already in use (in any case), an empty name and an unknown parent, and writes nothing', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'units', 'add', '--code', 'XA_TANLAP', '--name', 'Xã Tân Lập');
    const before = listed(dir);

    const duplicate = chitieu(dir, 'units', 'add', '--code', 'XA_TANLAP', '--name', 'Xã Tân Lập 2');
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toBe(
      'Lỗi: Mã XA_TANLAP đang được đơn vị "Xã Tân Lập" dùng trong cùng thời gian hiệu lực. Hãy dùng mã khác (xem chitieu units list).\n',
    );
    const otherCase = chitieu(dir, 'units', 'add', '--code', 'xa_tanlap', '--name', 'Xã Khác');
    expect(otherCase.status).toBe(2);
    expect(otherCase.stderr).toContain('Mã xa_tanlap đang được đơn vị "Xã Tân Lập" dùng');

    const emptyName = chitieu(dir, 'units', 'add', '--code', 'XA_MOI', '--name', '   ');
    expect(emptyName.status).toBe(2);
    expect(emptyName.stderr).toBe('Lỗi: --name: Tên đơn vị không được để trống.\n');
    const noName = chitieu(dir, 'units', 'add', '--code', 'XA_MOI');
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain('Thiếu --name');
    const spacedCode = chitieu(dir, 'units', 'add', '--code', 'XA MOI', '--name', 'Xã Mới');
    expect(spacedCode.stderr).toBe('Lỗi: --code: Mã đơn vị không được chứa khoảng trắng.\n');
    const unknownParent = chitieu(dir, 'units', 'add', '--code', 'XA_MOI', '--name', 'Xã Mới', '--parent', 'HUYEN_CU');
    expect(unknownParent.status).toBe(2);
    expect(unknownParent.stderr).toBe('Lỗi: --parent: không có đơn vị báo cáo mã HUYEN_CU (xem chitieu units list).\n');
    const badDay = chitieu(dir, 'units', 'add', '--code', 'XA_MOI', '--name', 'Xã Mới', '--valid-from', '31/02/2025');
    expect(badDay.status).toBe(2);
    expect(badDay.stderr).toBe(
      'Lỗi: --valid-from cần một ngày như 01/07/2025 hoặc 2025-07-01, không phải "31/02/2025".\n',
    );
    const badKind = chitieu(dir, 'units', 'add', '--code', 'XA_MOI', '--name', 'Xã Mới', '--kind', 'huyen');
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toContain('--kind phải là xa');

    expect(listed(dir)).toEqual(before);
  });

  it('renames a unit and changes its code, and refuses an unknown code, a taken code and an empty name', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'units', 'add', '--code', 'XA_TANLAP', '--name', 'Xã Tân Lập');
    chitieuOk(dir, 'units', 'add', '--code', 'XA_DONGTIEN', '--name', 'Xã Đồng Tiến');

    expect(chitieuOk(dir, 'units', 'rename', 'XA_TANLAP', '--name', 'Phường Tân Lập')).toBe(
      'Đã đổi đơn vị XA_TANLAP: tên "Xã Tân Lập" → "Phường Tân Lập".\n',
    );
    expect(chitieuOk(dir, 'units', 'rename', 'xa_tanlap', '--code', 'P_TANLAP')).toBe(
      'Đã đổi đơn vị XA_TANLAP: mã XA_TANLAP → P_TANLAP.\n',
    );
    expect(listed(dir).map((u) => [u.code, u.name])).toEqual([
      ['TINH', 'Toàn tỉnh'],
      ['P_TANLAP', 'Phường Tân Lập'],
      ['XA_DONGTIEN', 'Xã Đồng Tiến'],
    ]);
    const before = listed(dir);

    const unknown = chitieu(dir, 'units', 'rename', 'XA_TANLAP', '--name', 'Xã Tân Lập');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('Lỗi: Không có đơn vị báo cáo mã XA_TANLAP (xem chitieu units list).\n');
    const taken = chitieu(dir, 'units', 'rename', 'P_TANLAP', '--code', 'XA_DONGTIEN');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('Mã XA_DONGTIEN đang được đơn vị "Xã Đồng Tiến" dùng');
    const empty = chitieu(dir, 'units', 'rename', 'P_TANLAP', '--name', '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('Lỗi: --name: Tên đơn vị không được để trống.\n');
    const nothing = chitieu(dir, 'units', 'rename', 'P_TANLAP');
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('Thiếu --name hoặc --code mới');
    const other = chitieu(dir, 'units', 'rename', 'P_TANLAP', '--name', 'X', '--parent', 'TINH');
    expect(other.status).toBe(2);
    expect(other.stderr).toBe('Lỗi: chitieu units rename không dùng --parent.\n');

    expect(listed(dir)).toEqual(before);
  });

  it('says which unit will get the workbooks when a second unit takes a name already used', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'units', 'add', '--code', 'XA_TANLAP', '--name', 'Xã Tân Lập');
    expect(chitieuOk(dir, 'units', 'add', '--code', 'XA_TANLAP_2', '--name', 'Xã Tân Lập')).toContain(
      'Lưu ý: đơn vị XA_TANLAP cũng tên "Xã Tân Lập"; sổ Excel ghi "Đơn vị báo cáo: Xã Tân Lập" sẽ vào đơn vị XA_TANLAP. Khi nhập sổ của đơn vị mới, hãy dùng --unit XA_TANLAP_2.',
    );
  });

  it('refuses an action it does not have', () => {
    const dir = makeDataDir();
    const result = chitieu(dir, 'units', 'delete', 'TINH');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Lỗi: Không hiểu "units delete".');
  });

  it('does a consolidation from the command line alone: three communes added, their three workbooks imported at once, each figure under its commune', async () => {
    const dir = makeDataDir();
    const communes = [
      { code: 'XA_TANLAP', name: 'Xã Tân Lập', retail: 12_500 },
      { code: 'XA_DONGTIEN', name: 'Xã Đồng Tiến', retail: 48_000 },
      { code: 'P_DONGXOAI', name: 'Phường Đồng Xoài', retail: 230_400 },
    ];
    const files = await Promise.all(
      communes.map((c) =>
        writeWorkbook(join(dir, `${c.code}.xlsx`), [{ name: 'BC', rows: communeRows(c.name, c.retail) }]),
      ),
    );
    const before = chitieu(dir, 'import', ...files);
    expect(before.status).toBe(2);
    expect(before.stderr).toContain('dòng lệnh: chitieu units add --code MÃ --name "Xã Tân Lập"');
    expect(before.stdout).toContain('Không ghi gì vào dữ liệu (không tệp nào được nhập)');

    for (const c of communes) chitieuOk(dir, 'units', 'add', '--code', c.code, '--name', c.name);

    const out = chitieuOk(dir, 'import', ...files);

    for (const c of communes) expect(out).toContain(`Tệp ${c.code}.xlsx`);
    expect(out).toContain('đơn vị Xã Đồng Tiến (theo ô BC!A1)');
    expect(out).toMatch(/Đã nhập 3 số liệu, lần nhập số 1\./);
    expect(retailOf(dir, 'XA_TANLAP')).toBe(12.5);
    expect(retailOf(dir, 'XA_DONGTIEN')).toBe(48);
    expect(retailOf(dir, 'P_DONGXOAI')).toBe(230.4);
    expect(retailOf(dir, 'TINH')).toBeNull();
  });
});
