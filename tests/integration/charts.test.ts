import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';

const pad = (n: number) => String(n).padStart(2, '0');

/** Exports and imports month by month: XNK is left to add up from XK and NK, as clerks keep it. */
async function enterTradeMonths(api: ApiClient): Promise<void> {
  await api.call('plans.set', {
    year: 2023,
    entries: [
      { code: 'XNK', level: 'giao', value: '3.798,3' },
      { code: 'XNK', level: 'phan_dau', value: 3900 },
    ],
  });
  for (let month = 1; month <= 6; month++) {
    await api.call('values.set', {
      period: `2023-${pad(month)}`,
      entries: [
        { code: 'XK', value: 200 + month },
        { code: 'NK', value: 170 + month },
      ],
    });
  }
  for (let month = 1; month <= 12; month++) {
    await api.call('values.set', {
      period: `2022-${pad(month)}`,
      entries: [
        { code: 'XK', value: 100 + month },
        { code: 'NK', value: 90 },
      ],
    });
  }
}

describe('the chart of one indicator', () => {
  it('gives the months of the year beside the same months of last year, the running totals and the plan due by each month', async () => {
    const { api } = startBackend(makeDataDir());
    await enterTradeMonths(api);

    const chart = await api.call('charts.indicator', { code: 'XNK', year: 2023 });
    expect(chart).toMatchObject({
      code: 'XNK',
      nameVi: 'Tổng kim ngạch xuất nhập khẩu hàng hóa',
      unit: 'triệu USD',
      kind: 'flow',
      year: 2023,
      plan: 3798.3,
      planStretch: 3900,
    });
    expect(chart.months).toHaveLength(12);
    expect(chart.months[0]).toEqual({
      month: 1,
      value: 372,
      samePeriod: 191,
      ytd: 372,
      ytdSamePeriod: 191,
      planToDate: 316.525,
    });
    expect(chart.months[5]).toEqual({
      month: 6,
      value: 382,
      samePeriod: 196,
      ytd: 2262,
      ytdSamePeriod: 1161,
      planToDate: 1899.15,
    });
    // Months not reported yet stay empty rather than zero; the plan line runs on to the whole year's plan.
    expect(chart.months[6]).toMatchObject({ month: 7, value: null, samePeriod: 197, ytd: null, ytdSamePeriod: 1358 });
    expect(chart.months[11]?.planToDate).toBe(3798.3);
  });

  it('never adds up an index: each month and each cumulative figure is the one published, and it has no plan line', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('plans.set', { year: 2023, entries: [{ code: 'IIP', level: 'giao', value: '108,9' }] });
    await api.call('values.set', { period: '2023-01', entries: [{ code: 'IIP', value: '125,95' }] });
    await api.call('values.set', { period: '2023-02', entries: [{ code: 'IIP', value: '106,01' }] });
    await api.call('values.set', { period: '2023-L02', entries: [{ code: 'IIP', value: '116,32' }] });
    await api.call('values.set', { period: '2023-03', entries: [{ code: 'IIP', value: '104,5' }] });
    await api.call('values.set', { period: '2022-02', entries: [{ code: 'IIP', value: '103,2' }] });
    // The four sector indices beneath IIP must not add up to it either.
    await api.call('values.set', {
      period: '2023-04',
      entries: [
        { code: 'IIP_B', value: 101 },
        { code: 'IIP_C', value: 102 },
        { code: 'IIP_D', value: 103 },
        { code: 'IIP_E', value: 104 },
      ],
    });

    const chart = await api.call('charts.indicator', { code: 'IIP', year: 2023 });
    expect(chart).toMatchObject({ kind: 'index', plan: 108.9 });
    expect(chart.months.slice(0, 4)).toEqual([
      { month: 1, value: 125.95, samePeriod: null, ytd: null, ytdSamePeriod: null, planToDate: null },
      { month: 2, value: 106.01, samePeriod: 103.2, ytd: 116.32, ytdSamePeriod: null, planToDate: null },
      { month: 3, value: 104.5, samePeriod: null, ytd: null, ytdSamePeriod: null, planToDate: null },
      { month: 4, value: null, samePeriod: null, ytd: null, ytdSamePeriod: null, planToDate: null },
    ]);
  });

  it('refuses a group row and an unknown code in Vietnamese', async () => {
    const { api } = startBackend(makeDataDir());
    const group = await refusalOf(api.call('charts.indicator', { code: 'SPCN', year: 2023 }));
    expect(group.code).toBe('bad_input');
    expect(group.message).toBe('"Sản phẩm công nghiệp chủ yếu" là dòng nhóm, không có số liệu riêng để vẽ biểu đồ.');
    const unknown = await refusalOf(api.call('charts.indicator', { code: 'KHONG_CO', year: 2023 }));
    expect(unknown).toMatchObject({ code: 'not_found', message: 'Không có chỉ tiêu KHONG_CO.' });
    const badYear = await refusalOf(api.call('charts.indicator', { code: 'XNK', year: 1800 }));
    expect(badYear.code).toBe('bad_input');
  });
});

describe('the chart of the period', () => {
  it('gives the share of the annual plan reached by each group, as the report words it, against the share of the year gone by', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await api.call('plans.set', {
      year: 2023,
      entries: [
        { code: 'SPCN_XIMANG', level: 'giao', value: 100000 },
        { code: 'SPCN_DIEU', level: 'giao', value: 20000 },
        { code: 'IIP', level: 'giao', value: 108 },
      ],
    });
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'SPCN_XIMANG', value: 40000 },
        { code: 'SPCN_DIEU', value: 12500 },
      ],
    });

    const shares = await api.call('charts.planShares', { period: '2023-H1' });
    expect(shares).toMatchObject({ period: '2023-H1', periodLabel: '6 tháng đầu năm 2023', elapsedPct: 50 });
    expect(shares.groups.map((g) => g.code)).toEqual(['SPCN', 'BLHH', 'XNK']);
    const [products, retail, trade] = shares.groups;
    expect(products?.items.map((i) => [i.code, i.pctOfPlan, i.onSchedule])).toEqual([
      ['SPCN_XIMANG', 40, false],
      ['SPCN_DIEU', 62.5, true],
    ]);
    expect(retail?.items).toEqual([
      {
        code: 'BLHH',
        nameVi: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
        unit: 'tỷ đồng',
        decimals: 1,
        ytd: 14659.9,
        plan: 26899,
        pctOfPlan: 54.5,
        onSchedule: true,
      },
    ]);
    expect(trade?.items.map((i) => [i.code, i.ytd, i.pctOfPlan])).toEqual([['XNK', 2260, 59.5]]);
  });

  it('counts a month period from January, and a unit without plans has no groups', async () => {
    const { api } = startBackend(makeDataDir());
    await api.call('plans.set', { year: 2023, entries: [{ code: 'BLHH', level: 'giao', value: 24000 }] });
    for (const [month, value] of [
      [1, 2000],
      [2, 1900],
      [3, 2100],
    ] as const) {
      await api.call('values.set', { period: `2023-${pad(month)}`, entries: [{ code: 'BLHH', value }] });
    }
    const march = await api.call('charts.planShares', { period: '2023-03' });
    expect(march.elapsedPct).toBe(25);
    expect(march.groups[0]?.items[0]).toMatchObject({ code: 'BLHH', ytd: 6000, pctOfPlan: 25, onSchedule: true });

    const unit = await api.call('units.create', { code: 'CK_XAMAT', name: 'Cửa khẩu Xa Mát', kind: 'border_gate' });
    expect((await api.call('charts.planShares', { period: '2023-03', unitId: unit.id })).groups).toEqual([]);
  });
});
