import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { missingSetup } from '../../shared/report/office-setup';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import type { ApiClient } from '../../shared/api/client';

/** Who the change log names for a figure, as Nhập liệu's cell panel shows it. */
async function whoChanged(api: ApiClient, period: string, code: string): Promise<string | null | undefined> {
  return (await api.call('values.grid', { period })).rows.find((r) => r.code === code)?.updatedBy;
}

describe('the first run', () => {
  it('has the office, the province, the clerk and the signatories to ask for, and nothing made up for them', async () => {
    const { api } = startBackend(makeDataDir());
    const settings = await api.call('settings.get', {});
    expect(settings.clerkName).toBe('');
    expect(missingSetup(settings)).toEqual(['provinceName', 'placeName', 'clerkName', 'preparerName', 'headName']);
    const saved = await api.call('settings.set', {
      provinceName: 'Tây Ninh',
      placeName: 'Tây Ninh',
      clerkName: 'Nguyễn Thị Lan',
      preparerName: 'Nguyễn Thị Lan',
      headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      headName: 'Trần Văn Hùng',
    });
    expect(missingSetup(saved)).toEqual([]);
  });

  it('records the clerk named at the first run as the person in the change log and beside the figure', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('settings.set', { clerkName: 'Nguyễn Thị Lan' });
    await api.call('values.set', { period: '2026-11', entries: [{ code: 'XK', value: 61.1 }] });
    expect(await whoChanged(api, '2026-11', 'XK')).toBe('Nguyễn Thị Lan');
    await api.call('settings.set', { clerkName: 'Trần Văn Minh' });
    await api.call('values.set', { period: '2026-11', entries: [{ code: 'XK', value: 62 }] });
    expect(await whoChanged(api, '2026-11', 'XK')).toBe('Trần Văn Minh');
  });

  it('says, while nobody is named, that the change was made under the computer account, not by a person of that name', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('values.set', { period: '2026-11', entries: [{ code: 'XK', value: 61.1 }] });
    expect(await whoChanged(api, '2026-11', 'XK')).toBe(
      `${userInfo().username} (tài khoản máy, chưa khai tên người nhập trong Cài đặt)`,
    );
  });
});
