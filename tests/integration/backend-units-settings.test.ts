import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../db/migrate/bundled-migrations';
import type { ApiClient } from '../../shared/api/client';
import type { ReportingUnit } from '../../shared/api/entities';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase } from '../support/sqlite-files';

async function provinceUnit(api: ApiClient): Promise<ReportingUnit> {
  const tinh = (await api.call('units.list', {})).find((u) => u.code === 'TINH');
  if (!tinh) throw new Error('TINH is missing');
  return tinh;
}

describe('reporting units', () => {
  it('starts with the whole province, TINH, as the only reporting unit', async () => {
    const { api } = startBackend(makeDataDir());
    expect(await api.call('units.list', {})).toEqual([
      {
        id: expect.any(Number) as number,
        code: 'TINH',
        name: 'Toàn tỉnh',
        kind: 'province',
        parentId: null,
        validFrom: null,
        validTo: null,
        predecessorIds: [],
      },
    ]);
  });

  it('adds a commune under TINH and still lists it after ChiTieu is reopened', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    const tinh = await provinceUnit(first.api);
    const commune = await first.api.call('units.create', {
      code: '25123',
      name: 'Phường Tân Ninh',
      kind: 'commune',
      parentId: tinh.id,
      validFrom: '2025-07-01',
    });
    expect(commune).toMatchObject({
      code: '25123',
      name: 'Phường Tân Ninh',
      kind: 'commune',
      parentId: tinh.id,
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(await first.api.call('units.list', {})).toEqual([tinh, commune]);
    first.backend.close();

    const reopened = startBackend(dataDir);
    expect(await reopened.api.call('units.list', {})).toEqual([tinh, commune]);
  });

  it('refuses a second unit with a code already in use over the same time, naming the code, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('units.create', { code: '80', name: 'Tỉnh Long An', kind: 'province', validTo: '2025-06-30' });
    const before = await api.call('units.list', {});

    const sameCode = await refusalOf(
      api.call('units.create', { code: 'TINH', name: 'Tỉnh thứ hai', kind: 'province' }),
    );
    const overlapping = await refusalOf(
      api.call('units.create', { code: '80', name: 'Tỉnh Tây Ninh', kind: 'province', validFrom: '2025-06-30' }),
    );

    for (const refusal of [sameCode, overlapping]) expect(refusal.code).toBe('conflict');
    expect(sameCode.message).toContain('Mã TINH đang được đơn vị "Toàn tỉnh" dùng');
    expect(overlapping.message).toContain('Mã 80 đang được đơn vị "Tỉnh Long An" dùng');
    expect(await api.call('units.list', {})).toEqual(before);
  });

  it('accepts an old code again for a unit that starts after the old one ended, as with the 2025 mergers, and keeps its predecessors', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    const longAn = await first.api.call('units.create', {
      code: '80',
      name: 'Tỉnh Long An',
      kind: 'province',
      validTo: '2025-06-30',
    });
    const oldTayNinh = await first.api.call('units.create', {
      code: '72',
      name: 'Tỉnh Tây Ninh (cũ)',
      kind: 'province',
      validTo: '2025-06-30',
    });

    const tayNinh = await first.api.call('units.create', {
      code: '80',
      name: 'Tỉnh Tây Ninh',
      kind: 'province',
      validFrom: '2025-07-01',
      predecessorIds: [longAn.id, oldTayNinh.id],
    });

    expect(tayNinh).toMatchObject({
      code: '80',
      validFrom: '2025-07-01',
      validTo: null,
      predecessorIds: [longAn.id, oldTayNinh.id],
    });
    const listed = await first.api.call('units.list', {});
    expect(listed.filter((u) => u.code === '80')).toEqual([longAn, tayNinh]);
    first.backend.close();

    const reopened = startBackend(dataDir);
    expect(await reopened.api.call('units.list', {})).toEqual(listed);
  });

  it('refuses a predecessor that is not a known unit, and a unit that is its own predecessor', async () => {
    const { api } = startBackend(makeDataDir());
    const tinh = await provinceUnit(api);
    const before = await api.call('units.list', {});

    const unknown = await refusalOf(
      api.call('units.create', { code: '80', name: 'Tỉnh Tây Ninh', kind: 'province', predecessorIds: [9999] }),
    );
    const itself = await refusalOf(api.call('units.update', { id: tinh.id, patch: { predecessorIds: [tinh.id] } }));

    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('Không có đơn vị báo cáo số 9999');
    expect(itself.code).toBe('bad_input');
    expect(itself.message).toContain('tiền thân của chính nó');
    expect(await api.call('units.list', {})).toEqual(before);
  });

  it('refuses to make a unit its own parent, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const tinh = await provinceUnit(api);
    const before = await api.call('units.list', {});

    const refusal = await refusalOf(api.call('units.update', { id: tinh.id, patch: { parentId: tinh.id } }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Một đơn vị không thể trực thuộc chính nó');
    expect(await api.call('units.list', {})).toEqual(before);
  });

  it('refuses to place a unit under one of its own communes, and changes nothing', async () => {
    const { api } = startBackend(makeDataDir());
    const tinh = await provinceUnit(api);
    const commune = await api.call('units.create', {
      code: '25123',
      name: 'Phường Tân Ninh',
      kind: 'commune',
      parentId: tinh.id,
    });
    const before = await api.call('units.list', {});

    const refusal = await refusalOf(api.call('units.update', { id: tinh.id, patch: { parentId: commune.id } }));

    expect(refusal.code).toBe('bad_input');
    expect(await api.call('units.list', {})).toEqual(before);
  });

  it('refuses a validity that ends before it starts, in Vietnamese', async () => {
    const { api } = startBackend(makeDataDir());
    const before = await api.call('units.list', {});

    const refusal = await refusalOf(
      api.call('units.create', {
        code: '80',
        name: 'Tỉnh Tây Ninh',
        kind: 'province',
        validFrom: '2025-07-01',
        validTo: '2025-06-30',
      }),
    );

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Ngày bắt đầu hiệu lực phải trước ngày hết hiệu lực');
    expect(await api.call('units.list', {})).toEqual(before);
  });

  it("refuses to stretch a unit's validity over the time another unit uses the same code", async () => {
    const { api } = startBackend(makeDataDir());
    const longAn = await api.call('units.create', {
      code: '80',
      name: 'Tỉnh Long An',
      kind: 'province',
      validTo: '2025-06-30',
    });
    await api.call('units.create', { code: '80', name: 'Tỉnh Tây Ninh', kind: 'province', validFrom: '2025-07-01' });
    const before = await api.call('units.list', {});

    const refusal = await refusalOf(api.call('units.update', { id: longAn.id, patch: { validTo: null } }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('Tỉnh Tây Ninh');
    expect(await api.call('units.list', {})).toEqual(before);
  });
});

describe('settings', () => {
  it('starts with the department defaults: SỞ CÔNG THƯƠNG, GIÁM ĐỐC and no web password', async () => {
    const { api } = startBackend(makeDataDir());
    expect(await api.call('settings.get', {})).toMatchObject({
      provinceName: '',
      departmentName: 'SỞ CÔNG THƯƠNG',
      placeName: '',
      formNumber: '',
      preparerName: '',
      headTitle: 'GIÁM ĐỐC',
      headName: '',
      webPasswordSet: false,
    });
  });

  it('keeps saved settings after ChiTieu is reopened, and leaves the ones not mentioned alone', async () => {
    const dataDir = makeDataDir();
    const first = startBackend(dataDir);
    await first.api.call('settings.set', { provinceName: 'UBND TỈNH TÂY NINH', headName: 'Trần Văn Bình' });
    const saved = await first.api.call('settings.set', {
      placeName: 'Tây Ninh',
      headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    });
    expect(saved).toMatchObject({
      provinceName: 'UBND TỈNH TÂY NINH',
      departmentName: 'SỞ CÔNG THƯƠNG',
      placeName: 'Tây Ninh',
      headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      headName: 'Trần Văn Bình',
      webPasswordSet: false,
    });
    first.backend.close();

    const reopened = startBackend(dataDir);
    expect(await reopened.api.call('settings.get', {})).toEqual(saved);
  });

  it('marks the web password as set without ever showing it or its hash, and does not store it in the clear', async () => {
    const { backend } = startBackend(makeDataDir());
    const password = 'MatKhau-TayNinh-2025';

    const afterSet = await backend.call('settings.set', { webPassword: password });
    const afterGet = await backend.call('settings.get', {});

    expect(afterSet).toMatchObject({ ok: true, result: { webPasswordSet: true } });
    expect(afterGet).toMatchObject({ ok: true, result: { webPasswordSet: true } });
    const storedTexts = withRawDatabase(backend.database.file, (raw) => dumpTables(raw)['settings'] ?? [])
      .map((row) => JSON.parse(String(row['value'])) as unknown)
      .filter((value): value is string => typeof value === 'string');
    expect(storedTexts).toHaveLength(1);
    for (const stored of storedTexts) expect(stored).not.toContain(password);
    for (const response of [afterSet, afterGet]) {
      const text = JSON.stringify(response);
      expect(text).not.toContain(password);
      for (const stored of storedTexts) expect(text).not.toContain(stored);
    }
  });

  it('refuses a 3-character web password with a Vietnamese explanation, and still has no password', async () => {
    const { api } = startBackend(makeDataDir());

    const refusal = await refusalOf(api.call('settings.set', { webPassword: 'abc' }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Mật khẩu truy cập qua mạng phải có ít nhất 8 ký tự');
    expect((await api.call('settings.get', {})).webPasswordSet).toBe(false);
  });

  it('turns web access by password off again when the password is cleared', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('settings.set', { webPassword: 'MatKhau-TayNinh-2025' });

    const cleared = await api.call('settings.set', { webPassword: null });

    expect(cleared.webPasswordSet).toBe(false);
    expect((await api.call('settings.get', {})).webPasswordSet).toBe(false);
  });
});

describe('app.info', () => {
  it('reports the data directory, the database file, the schema version and the version from package.json', async () => {
    const dataDir = makeDataDir();
    const { api } = startBackend(dataDir);
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const migrations = bundledMigrations();

    const info = await api.call('app.info', {});

    expect(info).toEqual({
      version: packageJson.version,
      dataDir,
      databaseFile: join(dataDir, 'chitieu.db'),
      schemaVersion: migrations[migrations.length - 1]?.tag,
      migrationsApplied: migrations.length,
      sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+$/) as string,
      databaseState: { integrity: 'pending', integrityCheckedAt: null, writeRefusalVi: null },
    });
  });
});
