import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { Indicator } from '../../shared/api/entities';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';

function fullCatalog(api: ApiClient): Promise<Indicator[]> {
  return api.call('catalog.list', { includeRetired: true });
}

function byCode(list: readonly Indicator[], code: string): Indicator | undefined {
  return list.find((i) => i.code === code);
}

describe('adding and editing indicators', () => {
  it('lists a new indicator with its parent, aliases, unit and decimals, and still has it after ChiTieu is reopened', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    const created = await first.api.call('catalog.create', {
      code: 'XK_GAO_GT',
      parentCode: 'XK',
      stt: '1.4',
      nameVi: 'Gạo',
      aliases: ['Gạo xuất khẩu', 'Gạo các loại'],
      unit: 'triệu USD',
      kind: 'flow',
      decimals: 2,
    });
    const expected = {
      code: 'XK_GAO_GT',
      parentCode: 'XK',
      stt: '1.4',
      nameVi: 'Gạo',
      aliases: ['Gạo xuất khẩu', 'Gạo các loại'],
      unit: 'triệu USD',
      kind: 'flow',
      decimals: 2,
      active: true,
    };
    expect(created).toMatchObject(expected);

    const listed = await first.api.call('catalog.list', { includeRetired: false });
    expect(listed).toHaveLength(39);
    expect(listed.filter((i) => i.code === 'XK_GAO_GT')).toEqual([created]);
    expect(listed.findIndex((i) => i.code === 'XK_GAO_GT')).toBeGreaterThan(listed.findIndex((i) => i.code === 'XK'));
    first.backend.close();

    const reopened = startBackend(dataDir);
    expect(byCode(await fullCatalog(reopened.api), 'XK_GAO_GT')).toEqual(created);
  });

  it('keeps a new name, unit and parent after ChiTieu is reopened, and leaves the other indicators alone', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    const before = await fullCatalog(first.api);
    const edited = await first.api.call('catalog.update', {
      code: 'XK_KHAC_GT',
      patch: { nameVi: 'Hàng hóa khác (kể cả tạm nhập tái xuất)', unit: 'nghìn USD', parentCode: 'NK' },
    });
    expect(edited).toMatchObject({
      code: 'XK_KHAC_GT',
      nameVi: 'Hàng hóa khác (kể cả tạm nhập tái xuất)',
      unit: 'nghìn USD',
      parentCode: 'NK',
      kind: 'flow',
      decimals: 2,
      active: true,
    });
    first.backend.close();

    const reopened = startBackend(dataDir);
    const after = await fullCatalog(reopened.api);
    expect(byCode(after, 'XK_KHAC_GT')).toEqual(edited);
    expect(after.filter((i) => i.code !== 'XK_KHAC_GT')).toEqual(before.filter((i) => i.code !== 'XK_KHAC_GT'));
  });

  it('refuses, in Vietnamese, to move an indicator under one of its own descendants, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const refusal = await refusalOf(api.call('catalog.update', { code: 'XNK', patch: { parentCode: 'XK_DIEU_L' } }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Không thể đặt XK_DIEU_L làm chỉ tiêu cha của XNK');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses to make an indicator its own parent, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const refusal = await refusalOf(api.call('catalog.update', { code: 'XK', patch: { parentCode: 'XK' } }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('chính nó');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses a second indicator with a code already in the catalog, naming the code, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const refusal = await refusalOf(
      api.call('catalog.create', { code: 'XK', nameVi: 'Xuất khẩu (trùng)', kind: 'flow' }),
    );

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('Mã chỉ tiêu XK đã có trong danh mục');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('treats a code typed with spaces around it, or the code of a retired indicator, as already taken', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('catalog.retire', { code: 'TMBG', retired: true });
    const before = await fullCatalog(api);

    const spaced = await refusalOf(api.call('catalog.create', { code: ' BLHH ', nameVi: 'Bán lẻ', kind: 'flow' }));
    const retired = await refusalOf(
      api.call('catalog.create', { code: 'TMBG', nameVi: 'Thương mại biên giới', kind: 'flow' }),
    );

    expect([spaced.code, retired.code]).toEqual(['conflict', 'conflict']);
    expect(spaced.message).toContain('BLHH');
    expect(retired.message).toContain('TMBG');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses an indicator whose parent is not in the catalog, naming the parent, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const onCreate = await refusalOf(
      api.call('catalog.create', { code: 'XK_GAO_GT', parentCode: 'KHONG_CO', nameVi: 'Gạo', kind: 'flow' }),
    );
    const onUpdate = await refusalOf(api.call('catalog.update', { code: 'XK', patch: { parentCode: 'KHONG_CO' } }));

    for (const refusal of [onCreate, onUpdate]) {
      expect(refusal.code).toBe('bad_input');
      expect(refusal.message).toContain('Chỉ tiêu cha KHONG_CO không có trong danh mục');
    }
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses to edit or retire an indicator that is not in the catalog', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const onUpdate = await refusalOf(api.call('catalog.update', { code: 'KHONG_CO', patch: { nameVi: 'Mới' } }));
    const onRetire = await refusalOf(api.call('catalog.retire', { code: 'KHONG_CO', retired: true }));

    for (const refusal of [onUpdate, onRetire]) {
      expect(refusal.code).toBe('not_found');
      expect(refusal.message).toContain('Không có chỉ tiêu mã KHONG_CO');
    }
    expect(await fullCatalog(api)).toEqual(before);
  });
});

describe('retiring and restoring indicators', () => {
  it('hides a retired indicator from the active list, keeps it inactive in the full list, and brings it back when restored', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const retired = await api.call('catalog.retire', { code: 'XK_KHAC_GT', retired: true });
    expect(retired.active).toBe(false);
    const active = await api.call('catalog.list', { includeRetired: false });
    expect(active.map((i) => i.code)).toEqual(before.map((i) => i.code).filter((c) => c !== 'XK_KHAC_GT'));
    const full = await fullCatalog(api);
    expect(full.map((i) => i.code)).toEqual(before.map((i) => i.code));
    expect(byCode(full, 'XK_KHAC_GT')).toEqual({ ...byCode(before, 'XK_KHAC_GT'), active: false });

    const restored = await api.call('catalog.retire', { code: 'XK_KHAC_GT', retired: false });
    expect(restored.active).toBe(true);
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('still has an indicator retired after ChiTieu is reopened', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    await first.api.call('catalog.retire', { code: 'CCHC_DVC4', retired: true });
    first.backend.close();

    const reopened = startBackend(dataDir);
    expect(byCode(await fullCatalog(reopened.api), 'CCHC_DVC4')?.active).toBe(false);
    const active = await reopened.api.call('catalog.list', { includeRetired: false });
    expect(byCode(active, 'CCHC_DVC4')).toBeUndefined();
  });

  it('refuses to retire a parent that still has active children, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const refusal = await refusalOf(api.call('catalog.retire', { code: 'XK', retired: true }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('Chỉ tiêu XK còn chỉ tiêu con đang dùng');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('retires a parent once all its children are retired, and refuses to restore a child before its parent', async () => {
    const { api } = startBackend(makeDataDir());
    for (const code of ['CCHC_CATGIAM', 'CCHC_DVC4', 'CCHC_TRUCTUYEN', 'CCHC']) {
      await api.call('catalog.retire', { code, retired: true });
    }
    const before = await fullCatalog(api);
    expect(byCode(before, 'CCHC')?.active).toBe(false);

    const refusal = await refusalOf(api.call('catalog.retire', { code: 'CCHC_DVC4', retired: false }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('Chỉ tiêu cha CCHC đang ngừng dùng');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses to add an indicator under a retired parent, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('catalog.retire', { code: 'TMBG', retired: true });
    const before = await fullCatalog(api);

    const refusal = await refusalOf(
      api.call('catalog.create', {
        code: 'TMBG_MOCBAI',
        parentCode: 'TMBG',
        nameVi: 'Cửa khẩu Mộc Bài',
        unit: 'triệu USD',
        kind: 'flow',
      }),
    );

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('TMBG');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses to move an active indicator under a retired parent, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('catalog.retire', { code: 'TMBG', retired: true });
    const before = await fullCatalog(api);

    const refusal = await refusalOf(api.call('catalog.update', { code: 'NK', patch: { parentCode: 'TMBG' } }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('TMBG');
    expect(await fullCatalog(api)).toEqual(before);
  });
});

describe('input the backend cannot use', () => {
  it('explains in Vietnamese that a lower-case code with a space is not an indicator code, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const refusal = await refusalOf(api.call('catalog.create', { code: 'xk 1', nameVi: 'Xuất khẩu', kind: 'flow' }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Mã chỉ tiêu chỉ gồm chữ in hoa không dấu');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('explains in Vietnamese that an indicator needs a name, on adding and on editing, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const onCreate = await refusalOf(api.call('catalog.create', { code: 'XK_GAO_GT', nameVi: '   ', kind: 'flow' }));
    const onUpdate = await refusalOf(api.call('catalog.update', { code: 'XK', patch: { nameVi: '' } }));

    for (const refusal of [onCreate, onUpdate]) {
      expect(refusal.code).toBe('bad_input');
      expect(refusal.message).toContain('Tên chỉ tiêu không được để trống');
    }
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('refuses more than 6 decimals and a field it does not know, saying so in Vietnamese, and changes nothing', async () => {
    const { backend, api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const tooPrecise = await refusalOf(api.call('catalog.update', { code: 'XK', patch: { decimals: 7 } }));
    const unknownField = await backend.call('catalog.create', {
      code: 'XK_GAO_GT',
      nameVi: 'Gạo',
      kind: 'flow',
      donViTinh: 'tấn',
    });

    expect(tooPrecise.code).toBe('bad_input');
    expect(tooPrecise.message).toContain("'patch.decimals'");
    expect(tooPrecise.message).toContain('Dữ liệu không hợp lệ');
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(unknownField.ok ? '' : unknownField.error.message).toContain('donViTinh');
    expect(await fullCatalog(api)).toEqual(before);
  });

  it('answers an operation it does not know with unknown_operation, naming it in Vietnamese, and changes nothing', async () => {
    const { backend, api } = startBackend(makeDataDir());
    const before = await fullCatalog(api);

    const response = await backend.call('catalog.delete', { code: 'XK' });

    expect(response).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation', message: 'Không có thao tác "catalog.delete".' },
    });
    expect(await fullCatalog(api)).toEqual(before);
  });
});
