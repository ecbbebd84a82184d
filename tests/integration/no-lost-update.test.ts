import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { withRawDatabase } from '../support/sqlite-files';

const period = '2024-03';

/** Two clerks on one database: each call is made as the clerk named, as two offices of one department would. */
async function office() {
  const { api, backend } = startBackend(makeDataDir());
  const changesOf = (code: string) =>
    withRawDatabase(backend.database.file, (raw) =>
      raw
        .prepare('SELECT who, old_value, new_value FROM change_log_full WHERE indicator_code = ? ORDER BY id')
        .all(code),
    );
  const as = async (clerkName: string, call: (api: ApiClient) => Promise<unknown>) => {
    await api.call('settings.set', { clerkName });
    return call(api);
  };
  return { api, as, changesOf };
}

async function figureOf(api: ApiClient, code: string): Promise<number | null> {
  return (
    (await api.call('values.grid', { period, withFindings: false })).rows.find((r) => r.code === code)?.value ?? null
  );
}

describe('a save over a figure someone else changed meanwhile', () => {
  it('is refused with who changed it, when and to what, and their figure stays', async () => {
    const { api, as } = await office();
    await as('Trần Văn Minh', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4, seen: null }] }),
    );

    const refusal = await refusalOf(
      as('Nguyễn Thị Lan', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: 799, seen: null }] })),
    );
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(
      /^Kim ngạch xuất khẩu \(XK\), Tháng 3\/2024: trong lúc bạn nhập, số liệu đã được Trần Văn Minh sửa thành 812,4 lúc \d\d:\d\d \d\d\/\d\d\/\d{4} \(bạn đã thấy ô trống\)\. Số của bạn chưa được ghi; hãy xem số mới rồi nhập lại nếu vẫn muốn thay\.$/,
    );
    expect(refusal.details).toMatchObject({ code: 'XK', seen: null, current: 812.4, by: 'Trần Văn Minh' });
    expect(await figureOf(api, 'XK')).toBe(812.4);
  });

  it('goes through once the clerk has seen the new figure, and the change log names both clerks', async () => {
    const { api, as, changesOf } = await office();
    await as('Trần Văn Minh', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4, seen: null }] }),
    );
    await as('Nguyễn Thị Lan', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 799, seen: 812.4 }] }),
    );
    expect(await figureOf(api, 'XK')).toBe(799);
    expect(changesOf('XK')).toEqual([
      { who: 'Trần Văn Minh', old_value: null, new_value: 812.4 },
      { who: 'Nguyễn Thị Lan', old_value: 812.4, new_value: 799 },
    ]);
  });

  it('refuses a whole paste when one of its cells was changed meanwhile, writing none of it', async () => {
    const { api, as } = await office();
    await as('Trần Văn Minh', (a) => a.call('values.set', { period, entries: [{ code: 'NK', value: 640.2 }] }));
    const refusal = await refusalOf(
      as('Nguyễn Thị Lan', (a) =>
        a.call('values.set', {
          period,
          source: 'pasted',
          entries: [
            { code: 'XK', value: 812.4, seen: null },
            { code: 'NK', value: 650, seen: null },
            { code: 'BLHH', value: 14659.9, seen: null },
          ],
        }),
      ),
    );
    expect(refusal.message).toContain('Kim ngạch nhập khẩu (NK)');
    expect([await figureOf(api, 'XK'), await figureOf(api, 'NK'), await figureOf(api, 'BLHH')]).toEqual([
      null,
      640.2,
      null,
    ]);
  });

  it('is refused when the figure was cleared meanwhile', async () => {
    const { as } = await office();
    await as('Trần Văn Minh', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4 }] }));
    await as('Trần Văn Minh', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: null }] }));
    const refusal = await refusalOf(
      as('Nguyễn Thị Lan', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: 820, seen: 812.4 }] })),
    );
    expect(refusal.message).toContain('số liệu đã bị xóa ở nơi khác (bạn đã thấy 812,4)');
  });

  it('is not checked for a save that does not say what it saw (the command line, a script)', async () => {
    const { api, as } = await office();
    await as('Trần Văn Minh', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4 }] }));
    await as('Nguyễn Thị Lan', (a) => a.call('values.set', { period, entries: [{ code: 'XK', value: 799 }] }));
    expect(await figureOf(api, 'XK')).toBe(799);
  });

  it('goes through when the clerk types the figure that is already there, whoever saved it', async () => {
    const { api, as } = await office();
    await as('Trần Văn Minh', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4, seen: null }] }),
    );
    await as('Nguyễn Thị Lan', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4, seen: null }] }),
    );
    expect(await figureOf(api, 'XK')).toBe(812.4);
  });

  it('refuses to mark as actual a figure changed since the clerk saw it, so nobody vouches for a figure unseen', async () => {
    const { api, as } = await office();
    await as('Nguyễn Thị Lan', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 800, status: 'estimate' }] }),
    );
    await as('Trần Văn Minh', (a) =>
      a.call('values.set', { period, entries: [{ code: 'XK', value: 812.4, status: 'estimate', seen: 800 }] }),
    );
    const refusal = await refusalOf(
      as('Nguyễn Thị Lan', (a) =>
        a.call('values.set', { period, entries: [{ code: 'XK', status: 'actual', seen: 800 }] }),
      ),
    );
    expect(refusal.message).toContain('đã được Trần Văn Minh sửa thành 812,4');
    const row = (await api.call('values.grid', { period, withFindings: false })).rows.find((r) => r.code === 'XK');
    expect([row?.value, row?.status]).toEqual([812.4, 'estimate']);
  });
});
