import { describe, expect, it } from 'vitest';
import { indexEnteredFigures } from '../../shared/figures/entered-figures';
import {
  computeGridRows,
  type EnteredFigure,
  type PlanFigures,
  type ValueDetail,
} from '../../shared/figures/grid-rows';
import { childrenAddUp, FigureResolver, type FigureIndicator } from '../../shared/figures/resolve-figures';
import { periodOrThrow } from '../../shared/periods/period';

/** A computed row, before the backend adds anything of its own to it. */
type GridRow = ReturnType<typeof computeGridRows>[number];

function detailsOf(entered: readonly EnteredFigure[], period: string): Map<string, ValueDetail> {
  return new Map(entered.filter((e) => e.period === period).map((e) => [e.indicatorCode, e]));
}

// A hand-made catalog with the shapes of the default one: flows with flow children in the same unit
// (XNK = XK + NK), commodity rows in other units under XK, an index with its sectors, a ratio, a group.
const catalog: readonly FigureIndicator[] = [
  { code: 'IIP', parentCode: null, unit: '%', kind: 'index' },
  { code: 'IIP_C', parentCode: 'IIP', unit: '%', kind: 'index' },
  { code: 'GTSXCN', parentCode: null, unit: 'tỷ đồng', kind: 'flow' },
  { code: 'SPCN', parentCode: null, unit: '', kind: 'group' },
  { code: 'SPCN_DIEN_SX', parentCode: 'SPCN', unit: 'triệu kWh', kind: 'flow' },
  { code: 'BLHH', parentCode: null, unit: 'tỷ đồng', kind: 'flow' },
  { code: 'XNK', parentCode: null, unit: 'triệu USD', kind: 'flow' },
  { code: 'XK', parentCode: 'XNK', unit: 'triệu USD', kind: 'flow' },
  { code: 'XK_DIEU_L', parentCode: 'XK', unit: 'nghìn tấn', kind: 'flow' },
  { code: 'XK_DIEU_GT', parentCode: 'XK', unit: 'triệu USD', kind: 'flow' },
  { code: 'NK', parentCode: 'XNK', unit: 'triệu USD', kind: 'flow' },
  { code: 'CCHC_DVC4', parentCode: null, unit: '%', kind: 'ratio' },
];

function fig(indicatorCode: string, period: string, value: number, extra: Partial<EnteredFigure> = {}): EnteredFigure {
  return {
    indicatorCode,
    period,
    value,
    status: 'actual',
    comment: null,
    updatedBy: 'Nguyễn Thị Lan',
    updatedAt: '2023-07-20T02:00:00.000Z',
    source: { kind: 'typed', file: null, sheet: null, cell: null },
    ...extra,
  };
}

function plansOf(entries: Record<string, Partial<PlanFigures>>): Map<string, PlanFigures> {
  return new Map(
    Object.entries(entries).map(([code, p]) => [code, { giao: p.giao ?? null, phanDau: p.phanDau ?? null }]),
  );
}

function rowsFor(
  period: string,
  entered: readonly EnteredFigure[],
  plans: ReadonlyMap<string, PlanFigures> = new Map(),
): Map<string, GridRow> {
  const rows = computeGridRows(
    catalog,
    periodOrThrow(period),
    indexEnteredFigures(entered),
    detailsOf(entered, period),
    plans,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

function rowOf(rows: ReadonlyMap<string, GridRow>, code: string): GridRow {
  const row = rows.get(code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

function resolverOf(entered: readonly EnteredFigure[]): FigureResolver {
  const byKey = new Map(entered.map((e) => [`${e.indicatorCode}|${e.period}`, e.value]));
  return new FigureResolver(catalog, (code, key) => byKey.get(`${code}|${key}`));
}

const seedFigures: readonly EnteredFigure[] = [
  fig('XNK', '2022-H1', 1136.2),
  fig('BLHH', '2022-H1', 12026.2),
  fig('XNK', '2023-H1', 2260),
  fig('BLHH', '2023-H1', 14659.9),
];
const seedPlans = plansOf({ XNK: { giao: 3798.3 }, BLHH: { giao: 26899 } });

describe('the report row of the seed figures', () => {
  it('shows XNK for 6 months of 2023 at 59,5% of the plan and 198,9% of the same period last year', () => {
    const xnk = rowOf(rowsFor('2023-H1', seedFigures, seedPlans), 'XNK');
    expect(xnk).toMatchObject({ value: 2260, plan: 3798.3, samePeriod: 1136.2, ytd: 2260, ytdSamePeriod: 1136.2 });
    expect(xnk.pctOfPlan).toBe(59.5);
    expect(xnk.pctOfSamePeriod).toBe(198.9);
    expect(xnk.pctYtdOfSamePeriod).toBe(198.9);
  });

  it('shows BLHH for 6 months of 2023 at 54,5% of the plan and 121,9% of the same period last year', () => {
    const blhh = rowOf(rowsFor('2023-H1', seedFigures, seedPlans), 'BLHH');
    expect(blhh).toMatchObject({ value: 14659.9, plan: 26899, samePeriod: 12026.2, ytd: 14659.9 });
    expect(blhh.pctOfPlan).toBe(54.5);
    expect(blhh.pctOfSamePeriod).toBe(121.9);
  });

  it('carries the status, comment, clerk and source of the entered figure into its row', () => {
    const entered = [
      fig('XNK', '2023-H1', 2260, {
        status: 'estimate',
        comment: 'Số hải quan',
        updatedBy: 'Lan',
        source: { kind: 'pasted', file: null, sheet: null, cell: null },
      }),
    ];
    expect(rowOf(rowsFor('2023-H1', entered), 'XNK')).toMatchObject({
      value: 2260,
      status: 'estimate',
      comment: 'Số hải quan',
      updatedBy: 'Lan',
      updatedAt: '2023-07-20T02:00:00.000Z',
      source: { kind: 'pasted', file: null, sheet: null, cell: null },
    });
  });

  it('leaves every column empty for an indicator with no figures, and the plan comparison empty without a plan', () => {
    const rows = rowsFor('2023-H1', seedFigures);
    expect(rowOf(rows, 'GTSXCN')).toMatchObject({
      value: null,
      status: null,
      valueFromParts: null,
      ytd: null,
      samePeriod: null,
      pctOfSamePeriod: null,
      source: null,
    });
    expect(rowOf(rows, 'XNK')).toMatchObject({
      plan: null,
      planStretch: null,
      pctOfPlan: null,
      pctOfPlanStretch: null,
      pctOfSamePeriod: 198.9,
    });
  });

  it('compares the cumulative figure with the stretch target as well as with the assigned plan', () => {
    const rows = rowsFor('2023-H1', seedFigures, plansOf({ BLHH: { giao: 26899, phanDau: 28000 } }));
    expect(rowOf(rows, 'BLHH')).toMatchObject({
      plan: 26899,
      planStretch: 28000,
      pctOfPlan: 54.5,
      pctOfPlanStretch: 52.4,
    });
  });

  it('gives one row per indicator, in the order of the catalog', () => {
    expect(
      computeGridRows(catalog, periodOrThrow('2023-06'), new Map(), new Map(), new Map()).map((r) => r.code),
    ).toEqual(catalog.map((i) => i.code));
  });
});

describe('cumulative flows', () => {
  it('adds a June estimate of 200 to an entered 5-month 266,03 to give 6 months of 466,03, with no float noise', () => {
    const entered = [fig('GTSXCN', '2023-L05', 266.03), fig('GTSXCN', '2023-06', 200, { status: 'estimate' })];
    const june = rowOf(rowsFor('2023-06', entered), 'GTSXCN');
    expect(june.value).toBe(200);
    expect(june.previous).toBe(null); // May itself was never entered, only the 5-month total
    expect(june.ytd).toBe(466.03);
    const sixMonths = rowOf(rowsFor('2023-H1', entered), 'GTSXCN');
    expect(sixMonths).toMatchObject({ value: null, valueFromParts: 466.03, partsOrigin: 'months', ytd: 466.03 });
  });

  it('adds three months to their quarter and the months from January to the year-to-date', () => {
    const entered = [
      fig('BLHH', '2023-01', 2300.4),
      fig('BLHH', '2023-02', 2250.3),
      fig('BLHH', '2023-03', 2410.1),
      fig('BLHH', '2023-04', 2390.7),
    ];
    const q1 = rowOf(rowsFor('2023-Q1', entered), 'BLHH');
    expect(q1).toMatchObject({ value: null, valueFromParts: 6960.8, partsOrigin: 'months', ytd: 6960.8 });
    const april = rowOf(rowsFor('2023-04', entered), 'BLHH');
    expect(april).toMatchObject({ value: 2390.7, previous: 2410.1, ytd: 9351.5 });
    expect(rowOf(rowsFor('2023-L04', entered), 'BLHH').valueFromParts).toBe(9351.5);
  });

  it('has no quarter or year-to-date while one of its months is missing', () => {
    const entered = [fig('BLHH', '2023-01', 2300.4), fig('BLHH', '2023-03', 2410.1)];
    expect(rowOf(rowsFor('2023-Q1', entered), 'BLHH')).toMatchObject({
      valueFromParts: null,
      partsOrigin: null,
      ytd: null,
    });
    expect(rowOf(rowsFor('2023-03', entered), 'BLHH')).toMatchObject({ value: 2410.1, ytd: null, pctOfPlan: null });
  });

  it('shows the entered 6-month figure as the value and the sum of the months beside it when both exist', () => {
    const months = [100, 110, 120, 130, 140, 150].map((v, i) => fig('GTSXCN', `2023-0${i + 1}`, v));
    const entered = [...months, fig('GTSXCN', '2023-H1', 745.5)];
    const row = rowOf(rowsFor('2023-H1', entered, plansOf({ GTSXCN: { giao: 1491 } })), 'GTSXCN');
    expect(row).toMatchObject({ value: 745.5, valueFromParts: 750, partsOrigin: 'months', ytd: 745.5, pctOfPlan: 50 });
  });

  it('builds a later cumulative on the entered one: 6 months entered plus July gives 7 months', () => {
    const entered = [fig('GTSXCN', '2023-01', 1), fig('GTSXCN', '2023-H1', 745.5), fig('GTSXCN', '2023-07', 130.2)];
    expect(rowOf(rowsFor('2023-07', entered), 'GTSXCN').ytd).toBe(875.7);
    expect(rowOf(rowsFor('2023-L07', entered), 'GTSXCN').valueFromParts).toBe(875.7);
  });

  it('gives 0,3 exactly for months of 0,1 and 0,2', () => {
    const entered = [fig('GTSXCN', '2023-01', 0.1), fig('GTSXCN', '2023-02', 0.2)];
    expect(rowOf(rowsFor('2023-02', entered), 'GTSXCN').ytd).toBe(0.3);
    expect(rowOf(rowsFor('2023-L02', entered), 'GTSXCN').valueFromParts).toBe(0.3);
    expect(resolverOf(entered).value('GTSXCN', periodOrThrow('2023-L02'))).toBe(0.3);
  });

  it('compares the cumulative with the cumulative of last year built the same way', () => {
    const entered = [
      fig('GTSXCN', '2022-01', 90),
      fig('GTSXCN', '2022-02', 110),
      fig('GTSXCN', '2023-01', 100),
      fig('GTSXCN', '2023-02', 125),
    ];
    const row = rowOf(rowsFor('2023-02', entered), 'GTSXCN');
    expect(row).toMatchObject({
      samePeriod: 110,
      ytd: 225,
      ytdSamePeriod: 200,
      pctOfSamePeriod: 113.6,
      pctYtdOfSamePeriod: 112.5,
    });
  });
});

describe('flow parents and their children', () => {
  it('adds up exports and imports to the total trade when both are given', () => {
    const entered = [fig('XK', '2023-06', 61.1), fig('NK', '2023-06', 300.4)];
    const row = rowOf(rowsFor('2023-06', entered), 'XNK');
    expect(row).toMatchObject({ value: null, valueFromParts: 361.5, partsOrigin: 'children' });
    expect(resolverOf(entered).figure('XNK', periodOrThrow('2023-06'))).toEqual({ value: 361.5, origin: 'children' });
  });

  it('does not add up the total trade while imports are missing', () => {
    const entered = [fig('XK', '2023-06', 61.1)];
    expect(rowOf(rowsFor('2023-06', entered), 'XNK')).toMatchObject({ valueFromParts: null, partsOrigin: null });
    expect(resolverOf(entered).figure('XNK', periodOrThrow('2023-06'))).toBe(null);
  });

  it('never makes exports out of commodity rows in tonnes and USD', () => {
    const entered = [fig('XK_DIEU_L', '2023-06', 12.5), fig('XK_DIEU_GT', '2023-06', 40.2)];
    expect(rowOf(rowsFor('2023-06', entered), 'XK')).toMatchObject({ valueFromParts: null, partsOrigin: null });
    const byCode = new Map(catalog.map((i) => [i.code, i]));
    const xk = byCode.get('XK');
    const xnk = byCode.get('XNK');
    if (!xk || !xnk) throw new Error('catalog incomplete');
    expect(
      childrenAddUp(
        xk,
        catalog.filter((i) => i.parentCode === 'XK'),
      ),
    ).toBe(false);
    expect(
      childrenAddUp(
        xnk,
        catalog.filter((i) => i.parentCode === 'XNK'),
      ),
    ).toBe(true);
  });

  it('adds children over months too: 6 months of trade from the monthly exports and imports', () => {
    const entered = [1, 2, 3, 4, 5, 6].flatMap((m) => [fig('XK', `2023-0${m}`, 10.1), fig('NK', `2023-0${m}`, 20.2)]);
    expect(rowOf(rowsFor('2023-H1', entered), 'XNK')).toMatchObject({ valueFromParts: 181.8, ytd: 181.8 });
  });

  it('adds 6-month exports and imports entered as such to a 6-month total trade', () => {
    const entered = [fig('XK', '2023-H1', 61.1), fig('NK', '2023-H1', 1075.1), fig('XNK', '2022-H1', 1000)];
    expect(rowOf(rowsFor('2023-H1', entered), 'XNK')).toMatchObject({
      valueFromParts: 1136.2,
      partsOrigin: 'children',
      ytd: 1136.2,
      pctOfSamePeriod: 113.6,
    });
  });
});

describe('indices and ratios', () => {
  const iip = [fig('IIP', '2023-01', 125.95), fig('IIP', '2023-02', 106.01)];

  it('shows the entered 2-month IIP of 116,32 as the cumulative, not the mean 115,98 of the months', () => {
    const row = rowOf(rowsFor('2023-02', [...iip, fig('IIP', '2023-L02', 116.32)]), 'IIP');
    expect(row).toMatchObject({ value: 106.01, previous: 125.95, ytd: 116.32 });
  });

  it('leaves the cumulative IIP empty when only the months were entered', () => {
    const row = rowOf(rowsFor('2023-02', iip), 'IIP');
    expect(row).toMatchObject({ value: 106.01, ytd: null, valueFromParts: null, partsOrigin: null });
    expect(rowOf(rowsFor('2023-L02', iip), 'IIP')).toMatchObject({ value: null, valueFromParts: null, ytd: null });
  });

  it('never sums an index over its sectors or its months', () => {
    const entered = [fig('IIP_C', '2023-06', 107.1), ...[1, 2, 3].map((m) => fig('IIP', `2023-0${m}`, 105))];
    expect(rowOf(rowsFor('2023-06', entered), 'IIP').valueFromParts).toBe(null);
    expect(rowOf(rowsFor('2023-Q1', entered), 'IIP')).toMatchObject({ value: null, valueFromParts: null, ytd: null });
    expect(resolverOf(entered).figure('IIP', periodOrThrow('2023-Q1'))).toBe(null);
  });

  it('shows an index and a ratio against last year and the plan without computing any comparison', () => {
    const entered = [
      fig('IIP', '2022-H1', 105.66),
      fig('IIP', '2023-H1', 105.79),
      fig('CCHC_DVC4', '2022-H1', 95),
      fig('CCHC_DVC4', '2023-H1', 100),
    ];
    const rows = rowsFor('2023-H1', entered, plansOf({ IIP: { giao: 108.9 }, CCHC_DVC4: { giao: 100, phanDau: 100 } }));
    for (const code of ['IIP', 'CCHC_DVC4']) {
      expect(rowOf(rows, code)).toMatchObject({
        pctOfPlan: null,
        pctOfPlanStretch: null,
        pctOfSamePeriod: null,
        pctYtdOfSamePeriod: null,
      });
    }
    expect(rowOf(rows, 'IIP')).toMatchObject({
      value: 105.79,
      samePeriod: 105.66,
      ytd: 105.79,
      ytdSamePeriod: 105.66,
      plan: 108.9,
    });
    expect(rowOf(rows, 'CCHC_DVC4')).toMatchObject({ value: 100, samePeriod: 95, plan: 100, planStretch: 100 });
  });

  it('gives a group row no figures at all', () => {
    const row = rowOf(rowsFor('2023-06', [fig('SPCN_DIEN_SX', '2023-06', 120.5)]), 'SPCN');
    expect(row).toMatchObject({ value: null, valueFromParts: null, ytd: null, pctOfPlan: null });
  });
});

describe('which periods a row compares with', () => {
  it('takes December of last year as the period before January', () => {
    const entered = [fig('BLHH', '2022-12', 2600.5), fig('BLHH', '2023-01', 2300.4)];
    expect(rowOf(rowsFor('2023-01', entered), 'BLHH')).toMatchObject({ value: 2300.4, previous: 2600.5, ytd: 2300.4 });
  });

  it('takes the previous quarter as the period before a quarter, and the fourth quarter of last year before the first', () => {
    const entered = [fig('BLHH', '2022-Q4', 7000), fig('BLHH', '2023-Q1', 6960.8), fig('BLHH', '2023-Q2', 7100.2)];
    expect(rowOf(rowsFor('2023-Q2', entered), 'BLHH').previous).toBe(6960.8);
    expect(rowOf(rowsFor('2023-Q1', entered), 'BLHH').previous).toBe(7000);
  });

  it('takes the previous quarter summed from its months when it was not entered as such', () => {
    const entered = [
      fig('BLHH', '2023-01', 1),
      fig('BLHH', '2023-02', 2),
      fig('BLHH', '2023-03', 3.3),
      fig('BLHH', '2023-Q2', 7),
    ];
    expect(rowOf(rowsFor('2023-Q2', entered), 'BLHH').previous).toBe(6.3);
  });

  it('compares 6 months of 2023 with 6 months of 2022, and has no previous period for a January cumulative', () => {
    const rows = rowsFor('2023-H1', [...seedFigures, fig('XNK', '2023-L05', 1800)]);
    expect(rowOf(rows, 'XNK')).toMatchObject({ samePeriod: 1136.2, previous: 1800 });
    expect(rowOf(rowsFor('2023-L01', [fig('XNK', '2023-01', 300)]), 'XNK')).toMatchObject({
      previous: null,
      valueFromParts: 300,
    });
  });
});
