import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { dumpTables, withRawDatabase, type TableDump } from '../support/sqlite-files';
import { exportOf } from '../support/export-data';
import { readWithPython } from '../support/python-xlsx';
import { commitImport, writeWorkbook } from '../support/workbooks';

const clerk = 'Nguyễn Thị Lan';

async function startWithClerk(): Promise<{ backend: Backend; api: ApiClient; dir: string }> {
  const dir = makeDataDir();
  const running = startBackend(dir);
  await running.api.call('settings.set', { clerkName: clerk });
  return { ...running, dir };
}

function everything(backend: Backend): TableDump {
  const dump = withRawDatabase(backend.database.file, (raw) => dumpTables(raw));
  return {
    indicator_values: dump['indicator_values'] ?? [],
    annual_plans: dump['annual_plans'] ?? [],
    change_log: dump['change_log'] ?? [],
    imports: dump['imports'] ?? [],
  };
}

async function closePeriod(api: ApiClient, period: string): Promise<void> {
  await api.call('periods.submit', { period });
  await api.call('periods.approve', { period });
  await api.call('periods.lock', { period, note: 'Đã báo cáo UBND tỉnh' });
}

async function valueOf(api: ApiClient, period: string, code: string): Promise<number | null> {
  return (await api.call('values.grid', { period })).rows.find((r) => r.code === code)?.value ?? null;
}

describe('the state of a period', () => {
  it('starts as Đang nhập and goes Đã gửi, Đã duyệt, Khóa sổ, each step with who, when and its note', async () => {
    const { api } = await startWithClerk();
    const fresh = await api.call('periods.status', { period: '2023-06' });
    expect(fresh).toMatchObject({
      period: '2023-06',
      periodLabel: 'Tháng 6/2023',
      unitName: 'Toàn tỉnh',
      state: 'entry',
      changedBy: null,
      lock: null,
      actions: ['submit'],
      log: [],
    });

    expect(await api.call('periods.submit', { period: '2023-06', note: 'Gửi lãnh đạo phòng' })).toMatchObject({
      state: 'submitted',
      changedBy: clerk,
      note: 'Gửi lãnh đạo phòng',
      actions: ['approve', 'reopen'],
    });
    expect(await api.call('periods.approve', { period: '2023-06' })).toMatchObject({
      state: 'approved',
      actions: ['lock', 'reopen'],
    });
    const locked = await api.call('periods.lock', { period: '2023-06', note: 'Đã báo cáo UBND tỉnh' });
    expect(locked).toMatchObject({
      state: 'locked',
      changedBy: clerk,
      note: 'Đã báo cáo UBND tỉnh',
      actions: ['reopen'],
    });
    expect(locked.lock).toMatchObject({ period: '2023-06', periodLabel: 'Tháng 6/2023', state: 'locked', who: clerk });
    expect(locked.log.map((s) => [s.from, s.to, s.who, s.note])).toEqual([
      ['entry', 'submitted', clerk, 'Gửi lãnh đạo phòng'],
      ['submitted', 'approved', clerk, null],
      ['approved', 'locked', clerk, 'Đã báo cáo UBND tỉnh'],
    ]);
    expect(Date.parse(locked.changedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a step out of order and says which state the period is in and what comes next', async () => {
    const { api } = await startWithClerk();
    const early = await refusalOf(api.call('periods.lock', { period: '2023-06' }));
    expect(early).toMatchObject({ code: 'conflict' });
    expect(early.message).toBe(
      'Không khóa sổ được: Tháng 6/2023 của Toàn tỉnh đang ở trạng thái Đang nhập. Chỉ khóa sổ được kỳ ở trạng thái Đã duyệt; bước tiếp theo của kỳ này là gửi.',
    );
    const reopenFresh = await refusalOf(api.call('periods.reopen', { period: '2023-06', reason: 'Sửa số' }));
    expect(reopenFresh.message).toContain('Kỳ đang nhập, không có gì để mở khóa.');
    await api.call('periods.submit', { period: '2023-06' });
    const twice = await refusalOf(api.call('periods.submit', { period: '2023-06' }));
    expect(twice.message).toContain('đang ở trạng thái Đã gửi');
    expect(twice.message).toContain('bước tiếp theo của kỳ này là duyệt');
    expect((await api.call('periods.status', { period: '2023-06' })).log).toHaveLength(1);
  });

  it('reopens only with a reason, back to Đang nhập, and the reason is in the log', async () => {
    const { api } = await startWithClerk();
    await closePeriod(api, '2023-06');
    const noReason = await refusalOf(api.call('periods.reopen', { period: '2023-06', reason: '   ' }));
    expect(noReason).toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('Mở khóa kỳ báo cáo cần có lý do.'),
    });
    expect((await api.call('periods.status', { period: '2023-06' })).state).toBe('locked');

    const reopened = await api.call('periods.reopen', {
      period: '2023-06',
      reason: 'Cục Thống kê sửa số điện tháng 6',
    });
    expect(reopened).toMatchObject({
      state: 'entry',
      lock: null,
      note: 'Cục Thống kê sửa số điện tháng 6',
      actions: ['submit'],
    });
    expect(reopened.log.at(-1)).toMatchObject({
      from: 'locked',
      to: 'entry',
      who: clerk,
      note: 'Cục Thống kê sửa số điện tháng 6',
    });
    expect((await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 400 }] })).changed).toBe(
      1,
    );
  });

  it('keeps the state of each reporting unit apart', async () => {
    const { api } = await startWithClerk();
    const commune = await api.call('units.create', { code: 'X01', name: 'Xã Tân Phú', kind: 'commune' });
    await closePeriod(api, '2023-06');
    expect((await api.call('periods.status', { period: '2023-06', unitId: commune.id })).state).toBe('entry');
    expect(
      (await api.call('values.set', { period: '2023-06', unitId: commune.id, entries: [{ code: 'XNK', value: 12 }] }))
        .changed,
    ).toBe(1);
  });
});

describe('a closed period refuses what would change it', () => {
  it('refuses a typed figure, naming the period, who closed it and when, and writes nothing', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 380 }] });
    await closePeriod(api, '2023-06');
    const before = everything(backend);
    const refused = await refusalOf(
      api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 390 }] }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /^Không ghi được: Tháng 6\/2023 của Toàn tỉnh đã khóa sổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4} bởi Nguyễn Thị Lan\. Muốn sửa, hãy mở khóa kỳ này \(Mở khóa, kèm lý do\) trước\.$/,
    );
    expect(everything(backend)).toEqual(before);
  });

  it('refuses a paste of several rows as a whole, and an approved period refuses it as well', async () => {
    const { backend, api } = await startWithClerk();
    await api.call('periods.submit', { period: '2023-05' });
    await api.call('periods.approve', { period: '2023-05' });
    const before = everything(backend);
    const refused = await refusalOf(
      api.call('values.set', {
        period: '2023-05',
        source: 'pasted',
        entries: [
          { code: 'XK', value: 100 },
          { code: 'NK', value: 80 },
          { code: 'BLHH', value: 2300 },
        ],
      }),
    );
    expect(refused.message).toContain('Tháng 5/2023 của Toàn tỉnh đã được duyệt lúc');
    expect(everything(backend)).toEqual(before);
  });

  it('closes the months, quarters and shorter cumulatives inside a closed 6 tháng, not the months after it', async () => {
    const { api } = await startWithClerk();
    await closePeriod(api, '2023-H1');
    for (const period of ['2023-03', '2023-Q2', '2023-L05']) {
      const refused = await refusalOf(api.call('values.set', { period, entries: [{ code: 'XNK', value: 1 }] }));
      expect(refused.message).toContain('nằm trong 6 tháng đầu năm 2023 của Toàn tỉnh, kỳ đã khóa sổ lúc');
      expect(refused.message).toContain('hãy mở khóa 6 tháng đầu năm 2023');
    }
    const june = await api.call('periods.status', { period: '2023-06' });
    expect(june).toMatchObject({
      state: 'entry',
      lock: { period: '2023-H1', periodLabel: '6 tháng đầu năm 2023', state: 'locked' },
    });
    const reopenJune = await refusalOf(api.call('periods.reopen', { period: '2023-06', reason: 'Sửa số' }));
    expect(reopenJune.message).toContain('Kỳ này bị khóa theo 6 tháng đầu năm 2023: hãy mở khóa 6 tháng đầu năm 2023.');
    expect((await api.call('values.set', { period: '2023-07', entries: [{ code: 'XNK', value: 1 }] })).changed).toBe(1);
    expect((await api.call('values.set', { period: '2023-9M', entries: [{ code: 'XNK', value: 1 }] })).changed).toBe(1);
  });

  it("refuses a plan of a closed year, while a closed month leaves the year's plans open", async () => {
    const { backend, api } = await startWithClerk();
    await closePeriod(api, '2023-06');
    expect(
      (await api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: 3798.3 }] })).changed,
    ).toBe(1);
    await closePeriod(api, '2023');
    const before = everything(backend);
    const refused = await refusalOf(
      api.call('plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: 3900 }] }),
    );
    expect(refused.message).toContain('Không ghi được: Năm 2023 của Toàn tỉnh đã khóa sổ lúc');
    expect(everything(backend)).toEqual(before);
  });

  it('refuses to undo a change of a closed period, and undoes it once the period is reopened', async () => {
    const { backend, api } = await startWithClerk();
    const typed = await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 380 }] });
    await closePeriod(api, '2023-06');
    const before = everything(backend);
    const refused = await refusalOf(api.call('changes.revert', { batchId: typed.batchId ?? '' }));
    expect(refused.message).toContain('Không ghi được: Tháng 6/2023 của Toàn tỉnh đã khóa sổ lúc');
    expect(everything(backend)).toEqual(before);
    await api.call('periods.reopen', { period: '2023-06', reason: 'Hoàn tác số nhập nhầm' });
    await api.call('changes.revert', { batchId: typed.batchId ?? '' });
    expect(await valueOf(api, '2023-06', 'XNK')).toBeNull();
  });

  it('refuses an import that writes into a closed period: nothing written, the message names the period and who closed it', async () => {
    const { backend, api, dir } = await startWithClerk();
    await closePeriod(api, '2023-04');
    const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [
      {
        name: 'BC',
        rows: [
          ['BÁO CÁO THÁNG 5 NĂM 2023'],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ trước', 'Ước thực hiện kỳ báo cáo'],
          [1, 'Điện sản xuất', 'Triệu kWh', 150, 160],
          [2, 'Xi măng Portland đen', 'Tấn', 1000, 1100],
        ],
      },
    ]);
    const before = everything(backend);
    const refused = await refusalOf(commitImport(api, [file]));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /^Không ghi được: Tháng 4\/2023 của Toàn tỉnh đã khóa sổ lúc .* bởi Nguyễn Thị Lan\./,
    );
    expect(everything(backend)).toEqual(before);
    expect(await api.call('import.history', {})).toEqual([]);
  });
});

describe('the state on what leaves the office', () => {
  it('prints the state of the period under the title of the report workbook, with who closed it and when', async () => {
    const { backend, api, dir } = await startWithClerk();
    await api.call('values.set', { period: '2023-06', entries: [{ code: 'XNK', value: 380 }] });
    const open = await exportOf(backend, { period: '2023-06', saveTo: join(dir, 'dang-nhap.xlsx') });
    expect(readWithPython(open.path ?? '').sheets[0]?.cells['A8']?.v).toBe('Tình trạng: Đang nhập');

    await closePeriod(api, '2023-06');
    const closed = await exportOf(backend, { period: '2023-06', saveTo: join(dir, 'khoa-so.xlsx') });
    expect(readWithPython(closed.path ?? '').sheets[0]?.cells['A8']?.v).toMatch(
      /^Tình trạng: Đã khóa sổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4} bởi Nguyễn Thị Lan$/,
    );
  });
});
