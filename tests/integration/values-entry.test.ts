import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ApiClient } from '../../shared/api/client';
import type { GridRow } from '../../shared/api/values-entities';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase, type Row, type TableDump } from '../support/sqlite-files';
import { plantOutOfRange } from '../support/validation-figures';

const clerk = 'Nguyễn Thị Lan';

async function startWithClerk(): Promise<{ backend: Backend; api: ApiClient }> {
  const running = startBackend(makeDataDir());
  await running.api.call('settings.set', { clerkName: clerk });
  return running;
}

async function rowOf(api: ApiClient, period: string, code: string, unitId?: number): Promise<GridRow> {
  const grid = await api.call('values.grid', unitId === undefined ? { period } : { period, unitId });
  const row = grid.rows.find((r) => r.code === code);
  if (!row) throw new Error(`no grid row for ${code}`);
  return row;
}

async function valueOf(api: ApiClient, period: string, code: string, unitId?: number): Promise<number | null> {
  return (await rowOf(api, period, code, unitId)).value;
}

/** The change log as an outside tool reading the database file sees it (who, when and source spelled out), oldest first. */
function changeLog(backend: Backend): Row[] {
  return withRawDatabase(
    backend.database.file,
    (raw) => raw.prepare('SELECT * FROM change_log_full ORDER BY id').all() as Row[],
  );
}

function figuresAndLog(backend: Backend): TableDump {
  const dump = withRawDatabase(backend.database.file, (raw) => dumpTables(raw));
  return {
    indicator_values: dump['indicator_values'] ?? [],
    annual_plans: dump['annual_plans'] ?? [],
    change_log: dump['change_log'] ?? [],
  };
}

function currentMonthKey(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

describe('entering a figure', () => {
  it('shows the entered figure in the grid with its status, comment, the clerk who typed it and where it came from', async () => {
    const { api } = await startWithClerk();
    const result = await api.call('values.set', {
      period: '2023-H1',
      entries: [{ code: 'XNK', value: 2260, status: 'actual', comment: 'Số liệu Cục Hải quan' }],
    });
    expect(result.changed).toBe(1);
    expect(result.batchId).toEqual(expect.any(String));

    const grid = await api.call('values.grid', { period: '2023-H1' });
    expect(grid).toMatchObject({
      period: '2023-H1',
      periodLabel: '6 tháng đầu năm 2023',
      samePeriod: '2022-H1',
      previousPeriod: '2023-L05',
      ytdPeriod: '2023-H1',
    });
    const xnk = grid.rows.find((r) => r.code === 'XNK');
    expect(xnk).toMatchObject({
      value: 2260,
      status: 'actual',
      comment: 'Số liệu Cục Hải quan',
      updatedBy: clerk,
      source: { kind: 'typed', file: null, sheet: null, cell: null },
    });
    expect(Date.parse(xnk?.updatedAt ?? '')).not.toBeNaN();
  });

  it('reads "14.659,9" typed in Vietnamese notation as 14659.9 and "2.260" as two thousand two hundred sixty', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'BLHH', value: '14.659,9' },
        { code: 'XNK', value: '2.260' },
      ],
    });
    expect(await valueOf(api, '2023-H1', 'BLHH')).toBe(14659.9);
    expect(await valueOf(api, '2023-H1', 'XNK')).toBe(2260);
  });

  it('accepts the period in any spelling and files it under one period', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', { period: '2023-l06', entries: [{ code: 'XNK', value: 2260 }] });
    expect(await valueOf(api, '2023-H1', 'XNK')).toBe(2260);
  });

  for (const text of ['56..537,447', '8.290 tỷ đồng']) {
    it(`refuses "${text}" with the reason in Vietnamese and writes nothing of the batch, not even its good entry`, async () => {
      const { backend, api } = await startWithClerk();
      await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 300 }] });
      const before = figuresAndLog(backend);

      const refusal = await refusalOf(
        api.call('values.set', {
          period: '2023-06',
          entries: [
            { code: 'BLHH', value: '2.300,5' },
            { code: 'XNK', value: text },
          ],
        }),
      );

      expect(refusal.code).toBe('bad_input');
      expect(refusal.message).toContain(`XNK: "${text}" không đọc được thành số.`);
      expect(refusal.message).toMatch(
        text.includes('..') ? /hai dấu chấm liền nhau/ : /chỉ gõ số; đơn vị tính thuộc về chỉ tiêu/,
      );
      expect(figuresAndLog(backend)).toEqual(before);
      expect(await valueOf(api, '2023-06', 'BLHH')).toBe(null);
      expect(await valueOf(api, '2023-06', 'XNK')).toBe(300);
    });
  }

  it('refuses an unknown code, a retired indicator and a group row, each in Vietnamese, and writes nothing', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('catalog.retire', { code: 'TMBG' });
    const before = figuresAndLog(backend);

    const unknown = await refusalOf(
      api.call('values.set', {
        period: '2023-06',
        entries: [
          { code: 'XNK', value: 1 },
          { code: 'KHONGCO', value: 1 },
        ],
      }),
    );
    const retired = await refusalOf(
      api.call('values.set', {
        period: '2023-06',
        entries: [
          { code: 'XNK', value: 1 },
          { code: 'TMBG', value: 1 },
        ],
      }),
    );
    const group = await refusalOf(
      api.call('values.set', {
        period: '2023-06',
        entries: [
          { code: 'XNK', value: 1 },
          { code: 'SPCN', value: 1 },
        ],
      }),
    );

    for (const refusal of [unknown, retired, group]) expect(refusal.code).toBe('bad_input');
    expect(unknown.message).toBe('Không có chỉ tiêu mã KHONGCO trong danh mục.');
    expect(retired.message).toBe('Chỉ tiêu TMBG đã ngừng dùng; không ghi số liệu mới.');
    expect(group.message).toBe('SPCN là nhóm chỉ tiêu, không có số liệu riêng.');
    expect(figuresAndLog(backend)).toEqual(before);
  });

  it('refuses the same indicator twice in one call and writes neither', async () => {
    const { backend, api } = await startWithClerk();
    const before = figuresAndLog(backend);
    const refusal = await refusalOf(
      api.call('values.set', {
        period: '2023-06',
        entries: [
          { code: 'XNK', value: 1 },
          { code: 'XNK', value: 2 },
        ],
      }),
    );
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toBe('Chỉ tiêu XNK xuất hiện hai lần trong cùng một lần ghi.');
    expect(figuresAndLog(backend)).toEqual(before);
  });

  it('refuses a status or a comment for a figure that does not exist yet', async () => {
    const { backend, api } = await startWithClerk();
    const before = figuresAndLog(backend);
    const refusal = await refusalOf(
      api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', comment: 'Chờ số hải quan' }] }),
    );
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('XNK chưa có số liệu kỳ này');
    expect(figuresAndLog(backend)).toEqual(before);
  });
});

describe('estimates and actual figures', () => {
  it('files a figure for a period that is over as actual, and one for the current month as an estimate', async () => {
    const { api } = await startWithClerk();
    const thisMonth = currentMonthKey();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 300 }] });
    await api.call('values.set', { period: thisMonth, entries: [{ code: 'XNK', value: 310 }] });
    expect((await rowOf(api, '2023-06', 'XNK')).status).toBe('actual');
    expect((await rowOf(api, thisMonth, 'XNK')).status).toBe('estimate');
  });

  it('replaces the estimate with the actual figure, and the change log keeps both with who, when and how', async () => {
    const { backend, api } = await startWithClerk();
    const first = await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: 395.2, status: 'estimate' }],
    });
    const second = await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: 401.7, status: 'actual' }],
      source: 'pasted',
    });

    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({
      value: 401.7,
      status: 'actual',
      source: { kind: 'pasted' },
    });
    const log = changeLog(backend).filter((r) => r['indicator_code'] === 'XNK');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      batch_id: first.batchId,
      who: clerk,
      entity: 'value',
      period: '2023-06',
      old_value: null,
      new_value: 395.2,
      old_status: null,
      new_status: 'estimate',
      source_kind: 'typed',
    });
    expect(log[1]).toMatchObject({
      batch_id: second.batchId,
      who: clerk,
      old_value: 395.2,
      new_value: 401.7,
      old_status: 'estimate',
      new_status: 'actual',
      source_kind: 'pasted',
    });
    for (const row of log) expect(Date.parse(String(row['at']))).not.toBeNaN();
  });

  it('marks an estimate as actual without sending the figure again', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: 395.2, status: 'estimate', comment: 'Ước' }],
    });
    const result = await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', status: 'actual' }] });
    expect(result.changed).toBe(1);
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({ value: 395.2, status: 'actual', comment: 'Ước' });
  });

  it('keeps an estimate an estimate when only its figure is corrected', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 395.2, status: 'estimate' }] });
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 396 }] });
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({ value: 396, status: 'estimate' });
  });
});

describe('comments and clearing', () => {
  it('adds a comment to a figure without sending the figure again', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 401.7, status: 'actual' }] });
    const result = await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', comment: 'Tăng do xuất khẩu hạt điều' }],
    });
    expect(result.changed).toBe(1);
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({
      value: 401.7,
      status: 'actual',
      comment: 'Tăng do xuất khẩu hạt điều',
    });
  });

  it('removes a figure cleared with null, and logs the removal', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: 401.7, comment: 'Số hải quan' }],
    });
    const cleared = await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: null }] });
    expect(cleared.changed).toBe(1);
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({
      value: null,
      status: null,
      comment: null,
      updatedBy: null,
    });
    const stored = withRawDatabase(backend.database.file, (raw) =>
      raw.prepare(`SELECT * FROM indicator_values WHERE indicator_code = 'XNK'`).all(),
    );
    expect(stored).toEqual([]);
    expect(changeLog(backend).at(-1)).toMatchObject({
      batch_id: cleared.batchId,
      indicator_code: 'XNK',
      old_value: 401.7,
      new_value: null,
      old_comment: 'Số hải quan',
      new_comment: null,
    });
  });

  it('changes nothing and logs nothing when the same figure is written again', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: 401.7, status: 'actual', comment: 'Số hải quan' }],
    });
    const before = figuresAndLog(backend);
    const again = await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'XNK', value: '401,7', status: 'actual', comment: 'Số hải quan' }],
    });
    const clearingNothing = await api.call('values.set', {
      period: '2023-06',
      entries: [{ code: 'BLHH', value: null }],
    });
    expect(again).toEqual({ batchId: null, changed: 0 });
    expect(clearingNothing).toEqual({ batchId: null, changed: 0 });
    expect(figuresAndLog(backend)).toEqual(before);
  });
});

describe('undo and redo of saved edits', () => {
  async function twoBatches(api: ApiClient): Promise<{ first: string; second: string }> {
    const first = await api.call('values.set', {
      period: '2023-06',
      entries: [
        { code: 'XNK', value: 395.2, status: 'estimate', comment: 'Ước theo tháng 5' },
        { code: 'BLHH', value: 2410.1 },
      ],
    });
    const second = await api.call('values.set', {
      period: '2023-06',
      source: 'pasted',
      entries: [
        { code: 'XNK', value: 401.7, status: 'actual', comment: null },
        { code: 'BLHH', value: null },
        { code: 'GTSXCN', value: 1980.4 },
      ],
    });
    if (!first.batchId || !second.batchId) throw new Error('both batches should have changed something');
    return { first: first.batchId, second: second.batchId };
  }

  it('takes a whole pasted batch back in one call: changed figures, removed figures and added figures', async () => {
    const { api } = await startWithClerk();
    const { second } = await twoBatches(api);

    const undone = await api.call('changes.revert', { batchId: second });

    expect(undone.changed).toBe(3);
    expect(undone.batchId).not.toBe(second);
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({
      value: 395.2,
      status: 'estimate',
      comment: 'Ước theo tháng 5',
      source: { kind: 'undo' },
    });
    expect(await rowOf(api, '2023-06', 'BLHH')).toMatchObject({ value: 2410.1, status: 'actual' });
    expect(await valueOf(api, '2023-06', 'GTSXCN')).toBe(null);
  });

  it('redoes the batch by taking back the undo', async () => {
    const { api } = await startWithClerk();
    const { second } = await twoBatches(api);
    const afterSecond = await api.call('values.grid', { period: '2023-06' });

    const undone = await api.call('changes.revert', { batchId: second });
    if (!undone.batchId) throw new Error('undo should form a batch');
    const redone = await api.call('changes.revert', { batchId: undone.batchId });

    expect(redone.changed).toBe(3);
    const afterRedo = await api.call('values.grid', { period: '2023-06' });
    const figures = (rows: readonly GridRow[]) =>
      rows.map((r) => ({ code: r.code, value: r.value, status: r.status, comment: r.comment }));
    expect(figures(afterRedo.rows)).toEqual(figures(afterSecond.rows));
  });

  it('refuses to undo a batch whose figure was changed afterwards, and changes nothing', async () => {
    const { backend, api } = await startWithClerk();
    const { second } = await twoBatches(api);
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', comment: 'Đã đối chiếu' }] });
    const before = figuresAndLog(backend);

    const refusal = await refusalOf(api.call('changes.revert', { batchId: second }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(
      /^Không hoàn tác được: XNK Tháng 6\/2023 đã được sửa sau lần ghi đó \(lúc \d\d:\d\d \d\d\/\d\d\/\d{4}, bởi [^)]+\)\. Hãy hoàn tác hoặc sửa lại lần sửa đó trước\.$/,
    );
    expect(figuresAndLog(backend)).toEqual(before);
  });

  it('refuses to undo a batch that does not exist', async () => {
    const { api } = await startWithClerk();
    const refusal = await refusalOf(api.call('changes.revert', { batchId: 'khong-co' }));
    expect(refusal.code).toBe('not_found');
    expect(refusal.message).toBe('Không tìm thấy lần ghi cần hoàn tác.');
  });

  it('only ever adds to the change log: undo and redo append rows and leave the earlier ones as they were', async () => {
    const { backend, api } = await startWithClerk();
    const { second } = await twoBatches(api);
    const afterWrites = changeLog(backend);
    expect(afterWrites).toHaveLength(5);

    const undone = await api.call('changes.revert', { batchId: second });
    const afterUndo = changeLog(backend);
    expect(afterUndo.slice(0, 5)).toEqual(afterWrites);
    expect(afterUndo).toHaveLength(8);
    for (const row of afterUndo.slice(5))
      expect(row).toMatchObject({ batch_id: undone.batchId, source_kind: 'undo', who: clerk });

    if (!undone.batchId) throw new Error('undo should form a batch');
    await api.call('changes.revert', { batchId: undone.batchId });
    const afterRedo = changeLog(backend);
    expect(afterRedo.slice(0, 8)).toEqual(afterUndo);
    expect(afterRedo).toHaveLength(11);
  });
});

describe('annual plans', () => {
  it('keeps the assigned plan and the stretch target apart, reads text in Vietnamese notation, and shows both in the grid', async () => {
    const { api } = await startWithClerk();
    const result = await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: '3.798,3' },
        { code: 'BLHH', level: 'giao', value: 26899 },
        { code: 'BLHH', level: 'phan_dau', value: '28.000' },
      ],
    });
    expect(result.changed).toBe(3);

    const plans = await api.call('plans.grid', { year: 2023 });
    expect(plans.rows.find((r) => r.code === 'XNK')).toEqual({ code: 'XNK', giao: 3798.3, phanDau: null });
    expect(plans.rows.find((r) => r.code === 'BLHH')).toEqual({ code: 'BLHH', giao: 26899, phanDau: 28000 });
    expect(plans.rows.some((r) => r.code === 'SPCN')).toBe(false);
    expect(
      (await api.call('plans.grid', { year: 2024 })).rows.every((r) => r.giao === null && r.phanDau === null),
    ).toBe(true);

    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'BLHH', value: '14.659,9' }] });
    expect(await rowOf(api, '2023-H1', 'BLHH')).toMatchObject({
      plan: 26899,
      planStretch: 28000,
      pctOfPlan: 54.5,
      pctOfPlanStretch: 52.4,
    });
  });

  it('shows the seed figures at 59,5% and 54,5% of plan and 198,9% and 121,9% of the same period', async () => {
    const { api } = await startWithClerk();
    await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: '3.798,3' },
        { code: 'BLHH', level: 'giao', value: '26.899' },
      ],
    });
    await api.call('values.set', {
      period: '2022-H1',
      entries: [
        { code: 'XNK', value: '1.136,2' },
        { code: 'BLHH', value: '12.026,2' },
      ],
    });
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: '2.260' },
        { code: 'BLHH', value: '14.659,9' },
      ],
    });
    expect(await rowOf(api, '2023-H1', 'XNK')).toMatchObject({
      value: 2260,
      samePeriod: 1136.2,
      pctOfPlan: 59.5,
      pctOfSamePeriod: 198.9,
    });
    expect(await rowOf(api, '2023-H1', 'BLHH')).toMatchObject({
      value: 14659.9,
      samePeriod: 12026.2,
      pctOfPlan: 54.5,
      pctOfSamePeriod: 121.9,
    });
  });

  it('refuses an unreadable plan figure and writes none of the call', async () => {
    const { backend, api } = await startWithClerk();
    const before = figuresAndLog(backend);
    const refusal = await refusalOf(
      api.call('plans.set', {
        year: 2023,
        entries: [
          { code: 'BLHH', level: 'giao', value: 26899 },
          { code: 'XNK', level: 'giao', value: '3.798.3' },
        ],
      }),
    );
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('XNK: "3.798.3" không đọc được thành số.');
    expect(figuresAndLog(backend)).toEqual(before);
  });

  it('changes nothing when the same plan is written again, and undoes and redoes a plan batch', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: 3798.3 }] });
    const same = await api.call('plans.set', {
      year: 2023,
      entries: [{ code: 'XNK', level: 'giao', value: '3.798,3' }],
    });
    expect(same).toEqual({ batchId: null, changed: 0 });

    const edit = await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: 3900 },
        { code: 'XNK', level: 'phan_dau', value: 4000 },
      ],
    });
    if (!edit.batchId) throw new Error('the edit should form a batch');
    const logBefore = changeLog(backend).length;

    const undone = await api.call('changes.revert', { batchId: edit.batchId });
    expect((await api.call('plans.grid', { year: 2023 })).rows.find((r) => r.code === 'XNK')).toEqual({
      code: 'XNK',
      giao: 3798.3,
      phanDau: null,
    });
    if (!undone.batchId) throw new Error('undo should form a batch');
    await api.call('changes.revert', { batchId: undone.batchId });
    expect((await api.call('plans.grid', { year: 2023 })).rows.find((r) => r.code === 'XNK')).toEqual({
      code: 'XNK',
      giao: 3900,
      phanDau: 4000,
    });
    expect(changeLog(backend)).toHaveLength(logBefore + 4);
    expect(changeLog(backend).at(-1)).toMatchObject({ entity: 'plan', year: 2023, source_kind: 'undo' });
  });

  it('refuses to undo a plan batch when the plan was changed afterwards', async () => {
    const { backend, api } = await startWithClerk();
    const edit = await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: 3798.3 },
        { code: 'BLHH', level: 'giao', value: 26899 },
      ],
    });
    if (!edit.batchId) throw new Error('the edit should form a batch');
    await api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: 3800 }] });
    const before = figuresAndLog(backend);

    const refusal = await refusalOf(api.call('changes.revert', { batchId: edit.batchId }));

    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(
      /^Không hoàn tác được: kế hoạch XNK năm 2023 đã được sửa sau lần ghi đó \(lúc [^)]+\)\. Hãy hoàn tác hoặc sửa lại lần sửa đó trước\.$/,
    );
    expect(figuresAndLog(backend)).toEqual(before);
  });
});

describe('totals that follow from their parts', () => {
  it('shows the total trade added up from exports and imports, with the months adding up to 6 months', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-06',
      entries: [
        { code: 'XK', value: 61.1 },
        { code: 'NK', value: 300.4 },
      ],
    });
    await api.call('values.set', { period: '2023-L05', entries: [{ code: 'XNK', value: '1.898,5' }] });
    expect(await rowOf(api, '2023-06', 'XNK')).toMatchObject({
      value: null,
      valueFromParts: 361.5,
      partsOrigin: 'children',
      previous: null,
      ytd: 2260,
    });
    expect(await rowOf(api, '2023-H1', 'XNK')).toMatchObject({
      value: null,
      valueFromParts: 2260,
      partsOrigin: 'months',
    });
  });

  it('keeps the total trade of a past month as it was when imports are retired afterwards', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', {
      period: '2023-06',
      entries: [
        { code: 'XK', value: 61.1 },
        { code: 'NK', value: 300.4 },
      ],
    });
    expect((await rowOf(api, '2023-06', 'XNK')).valueFromParts).toBe(361.5);

    await api.call('catalog.retire', { code: 'NK' });

    // Retiring stops new figures; the imports of June 2023 are still stored and still part of the total.
    expect((await rowOf(api, '2023-06', 'XNK')).valueFromParts).toBe(361.5);
  });
});

describe('the rows a save changes', () => {
  it('gives the saved row and the totals above it, with the same figures the whole grid shows', async () => {
    const { api } = await startWithClerk();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'NK', value: 300.4 }] });
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XK', value: 61.1 }] });

    const changed = await api.call('values.rows', { period: '2023-06', codes: ['XK'] });

    expect(changed.rows.map((r) => r.code)).toEqual(['XNK', 'XK']);
    expect(changed.rows.find((r) => r.code === 'XNK')).toMatchObject({
      value: null,
      valueFromParts: 361.5,
      partsOrigin: 'children',
    });
    const grid = await api.call('values.grid', { period: '2023-06' });
    for (const row of changed.rows) {
      const { findings: _findings, ...whole } = grid.rows.find((r) => r.code === row.code) ?? { findings: [] };
      expect(row).toEqual(whole);
    }
  });

  it('leaves the findings out of the grid when asked, and the validation report follows every save', async () => {
    const { api } = await startWithClerk();
    await plantOutOfRange(api, { period: '2023-H1', entries: [{ code: 'IIP', value: 1164 }] });
    expect((await rowOf(api, '2023-H1', 'IIP')).findings.map((f) => f.ruleId)).toEqual(['index-range']);
    const bare = await api.call('values.grid', { period: '2023-H1', withFindings: false });
    expect(bare.rows.find((r) => r.code === 'IIP')?.findings).toEqual([]);

    const openIndexFindings = async () =>
      (await api.call('validation.run', { period: '2023-H1' })).findings.filter((f) => f.ruleId === 'index-range')
        .length;
    expect(await openIndexFindings()).toBe(1);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'IIP', value: 116.4 }] });
    expect(await openIndexFindings()).toBe(0);
    await plantOutOfRange(api, { period: '2023-H1', entries: [{ code: 'IIP', value: 11.64 }] });
    expect(await openIndexFindings()).toBe(1);
  });

  it('refuses a code that is not in the catalog', async () => {
    const { api } = await startWithClerk();
    expect(await refusalOf(api.call('values.rows', { period: '2023-06', codes: ['KHONG_CO'] }))).toMatchObject({
      code: 'not_found',
      message: 'Không có chỉ tiêu mã KHONG_CO trong danh mục.',
    });
  });
});

describe('reporting units', () => {
  it('files figures under the province when no unit is given', async () => {
    const { api } = await startWithClerk();
    const tinh = (await api.call('units.list', {})).find((u) => u.code === 'TINH');
    if (!tinh) throw new Error('TINH is missing');
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 401.7 }] });
    const grid = await api.call('values.grid', { period: '2023-06', unitId: tinh.id });
    expect(grid.unitId).toBe(tinh.id);
    expect(grid.rows.find((r) => r.code === 'XNK')?.value).toBe(401.7);
  });

  it("keeps a commune's figures and plans out of the province grid", async () => {
    const { api } = await startWithClerk();
    const tinh = (await api.call('units.list', {})).find((u) => u.code === 'TINH');
    const commune = await api.call('units.create', {
      code: '25123',
      name: 'Phường Tân Ninh',
      kind: 'commune',
      parentId: tinh?.id ?? null,
    });
    await api.call('values.set', { unitId: commune.id, period: '2023-06', entries: [{ code: 'BLHH', value: 120.5 }] });
    await api.call('plans.set', {
      unitId: commune.id,
      year: 2023,
      entries: [{ code: 'BLHH', level: 'giao', value: 1500 }],
    });

    expect(await rowOf(api, '2023-06', 'BLHH', commune.id)).toMatchObject({ value: 120.5, plan: 1500 });
    expect(await rowOf(api, '2023-06', 'BLHH')).toMatchObject({ value: null, plan: null, ytd: null });
    expect((await api.call('plans.grid', { year: 2023 })).rows.find((r) => r.code === 'BLHH')).toEqual({
      code: 'BLHH',
      giao: null,
      phanDau: null,
    });
  });

  it('refuses a unit that does not exist', async () => {
    const { api } = await startWithClerk();
    const refusal = await refusalOf(
      api.call('values.set', { unitId: 9999, period: '2023-06', entries: [{ code: 'XNK', value: 1 }] }),
    );
    expect(refusal.code).toBe('not_found');
    expect(refusal.message).toContain('Không có đơn vị báo cáo 9999');
  });
});
