import { describe, expect, it } from 'vitest';
import type { PlanFigures } from '../../shared/figures/grid-rows';
import { periodOrThrow } from '../../shared/periods/period';
import { builtinRules } from '../../shared/validation/builtin-rules';
import type { Finding, Severity } from '../../shared/validation/finding';
import { robustZ } from '../../shared/validation/robust-z';
import { defaultRuleSettings, type IndicatorRuleSettings } from '../../shared/validation/rule-settings';
import { brokenRuleVi, type UserRule } from '../../shared/validation/user-rule';
import {
  validatePeriod,
  type EnteredValue,
  type StatedComparison,
  type ValidationIndicator,
} from '../../shared/validation/validate';

/** A slice of the default catalog, as catalog/default-indicators.csv has it. */
const catalog: readonly ValidationIndicator[] = [
  {
    code: 'IIP',
    parentCode: null,
    nameVi: 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ',
    unit: '%',
    kind: 'index',
    decimals: 2,
  },
  { code: 'IIP_C', parentCode: 'IIP', nameVi: 'Công nghiệp chế biến, chế tạo', unit: '%', kind: 'index', decimals: 2 },
  {
    code: 'GTSXCN',
    parentCode: null,
    nameVi: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'BLHH',
    parentCode: null,
    nameVi: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'BLHH_HH',
    parentCode: 'BLHH',
    nameVi: 'Doanh thu bán lẻ hàng hóa',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'BLHH_LTAU',
    parentCode: 'BLHH',
    nameVi: 'Doanh thu dịch vụ lưu trú, ăn uống',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'BLHH_DL',
    parentCode: 'BLHH',
    nameVi: 'Doanh thu du lịch lữ hành',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'BLHH_DVK',
    parentCode: 'BLHH',
    nameVi: 'Doanh thu dịch vụ khác',
    unit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
  },
  {
    code: 'XNK',
    parentCode: null,
    nameVi: 'Tổng kim ngạch xuất nhập khẩu hàng hóa',
    unit: 'triệu USD',
    kind: 'flow',
    decimals: 1,
  },
  { code: 'XK', parentCode: 'XNK', nameVi: 'Kim ngạch xuất khẩu', unit: 'triệu USD', kind: 'flow', decimals: 1 },
  { code: 'XK_DIEU_L', parentCode: 'XK', nameVi: 'Hạt điều nhân', unit: 'nghìn tấn', kind: 'flow', decimals: 2 },
  { code: 'XK_DIEU_GT', parentCode: 'XK', nameVi: 'Hạt điều nhân', unit: 'triệu USD', kind: 'flow', decimals: 2 },
  { code: 'XK_KHAC_GT', parentCode: 'XK', nameVi: 'Hàng hóa khác', unit: 'triệu USD', kind: 'flow', decimals: 2 },
  { code: 'NK', parentCode: 'XNK', nameVi: 'Kim ngạch nhập khẩu', unit: 'triệu USD', kind: 'flow', decimals: 1 },
  { code: 'CCHC', parentCode: null, nameVi: 'Cải cách hành chính', unit: '', kind: 'group', decimals: 0 },
  {
    code: 'CCHC_CATGIAM',
    parentCode: 'CCHC',
    nameVi: 'Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính',
    unit: '%',
    kind: 'ratio',
    decimals: 1,
  },
  {
    code: 'CCHC_DVC4',
    parentCode: 'CCHC',
    nameVi: 'Tỷ lệ dịch vụ công trực tuyến mức độ 4',
    unit: '%',
    kind: 'ratio',
    decimals: 1,
  },
];

function nameOf(code: string): string {
  const indicator = catalog.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code} in the test catalog`);
  return indicator.nameVi;
}

/** Figures by period key, then by code. */
type Figures = Readonly<Record<string, Readonly<Record<string, number>>>>;

interface Scenario {
  period: string;
  /** Figures entered as actual. */
  figures?: Figures;
  /** Figures entered as estimates (ước thực hiện). */
  estimates?: Figures;
  /** Assigned annual plans (kế hoạch giao) of the period's year, by code. */
  plans?: Readonly<Record<string, number>>;
  settings?: Readonly<Record<string, Partial<IndicatorRuleSettings>>>;
  decimals?: Readonly<Record<string, number>>;
  userRules?: readonly UserRule[];
  stated?: readonly StatedComparison[];
  today?: Date;
}

function enteredOf(figures: Figures | undefined, status: EnteredValue['status']): EnteredValue[] {
  return Object.entries(figures ?? {}).flatMap(([period, byCode]) =>
    Object.entries(byCode).map(([indicatorCode, value]) => ({ indicatorCode, period, value, status })),
  );
}

function validate(s: Scenario): Finding[] {
  const indicators = catalog.map((i) => ({
    ...i,
    decimals: s.decimals?.[i.code] ?? i.decimals,
    settings: s.settings?.[i.code] ? { ...defaultRuleSettings, ...s.settings[i.code] } : undefined,
  }));
  const plans = new Map<string, PlanFigures>(
    Object.entries(s.plans ?? {}).map(([code, giao]) => [code, { giao, phanDau: null }]),
  );
  return validatePeriod({
    indicators,
    period: periodOrThrow(s.period),
    today: s.today ?? new Date(2025, 0, 15),
    entered: [...enteredOf(s.figures, 'actual'), ...enteredOf(s.estimates, 'estimate')],
    plans,
    userRules: s.userRules ?? [],
    stated: s.stated ?? [],
  });
}

function findingsOf(s: Scenario, ruleId: string): Finding[] {
  return validate(s).filter((f) => f.ruleId === ruleId);
}

/** The one finding of a rule on an indicator; fails the test if there is none or more than one. */
function theFinding(s: Scenario, ruleId: string, code: string): Finding {
  const found = validate(s).filter((f) => f.ruleId === ruleId && f.indicatorCode === code);
  expect(found, `${ruleId} on ${code}`).toHaveLength(1);
  const [finding] = found;
  if (!finding) throw new Error('unreachable');
  return finding;
}

function codesFlagged(s: Scenario, ruleId: string): string[] {
  return findingsOf(s, ruleId).map((f) => f.indicatorCode);
}

const seed2022H1 = {
  XNK: 1136.2,
  XK: 600,
  NK: 536.2,
  BLHH: 12026.2,
  BLHH_HH: 9000,
  BLHH_LTAU: 1800,
  BLHH_DL: 26.2,
  BLHH_DVK: 1200,
};
const seed2023H1 = {
  XNK: 2260,
  XK: 1200,
  NK: 1060,
  BLHH: 14659.9,
  BLHH_HH: 10900,
  BLHH_LTAU: 2300,
  BLHH_DL: 40,
  BLHH_DVK: 1419.9,
  IIP: 105.79,
  CCHC_CATGIAM: 39.2,
};

describe('the seed figures of 6 tháng đầu năm 2023', () => {
  it('give no finding at all, with their plans and the same period of 2022', () => {
    expect(
      validate({
        period: '2023-H1',
        figures: { '2022-H1': seed2022H1, '2023-H1': seed2023H1 },
        plans: { XNK: 3798.3, BLHH: 26899 },
      }),
    ).toEqual([]);
  });
});

describe('required-missing: a required indicator has no figure for the period', () => {
  it('warns about an indicator marked required that has no figure, naming the period and the indicator', () => {
    const finding = theFinding(
      { period: '2023-H1', settings: { GTSXCN: { required: true } } },
      'required-missing',
      'GTSXCN',
    );
    expect(finding).toEqual({
      key: 'required-missing|GTSXCN|2023-H1',
      ruleId: 'required-missing',
      indicatorCode: 'GTSXCN',
      period: '2023-H1',
      severity: 'warning',
      message: `Chưa có số liệu 6 tháng đầu năm 2023 của "${nameOf('GTSXCN')}".`,
      values: { samePeriod: null },
    });
  });

  it('by default wants a figure wherever the same period last year has one, and quotes that figure', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2022-H1': { GTSXCN: 5432.1, IIP: 105.66 } } },
      'required-missing',
      'GTSXCN',
    );
    expect(finding.message).toBe(
      `Chưa có số liệu 6 tháng đầu năm 2023 của "${nameOf('GTSXCN')}" (cùng kỳ năm trước: 5.432,1 tỷ đồng).`,
    );
    expect(finding.values).toEqual({ samePeriod: 5432.1 });
    expect(
      theFinding({ period: '2023-H1', figures: { '2022-H1': { IIP: 105.66 } } }, 'required-missing', 'IIP').message,
    ).toContain('105,66');
  });

  it('does not ask for an indicator that had no figure last year either', () => {
    expect(findingsOf({ period: '2023-H1', figures: { '2023-H1': { XNK: 2260 } } }, 'required-missing')).toEqual([]);
  });

  it('does not ask for an indicator marked not required, even with a figure last year', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2022-H1': { GTSXCN: 5432.1 } }, settings: { GTSXCN: { required: false } } },
        'required-missing',
      ),
    ).toEqual([]);
  });

  it('counts a flow given by its months (5 tháng plus tháng 6) as present', () => {
    const s: Scenario = {
      period: '2023-H1',
      figures: { '2022-H1': { GTSXCN: 5432.1 }, '2023-L05': { GTSXCN: 5000 }, '2023-06': { GTSXCN: 1100 } },
    };
    expect(codesFlagged(s, 'required-missing')).toEqual([]);
  });
});

describe('negative-flow: a flow below zero', () => {
  it('reports a negative production value as an error with the figure in Vietnamese notation', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-H1': { GTSXCN: -1234.5 } } },
      'negative-flow',
      'GTSXCN',
    );
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('-1.234,5');
    expect(finding.values).toEqual({ value: -1234.5 });
  });

  it('accepts zero and positive flows, and never calls an index negative flow', () => {
    expect(
      findingsOf({ period: '2023-H1', figures: { '2023-H1': { GTSXCN: 0, XNK: 2260, IIP: -5 } } }, 'negative-flow'),
    ).toEqual([]);
  });
});

describe('parent-sum: a flow parent differs from the sum of its children', () => {
  it('reports XNK that is not XK + NK, with both figures in Vietnamese notation', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-H1': { XNK: 2260, XK: 1200, NK: 1059.9 } } },
      'parent-sum',
      'XNK',
    );
    expect(finding).toMatchObject({
      severity: 'error',
      key: 'parent-sum|XNK|2023-H1',
      values: { value: 2260, sumOfChildren: 2259.9 },
    });
    expect(finding.message).toBe(`"${nameOf('XNK')}" (2.260,0) khác tổng các chỉ tiêu con XK + NK (2.259,9).`);
  });

  it('reports BLHH that is not the sum of its four parts', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-H1': { ...seed2023H1, BLHH: 14660.9 } } },
      'parent-sum',
      'BLHH',
    );
    expect(finding.message).toContain('BLHH_HH + BLHH_LTAU + BLHH_DL + BLHH_DVK');
    expect(finding.message).toContain('14.660,9');
    expect(finding.message).toContain('14.659,9');
  });

  it('accepts a difference that is only rounding at the parent’s decimals', () => {
    for (const nk of [1059.96, 1060.04, 1059.95]) {
      expect(
        findingsOf({ period: '2023-H1', figures: { '2023-H1': { XNK: 2260, XK: 1200, NK: nk } } }, 'parent-sum'),
        `NK ${nk}`,
      ).toEqual([]);
    }
  });

  it('measures rounding at the parent’s own decimals: 0,4 apart passes for a whole-number parent, not for one with a decimal', () => {
    const figures: Figures = { '2023-H1': { XNK: 2260, XK: 1200, NK: 1059.6 } };
    expect(findingsOf({ period: '2023-H1', figures, decimals: { XNK: 0 } }, 'parent-sum')).toEqual([]);
    expect(codesFlagged({ period: '2023-H1', figures, decimals: { XNK: 1 } }, 'parent-sum')).toEqual(['XNK']);
  });

  it('says nothing while a child is still missing', () => {
    expect(findingsOf({ period: '2023-H1', figures: { '2023-H1': { XNK: 2260, XK: 1200 } } }, 'parent-sum')).toEqual(
      [],
    );
  });

  it('never adds XK’s commodity rows (tonnes beside USD, and only a selection) into XK', () => {
    const figures: Figures = {
      '2023-H1': { XK: 1200, XK_DIEU_L: 150.25, XK_DIEU_GT: 300.5, XK_KHAC_GT: 12.75, NK: 1060, XNK: 2260 },
    };
    expect(findingsOf({ period: '2023-H1', figures }, 'parent-sum')).toEqual([]);
  });
});

describe('ytd-decreasing: a cumulative flow below the previous month’s cumulative', () => {
  it('reports 6 months of BLHH lower than its 5 months', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-L05': { BLHH: 15000 }, '2023-H1': { BLHH: 14659.9 } } },
      'ytd-decreasing',
      'BLHH',
    );
    expect(finding).toMatchObject({
      severity: 'error',
      key: 'ytd-decreasing|BLHH|2023-H1',
      values: { ytd: 14659.9, previousYtd: 15000 },
    });
    expect(finding.message).toBe(
      `Lũy kế 6 tháng đầu năm 2023 của "${nameOf('BLHH')}" (14.659,9) thấp hơn 5 tháng năm 2023 (15.000,0): số lũy kế không thể giảm.`,
    );
  });

  it('accepts a cumulative that grows, or stays the same', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-L05': { BLHH: 12000 }, '2023-H1': { BLHH: 14659.9 } } },
        'ytd-decreasing',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-L05': { BLHH: 14659.9 }, '2023-H1': { BLHH: 14659.9 } } },
        'ytd-decreasing',
      ),
    ).toEqual([]);
  });

  it('checks a month against the cumulative its month gives, when the clerk reports June', () => {
    const figures: Figures = { '2023-L05': { BLHH: 15000 }, '2023-06': { BLHH: 2500 }, '2023-H1': { BLHH: 14659.9 } };
    expect(codesFlagged({ period: '2023-06', figures }, 'ytd-decreasing')).toEqual(['BLHH']);
  });
});

describe('ytd-below-month: a cumulative flow below one of its own months', () => {
  it('reports six months of 1.200 below a June of 1.300, with both figures and periods', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-06': { BLHH: 1300 }, '2023-H1': { BLHH: 1200 } } },
      'ytd-below-month',
      'BLHH',
    );
    expect(finding).toMatchObject({
      severity: 'error',
      key: 'ytd-below-month|BLHH|2023-H1',
      values: { ytd: 1200, month: 1300 },
    });
    expect(finding.message).toBe(
      `"${nameOf('BLHH')}": 6 tháng đầu năm 2023 (1.200,0) nhỏ hơn Tháng 6/2023 (1.300,0): số lũy kế không thể nhỏ hơn số của một tháng trong kỳ.`,
    );
  });

  it('names the largest of the months the cumulative is below, whichever month it is', () => {
    const figures: Figures = {
      '2023-02': { XNK: 900 },
      '2023-03': { XNK: 1500 },
      '2023-09': { XNK: 300 },
      '2023-9M': { XNK: 1400 },
    };
    expect(theFinding({ period: '2023-9M', figures }, 'ytd-below-month', 'XNK').message).toContain(
      '9 tháng năm 2023 (1.400,0) nhỏ hơn Tháng 3/2023 (1.500,0)',
    );
  });

  it('checks the year, and the cumulative of the month a clerk reports', () => {
    expect(
      codesFlagged({ period: '2023', figures: { '2023-12': { XNK: 500 }, '2023': { XNK: 450 } } }, 'ytd-below-month'),
    ).toEqual(['XNK']);
    expect(
      codesFlagged(
        { period: '2023-06', figures: { '2023-06': { BLHH: 1300 }, '2023-H1': { BLHH: 1200 } } },
        'ytd-below-month',
      ),
    ).toEqual(['BLHH']);
  });

  it('accepts a cumulative at least as large as each of its months, and says nothing of an index', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-06': { BLHH: 1300 }, '2023-H1': { BLHH: 1300 } } },
        'ytd-below-month',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-06': { IIP: 125.95 }, '2023-H1': { IIP: 116.32 } } },
        'ytd-below-month',
      ),
    ).toEqual([]);
  });

  it('is not fooled by the rounding of an indicator kept with 0 decimals: 14.659,9 is below 14.660', () => {
    const figures: Figures = { '2023-06': { GTSXCN: 14660 }, '2023-H1': { GTSXCN: 14659.9 } };
    expect(codesFlagged({ period: '2023-H1', figures, decimals: { GTSXCN: 0 } }, 'ytd-below-month')).toEqual([
      'GTSXCN',
    ]);
  });
});

describe('ytd-decreasing with figures typed more precisely than their indicator', () => {
  it('reports 9 months of 14.659,9 below 8 months of 14.660 for an indicator kept with 0 decimals', () => {
    const finding = theFinding(
      {
        period: '2023-9M',
        figures: { '2023-L08': { GTSXCN: 14660 }, '2023-9M': { GTSXCN: 14659.9 } },
        decimals: { GTSXCN: 0 },
      },
      'ytd-decreasing',
      'GTSXCN',
    );
    expect(finding.message).toContain('(14.659,9) thấp hơn 8 tháng năm 2023 (14.660)');
  });
});

describe('ytd-vs-months: a cumulative typed directly differs from the sum of its months', () => {
  it('warns about a first quarter of 100 whose months add up to 90', () => {
    const finding = theFinding(
      {
        period: '2023-Q1',
        figures: {
          '2023-Q1': { GTSXCN: 100 },
          '2023-01': { GTSXCN: 30 },
          '2023-02': { GTSXCN: 30 },
          '2023-03': { GTSXCN: 30 },
        },
      },
      'ytd-vs-months',
      'GTSXCN',
    );
    expect(finding).toMatchObject({ severity: 'warning', values: { value: 100, sumOfMonths: 90 } });
    expect(finding.message).toBe(
      `"${nameOf('GTSXCN')}" Quý I/2023 nhập trực tiếp (100,0) khác tổng 3 tháng đã nhập, Tháng 1/2023 đến Tháng 3/2023 (90,0).`,
    );
  });

  it('warns about 3 months typed as 1.000 when 2 months (600) and March (300) make 900', () => {
    const finding = theFinding(
      {
        period: '2023-L03',
        figures: { '2023-L03': { GTSXCN: 1000 }, '2023-L02': { GTSXCN: 600 }, '2023-03': { GTSXCN: 300 } },
      },
      'ytd-vs-months',
      'GTSXCN',
    );
    expect(finding).toMatchObject({ values: { value: 1000, previousYtd: 600, month: 300, sumOfMonths: 900 } });
    expect(finding.message).toBe(
      `"${nameOf('GTSXCN')}" 3 tháng năm 2023 nhập trực tiếp (1.000,0) khác 2 tháng năm 2023 (600,0) cộng Tháng 3/2023 (300,0), tức 900,0.`,
    );
  });

  it('adds up every stored month of a six months, even when the five months were typed too', () => {
    const months = Object.fromEntries([200, 210, 190, 220, 230, 250].map((v, i) => [`2023-0${i + 1}`, { BLHH: v }]));
    const finding = theFinding(
      { period: '2023-H1', figures: { ...months, '2023-L05': { BLHH: 1050 }, '2023-H1': { BLHH: 1400 } } },
      'ytd-vs-months',
      'BLHH',
    );
    expect(finding).toMatchObject({ severity: 'warning', values: { value: 1400, sumOfMonths: 1300 } });
    expect(finding.message).toBe(
      `"${nameOf('BLHH')}" 6 tháng đầu năm 2023 nhập trực tiếp (1.400,0) khác tổng 6 tháng đã nhập, Tháng 1/2023 đến Tháng 6/2023 (1.300,0).`,
    );
  });

  it('accepts a six months that differs from its twelfths only by the rounding of each figure', () => {
    // Six months rounded to one decimal each may be 6 × 0,05 from their exact sum, and the total 0,05 more.
    const months = Object.fromEntries(
      [200.1, 210.1, 190.1, 220.1, 230.1, 250.1].map((v, i) => [`2023-0${i + 1}`, { BLHH: v }]),
    );
    expect(
      findingsOf({ period: '2023-H1', figures: { ...months, '2023-H1': { BLHH: 1300.9 } } }, 'ytd-vs-months'),
    ).toEqual([]);
    expect(
      codesFlagged({ period: '2023-H1', figures: { ...months, '2023-H1': { BLHH: 1301.1 } } }, 'ytd-vs-months'),
    ).toEqual(['BLHH']);
  });

  it('counts the decimals figures were typed with: 0,4 apart is no rounding when every figure of a 0-decimal indicator has one decimal', () => {
    const figures: Figures = {
      '2023-Q1': { GTSXCN: 14660.2 },
      '2023-01': { GTSXCN: 5000.1 },
      '2023-02': { GTSXCN: 5000.2 },
      '2023-03': { GTSXCN: 4660.3 },
    };
    expect(codesFlagged({ period: '2023-Q1', figures, decimals: { GTSXCN: 0 } }, 'ytd-vs-months')).toEqual(['GTSXCN']);
    expect(
      theFinding({ period: '2023-Q1', figures, decimals: { GTSXCN: 0 } }, 'ytd-vs-months', 'GTSXCN').message,
    ).toContain('(14.660,2) khác tổng 3 tháng đã nhập, Tháng 1/2023 đến Tháng 3/2023 (14.660,6)');
  });

  it('accepts a quarter equal to its months within rounding, and a quarter whose months are not all in', () => {
    expect(
      findingsOf(
        {
          period: '2023-Q1',
          figures: {
            '2023-Q1': { GTSXCN: 100 },
            '2023-01': { GTSXCN: 30 },
            '2023-02': { GTSXCN: 30 },
            '2023-03': { GTSXCN: 40.04 },
          },
        },
        'ytd-vs-months',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        {
          period: '2023-Q1',
          figures: { '2023-Q1': { GTSXCN: 100 }, '2023-01': { GTSXCN: 30 }, '2023-02': { GTSXCN: 30 } },
        },
        'ytd-vs-months',
      ),
    ).toEqual([]);
  });
});

describe('copied-group: every part of a group identical to the same period last year', () => {
  const copied: Figures = {
    '2022-H1': seed2022H1,
    '2023-H1': { ...seed2023H1, BLHH_HH: 9000, BLHH_LTAU: 1800, BLHH_DL: 26.2, BLHH_DVK: 1200 },
  };

  it('warns on BLHH when its four parts are last year’s, even though the total was revised', () => {
    const finding = theFinding({ period: '2023-H1', figures: copied }, 'copied-group', 'BLHH');
    expect(finding).toMatchObject({ severity: 'warning', key: 'copied-group|BLHH|2023-H1', values: { identical: 4 } });
    expect(finding.message).toBe(
      `Cả 4 số liệu của nhóm "${nameOf('BLHH')}" 6 tháng đầu năm 2023 giống hệt cùng kỳ năm trước: có thể đã chép nhầm số năm trước.`,
    );
  });

  it('warns on a group row such as Cải cách hành chính when its ratios are last year’s', () => {
    const figures: Figures = {
      '2022-H1': { CCHC_CATGIAM: 39.2, CCHC_DVC4: 100 },
      '2023-H1': { CCHC_CATGIAM: 39.2, CCHC_DVC4: 100 },
    };
    expect(codesFlagged({ period: '2023-H1', figures }, 'copied-group')).toEqual(['CCHC']);
  });

  it('says nothing when one part differs, or when only one part can be compared', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { ...copied, '2023-H1': { ...copied['2023-H1'], BLHH_DVK: 1200.1 } } },
        'copied-group',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2022-H1': { BLHH_HH: 9000 }, '2023-H1': { BLHH_HH: 9000 } } },
        'copied-group',
      ),
    ).toEqual([]);
  });
});

describe('same-period-band: change against the same period last year outside the band', () => {
  it('warns about XNK at 202,4% of last year, outside the default 50–200%', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: 2300 } } },
      'same-period-band',
      'XNK',
    );
    expect(finding).toMatchObject({ severity: 'warning', values: { value: 2300, samePeriod: 1136.2 } });
    expect(finding.values['percent']).toBeCloseTo(202.43, 2);
    expect(finding.message).toBe(
      `"${nameOf('XNK')}" 6 tháng đầu năm 2023 bằng 202,4% cùng kỳ năm trước, ngoài ngưỡng 50–200%.`,
    );
  });

  it('warns about a figure below half of last year’s', () => {
    expect(
      theFinding(
        { period: '2023-H1', figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: 500 } } },
        'same-period-band',
        'XNK',
      ).message,
    ).toContain('44,0%');
  });

  it('accepts the seed’s 198,9% and exactly 200%', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2022-H1': { XNK: 1136.2, XK: 600 }, '2023-H1': { XNK: 2260, XK: 1200 } } },
        'same-period-band',
      ),
    ).toEqual([]);
  });

  it('uses the band set for the indicator, and only for that indicator', () => {
    const s: Scenario = {
      period: '2023-H1',
      figures: { '2022-H1': { XNK: 1136.2, BLHH: 12026.2 }, '2023-H1': { XNK: 2260, BLHH: 14659.9 } },
      settings: { XNK: { bandLow: 80, bandHigh: 150 } },
    };
    expect(codesFlagged(s, 'same-period-band')).toEqual(['XNK']);
    expect(theFinding(s, 'same-period-band', 'XNK').message).toContain('ngoài ngưỡng 80–150%');
    expect(codesFlagged({ ...s, settings: { BLHH: { bandLow: 130, bandHigh: null } } }, 'same-period-band')).toEqual([
      'BLHH',
    ]);
  });

  it('writes a band with decimals in Vietnamese notation', () => {
    const s: Scenario = {
      period: '2023-H1',
      figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: 2260 } },
      settings: { XNK: { bandLow: 80.5, bandHigh: 150.5 } },
    };
    expect(theFinding(s, 'same-period-band', 'XNK').message).toContain('ngoài ngưỡng 80,5–150,5%');
  });

  it('does not compare an index with last year’s index', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2022-H1': { IIP: 105.66 }, '2023-H1': { IIP: 250 } } },
        'same-period-band',
      ),
    ).toEqual([]);
  });
});

describe('outlier: a figure far from the history of the same indicator', () => {
  /** Twelve months of 2022 with a median of 100 and a median absolute deviation of 5. */
  const history: Record<string, Record<string, number>> = Object.fromEntries(
    [90, 92, 94, 96, 98, 100, 100, 102, 104, 106, 108, 110].map((v, i) => [
      `2022-${String(i + 1).padStart(2, '0')}`,
      { GTSXCN: v },
    ]),
  );

  it('warns about January 2023 at 126 against twelve months around 100 (robust z just above 3,5)', () => {
    const finding = theFinding(
      { period: '2023-01', figures: { ...history, '2023-01': { GTSXCN: 126 } } },
      'outlier',
      'GTSXCN',
    );
    expect(finding.severity).toBe('warning');
    expect(finding.values['robustZ']).toBeCloseTo(3.507, 3);
    expect(finding.message).toBe(
      `"${nameOf('GTSXCN')}" Tháng 1/2023 (126,0) khác xa các kỳ trước (z = 3,5, ngưỡng 3,5).`,
    );
  });

  it('warns about a figure far below the history as well', () => {
    expect(codesFlagged({ period: '2023-01', figures: { ...history, '2023-01': { GTSXCN: 60 } } }, 'outlier')).toEqual([
      'GTSXCN',
    ]);
  });

  it('accepts 125,9, just inside the threshold', () => {
    expect(findingsOf({ period: '2023-01', figures: { ...history, '2023-01': { GTSXCN: 125.9 } } }, 'outlier')).toEqual(
      [],
    );
  });

  it('says nothing with fewer than twelve periods of history, however far the figure is', () => {
    const eleven = Object.fromEntries(Object.entries(history).filter(([key]) => key !== '2022-01'));
    expect(findingsOf({ period: '2023-01', figures: { ...eleven, '2023-01': { GTSXCN: 1000 } } }, 'outlier')).toEqual(
      [],
    );
  });

  it('measures the robust z with the median and the median absolute deviation', () => {
    expect(robustZ(126, [90, 92, 94, 96, 98, 100, 100, 102, 104, 106, 108, 110])).toBeCloseTo((0.6745 * 26) / 5, 9);
    expect(robustZ(126, [100, 100, 100])).toBe(null);
    expect(robustZ(126, [])).toBe(null);
  });
});

describe('index-range: an index outside 20..500', () => {
  it('reports an IIP of 1.164 (a dot read as thousands) as an error', () => {
    const finding = theFinding({ period: '2023-H1', figures: { '2023-H1': { IIP: 1164 } } }, 'index-range', 'IIP');
    expect(finding).toMatchObject({ severity: 'error', key: 'index-range|IIP|2023-H1', values: { value: 1164 } });
    expect(finding.message).toContain('1.164,00');
    expect(finding.message).toContain('20–500');
  });

  it('reports 19,99 and 500,01 and accepts 20, 105,79 and 500', () => {
    expect(
      codesFlagged({ period: '2023-H1', figures: { '2023-H1': { IIP: 19.99, IIP_C: 500.01 } } }, 'index-range').sort(),
    ).toEqual(['IIP', 'IIP_C']);
    expect(
      findingsOf({ period: '2023-H1', figures: { '2023-H1': { IIP: 105.79, IIP_C: 20 } } }, 'index-range'),
    ).toEqual([]);
    expect(findingsOf({ period: '2023-H1', figures: { '2023-H1': { IIP: 500 } } }, 'index-range')).toEqual([]);
  });

  it('never applies to flows', () => {
    expect(findingsOf({ period: '2023-H1', figures: { '2023-H1': { XNK: 2260, GTSXCN: 5 } } }, 'index-range')).toEqual(
      [],
    );
  });
});

describe('ratio-range: a ratio outside 0..100', () => {
  it('reports a time cut of 313% (a wrong formula) as an error', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-H1': { CCHC_CATGIAM: 313 } } },
      'ratio-range',
      'CCHC_CATGIAM',
    );
    expect(finding).toMatchObject({
      severity: 'error',
      key: 'ratio-range|CCHC_CATGIAM|2023-H1',
      values: { value: 313 },
    });
    expect(finding.message).toContain('313,0%');
    expect(finding.message).toContain('0–100%');
  });

  it('reports -0,1 and accepts 0, 39,2 and 100', () => {
    expect(codesFlagged({ period: '2023-H1', figures: { '2023-H1': { CCHC_CATGIAM: -0.1 } } }, 'ratio-range')).toEqual([
      'CCHC_CATGIAM',
    ]);
    expect(
      findingsOf({ period: '2023-H1', figures: { '2023-H1': { CCHC_CATGIAM: 39.2, CCHC_DVC4: 100 } } }, 'ratio-range'),
    ).toEqual([]);
    expect(findingsOf({ period: '2023-H1', figures: { '2023-H1': { CCHC_CATGIAM: 0 } } }, 'ratio-range')).toEqual([]);
  });
});

describe('stated-comparison: a percentage typed or imported that disagrees with the figures', () => {
  const seed: Scenario = {
    period: '2023-H1',
    figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: 2260 } },
    plans: { XNK: 3798.3 },
  };
  const stating = (measure: StatedComparison['measure'], value: number): Scenario => ({
    ...seed,
    stated: [{ indicatorCode: 'XNK', period: '2023-H1', measure, value }],
  });

  it('warns when "35,1% kế hoạch" is stated for XNK whose figures give 59,5%', () => {
    const finding = theFinding(stating('pctOfPlan', 35.1), 'stated-comparison', 'XNK');
    expect(finding.severity).toBe('warning');
    expect(finding.values['stated']).toBe(35.1);
    expect(finding.values['computed']).toBeCloseTo(59.5, 1);
    expect(finding.message).toBe(
      `Tỷ lệ ghi sẵn so với kế hoạch năm của "${nameOf('XNK')}" là 35,1%, nhưng số liệu cho 59,5%.`,
    );
  });

  it('warns when the change (98,9) is stated where the index against the same period (198,9) belongs', () => {
    expect(theFinding(stating('pctOfSamePeriod', 98.9), 'stated-comparison', 'XNK').message).toContain('198,9%');
    expect(codesFlagged(stating('pctYtdOfSamePeriod', 98.9), 'stated-comparison')).toEqual(['XNK']);
  });

  it('accepts the seed’s own 59,5% of plan and 198,9% of the same period', () => {
    expect(findingsOf(stating('pctOfPlan', 59.5), 'stated-comparison')).toEqual([]);
    expect(findingsOf(stating('pctOfSamePeriod', 198.9), 'stated-comparison')).toEqual([]);
    expect(findingsOf(stating('pctYtdOfSamePeriod', 198.9), 'stated-comparison')).toEqual([]);
  });
});

describe('behind-schedule: a flow whose cumulative share of the plan is below the elapsed share of the year', () => {
  it('informs that XNK reached 45,2% of a plan of 5.000 after 6 of 12 months', () => {
    const finding = theFinding(
      { period: '2023-H1', figures: { '2023-H1': { XNK: 2260 } }, plans: { XNK: 5000 } },
      'behind-schedule',
      'XNK',
    );
    expect(finding).toMatchObject({ severity: 'info', values: { ytd: 2260, plan: 5000 } });
    expect(finding.message).toBe(
      `"${nameOf('XNK')}" lũy kế đạt 45,2% kế hoạch năm, chậm so với tiến độ 50,0% (6/12 tháng).`,
    );
  });

  it('says nothing for the seed’s 59,5% of plan after six months', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-H1': { XNK: 2260 } }, plans: { XNK: 3798.3 } },
        'behind-schedule',
      ),
    ).toEqual([]);
  });
});

describe('estimate-not-replaced: an estimate still standing after its period closed', () => {
  it('informs on 5 July 2023 that the estimate for 6 tháng đầu năm 2023 was never replaced', () => {
    const finding = theFinding(
      { period: '2023-H1', estimates: { '2023-H1': { XNK: 2260 } }, today: new Date(2023, 6, 5) },
      'estimate-not-replaced',
      'XNK',
    );
    expect(finding.severity).toBe('info');
    expect(finding.message).toContain('6 tháng đầu năm 2023');
    expect(finding.message).toContain(nameOf('XNK'));
  });

  it('says nothing about an estimate while its period is still running, on 20 June 2023', () => {
    expect(
      findingsOf(
        { period: '2023-H1', estimates: { '2023-H1': { XNK: 2260 } }, today: new Date(2023, 5, 20) },
        'estimate-not-replaced',
      ),
    ).toEqual([]);
  });

  it('says nothing about an actual figure', () => {
    expect(
      findingsOf(
        { period: '2023-H1', figures: { '2023-H1': { XNK: 2260 } }, today: new Date(2023, 6, 5) },
        'estimate-not-replaced',
      ),
    ).toEqual([]);
  });
});

/** One case per built-in rule where it fires on one indicator, with the figures its message must quote. */
const firing: readonly {
  ruleId: string;
  code: string;
  severity: Severity;
  scenario: Scenario;
  quotes: readonly string[];
}[] = [
  {
    ruleId: 'required-missing',
    code: 'GTSXCN',
    severity: 'warning',
    scenario: { period: '2023-H1', figures: { '2022-H1': { GTSXCN: 5432.1 } } },
    quotes: ['5.432,1'],
  },
  {
    ruleId: 'negative-flow',
    code: 'GTSXCN',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-H1': { GTSXCN: -1234.5 } } },
    quotes: ['-1.234,5'],
  },
  {
    ruleId: 'parent-sum',
    code: 'XNK',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-H1': { XNK: 2260, XK: 1200, NK: 1000 } } },
    quotes: ['2.260,0', '2.200,0'],
  },
  {
    ruleId: 'ytd-decreasing',
    code: 'BLHH',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-L05': { BLHH: 15000 }, '2023-H1': { BLHH: 14659.9 } } },
    quotes: ['14.659,9', '15.000,0'],
  },
  {
    ruleId: 'ytd-below-month',
    code: 'BLHH',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-06': { BLHH: 1300 }, '2023-H1': { BLHH: 1200 } } },
    quotes: ['1.200,0', '1.300,0', 'Tháng 6/2023'],
  },
  {
    ruleId: 'ytd-vs-months',
    code: 'GTSXCN',
    severity: 'warning',
    scenario: {
      period: '2023-Q1',
      figures: {
        '2023-Q1': { GTSXCN: 1000 },
        '2023-01': { GTSXCN: 300 },
        '2023-02': { GTSXCN: 300 },
        '2023-03': { GTSXCN: 300 },
      },
    },
    quotes: ['1.000,0', '900,0'],
  },
  {
    ruleId: 'copied-group',
    code: 'BLHH',
    severity: 'warning',
    scenario: { period: '2023-H1', figures: { '2022-H1': seed2022H1, '2023-H1': { ...seed2022H1, BLHH: 14659.9 } } },
    quotes: ['4'],
  },
  {
    ruleId: 'same-period-band',
    code: 'XNK',
    severity: 'warning',
    scenario: { period: '2023-H1', figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: 2300 } } },
    quotes: ['202,4'],
  },
  {
    ruleId: 'outlier',
    code: 'GTSXCN',
    severity: 'warning',
    scenario: {
      period: '2023-01',
      figures: {
        ...Object.fromEntries(
          [90, 92, 94, 96, 98, 100, 100, 102, 104, 106, 108, 110].map((v, i) => [
            `2022-${String(i + 1).padStart(2, '0')}`,
            { GTSXCN: v },
          ]),
        ),
        '2023-01': { GTSXCN: 1500 },
      },
    },
    quotes: ['1.500,0'],
  },
  {
    ruleId: 'index-range',
    code: 'IIP',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-H1': { IIP: 1164 } } },
    quotes: ['1.164,00'],
  },
  {
    ruleId: 'ratio-range',
    code: 'CCHC_CATGIAM',
    severity: 'error',
    scenario: { period: '2023-H1', figures: { '2023-H1': { CCHC_CATGIAM: 313 } } },
    quotes: ['313,0'],
  },
  {
    ruleId: 'stated-comparison',
    code: 'XNK',
    severity: 'warning',
    scenario: {
      period: '2023-H1',
      figures: { '2023-H1': { XNK: 2260 } },
      plans: { XNK: 3798.3 },
      stated: [{ indicatorCode: 'XNK', period: '2023-H1', measure: 'pctOfPlan', value: 35.1 }],
    },
    quotes: ['35,1', '59,5'],
  },
  {
    ruleId: 'behind-schedule',
    code: 'XNK',
    severity: 'info',
    scenario: { period: '2023-H1', figures: { '2023-H1': { XNK: 1500.5 } }, plans: { XNK: 3798.3 } },
    quotes: ['39,5', '50,0'],
  },
  {
    ruleId: 'estimate-not-replaced',
    code: 'XNK',
    severity: 'info',
    scenario: { period: '2023-H1', estimates: { '2023-H1': { XNK: 2260 } }, today: new Date(2023, 6, 5) },
    quotes: ['6 tháng đầu năm 2023'],
  },
];

describe('every built-in rule', () => {
  it('has a firing case in this file', () => {
    expect(firing.map((c) => c.ruleId).sort()).toEqual(builtinRules.map((r) => r.id).sort());
  });

  for (const { ruleId, code, severity, scenario, quotes } of firing) {
    it(`${ruleId}: explains itself in Vietnamese with the figures in Vietnamese notation, at the severity of the rule`, () => {
      const finding = theFinding(scenario, ruleId, code);
      expect(finding.severity).toBe(severity);
      expect(builtinRules.find((r) => r.id === ruleId)?.severity).toBe(severity);
      expect(finding.period).toBe(scenario.period);
      for (const quote of quotes) expect(finding.message).toContain(quote);
      expect(finding.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(finding.message).not.toMatch(/\d\.\d{1,2}(?!\d)/);
    });

    it(`${ruleId}: keeps the same key when the figures are checked again`, () => {
      const first = theFinding(scenario, ruleId, code);
      const again = theFinding(scenario, ruleId, code);
      expect(again.key).toBe(first.key);
      expect(first.key).toMatch(new RegExp(`^${ruleId}(:[a-zA-Z]+)?\\|${code}\\|${scenario.period}$`));
    });

    it(`${ruleId}: is silenced for ${code} when the rule is turned off for ${code}`, () => {
      expect(theFinding(scenario, ruleId, code).ruleId).toBe(ruleId);
      const disabled: Scenario = { ...scenario, settings: { [code]: { disabledRules: [ruleId] } } };
      expect(findingsOf(disabled, ruleId).filter((f) => f.indicatorCode === code)).toEqual([]);
    });
  }

  it('keeps the key of a finding when its figure is corrected but still wrong, so a note stays with it', () => {
    const first = theFinding({ period: '2023-H1', figures: { '2023-H1': { IIP: 1164 } } }, 'index-range', 'IIP');
    const corrected = theFinding({ period: '2023-H1', figures: { '2023-H1': { IIP: 1057.9 } } }, 'index-range', 'IIP');
    expect(corrected.key).toBe(first.key);
  });

  it('turns a rule off for one indicator only', () => {
    const s: Scenario = {
      period: '2023-H1',
      figures: { '2023-H1': { IIP: 1164, IIP_C: 1057.9 } },
      settings: { IIP: { disabledRules: ['index-range'] } },
    };
    expect(codesFlagged(s, 'index-range')).toEqual(['IIP_C']);
  });
});

function rule(fields: Partial<UserRule>): UserRule {
  return {
    id: 'tong-xnk',
    name: 'Tổng XNK',
    left: 'XK + NK',
    operator: 'eq',
    right: 'XNK',
    missing: 'skip_if_any_missing',
    severity: 'error',
    message: '',
    enabled: true,
    ...fields,
  };
}

function userFindings(figures: Readonly<Record<string, number>>, ...rules: UserRule[]): Finding[] {
  return validate({ period: '2023-H1', figures: { '2023-H1': figures }, userRules: rules }).filter((f) =>
    f.ruleId.startsWith('user:'),
  );
}

function violated(figures: Readonly<Record<string, number>>, fields: Partial<UserRule>): boolean {
  return userFindings(figures, rule(fields)).length > 0;
}

describe('a rule of the department’s own', () => {
  it('reports "XK + NK = XNK" broken, on XK, at the rule’s severity, with both sides in Vietnamese notation', () => {
    const [finding, ...more] = userFindings({ XNK: 2260, XK: 1200, NK: 1059.9 }, rule({}));
    expect(more).toEqual([]);
    expect(finding).toEqual({
      key: 'user:tong-xnk|XK|2023-H1',
      ruleId: 'user:tong-xnk',
      indicatorCode: 'XK',
      period: '2023-H1',
      severity: 'error',
      message: 'Tổng XNK: XK + NK (2.259,9) khác XNK (2.260,0), trái với quy tắc XK + NK = XNK.',
      values: { left: 2259.9, right: 2260 },
    });
  });

  it('passes "XK + NK = XNK" when the figures agree', () => {
    expect(userFindings({ XNK: 2260, XK: 1200, NK: 1060 }, rule({}))).toEqual([]);
  });

  it('takes equality within rounding at the decimals of the figures it names', () => {
    expect(violated({ XNK: 2260, XK: 1200.02, NK: 1060.02 }, {})).toBe(false);
    expect(violated({ XNK: 2260, XK: 1200.03, NK: 1060.03 }, {})).toBe(true);
    expect(
      violated({ XK: 300, XK_DIEU_GT: 200.002, XK_KHAC_GT: 100.002 }, { left: 'XK_DIEU_GT + XK_KHAC_GT', right: 'XK' }),
    ).toBe(false);
    expect(
      violated({ XK: 300, XK_DIEU_GT: 200.02, XK_KHAC_GT: 100.02 }, { left: 'XK_DIEU_GT + XK_KHAC_GT', right: 'XK' }),
    ).toBe(true);
  });

  const figures = { XK: 1200, NK: 1060 };
  const equal = { XK: 1200, NK: 1200 };
  for (const [operator, holds, breaks] of [
    ['ne', [figures, 'XK', 'NK'], [equal, 'XK', 'NK']],
    ['lt', [figures, 'NK', 'XK'], [equal, 'NK', 'XK']],
    ['le', [equal, 'NK', 'XK'], [figures, 'XK', 'NK']],
    ['gt', [figures, 'XK', 'NK'], [equal, 'XK', 'NK']],
    ['ge', [equal, 'XK', 'NK'], [figures, 'NK', 'XK']],
    ['eq', [equal, 'XK', 'NK'], [figures, 'XK', 'NK']],
  ] as const) {
    it(`with ${operator}: holds for ${holds[1]} ${operator} ${holds[2]} at ${JSON.stringify(holds[0])}, breaks for ${breaks[1]} ${operator} ${breaks[2]} at ${JSON.stringify(breaks[0])}`, () => {
      expect(violated(holds[0], { operator, left: holds[1], right: holds[2] })).toBe(false);
      expect(violated(breaks[0], { operator, left: breaks[1], right: breaks[2] })).toBe(true);
    });
  }

  it('with a compulsory pair: XK and NK both given or both missing pass, one without the other fails', () => {
    const pair = { operator: 'compulsory_pair', left: 'XK', right: 'NK' } as const;
    expect(violated({ XK: 1200, NK: 1060 }, pair)).toBe(false);
    expect(violated({ GTSXCN: 5 }, pair)).toBe(false);
    expect(violated({ XK: 1200 }, pair)).toBe(true);
    expect(violated({ NK: 1060 }, pair)).toBe(true);
  });

  it('with an exclusive pair: XK and NK both given fails, one or none passes', () => {
    const pair = { operator: 'exclusive_pair', left: 'XK', right: 'NK' } as const;
    expect(violated({ XK: 1200, NK: 1060 }, pair)).toBe(true);
    expect(violated({ XK: 1200 }, pair)).toBe(false);
    expect(violated({ GTSXCN: 5 }, pair)).toBe(false);
  });

  it('compares with the same period last year through @cungky', () => {
    const growing = rule({ left: 'XNK', operator: 'ge', right: 'XNK@cungky' });
    const check = (now: number) =>
      validate({
        period: '2023-H1',
        figures: { '2022-H1': { XNK: 1136.2 }, '2023-H1': { XNK: now } },
        userRules: [growing],
      }).filter((f) => f.ruleId === 'user:tong-xnk');
    expect(check(2260)).toEqual([]);
    expect(check(1000)).toHaveLength(1);
  });

  it('skips when any figure is missing, if told to skip_if_any_missing', () => {
    expect(violated({ XNK: 2260, XK: 1200 }, { missing: 'skip_if_any_missing' })).toBe(false);
  });

  it('counts a missing figure as 0 when only some are missing, if told to skip_if_all_missing', () => {
    expect(violated({ XNK: 2260, XK: 1200 }, { missing: 'skip_if_all_missing' })).toBe(true);
    expect(violated({ XNK: 1200, XK: 1200 }, { missing: 'skip_if_all_missing' })).toBe(false);
  });

  it('skips when every figure is missing, if told to skip_if_all_missing, but checks with zeros if told never_skip', () => {
    const positive = { left: 'XK', operator: 'gt', right: 'NK' } as const;
    expect(violated({ GTSXCN: 5 }, { ...positive, missing: 'skip_if_all_missing' })).toBe(false);
    expect(violated({ GTSXCN: 5 }, { ...positive, missing: 'never_skip' })).toBe(true);
    expect(violated({ XNK: 2260, XK: 1200 }, { missing: 'never_skip' })).toBe(true);
  });

  it('shows the sides as compared, a missing figure counted as 0, when the rule counts missing figures as 0', () => {
    const [finding] = userFindings({ XNK: 2260, XK: 1200 }, rule({ missing: 'never_skip' }));
    expect(finding?.values).toEqual({ left: 1200, right: 2260 });
    expect(finding?.message).toContain('XK + NK (1.200,0)');
  });

  it('reports at the severity the department chose', () => {
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(userFindings({ XNK: 2260, XK: 1200, NK: 1000 }, rule({ severity })).map((f) => f.severity)).toEqual([
        severity,
      ]);
    }
  });

  it('uses the department’s own message when it has one', () => {
    const message = 'Tổng kim ngạch XNK phải bằng xuất khẩu cộng nhập khẩu.';
    expect(userFindings({ XNK: 2260, XK: 1200, NK: 1000 }, rule({ message })).map((f) => f.message)).toEqual([message]);
  });

  it('ignores a rule that is turned off', () => {
    expect(userFindings({ XNK: 2260, XK: 1200, NK: 1000 }, rule({ enabled: false }))).toEqual([]);
  });

  it('passes over a rule naming a code no longer in the catalog instead of failing the whole check', () => {
    const findings = validate({
      period: '2023-H1',
      figures: { '2023-H1': { XNK: 2260, XK: 1200, NK: 1000 } },
      userRules: [rule({ id: 'cu', right: 'TMBG_CU' }), rule({})],
    });
    expect(findings.filter((f) => f.ruleId.startsWith('user:')).map((f) => f.ruleId)).toEqual(['user:tong-xnk']);
  });
});

describe('a broken rule is said as the figures stand, not as the rule reads', () => {
  it('says the sides differ when they should be equal, and names the rule', () => {
    expect(brokenRuleVi({ left: 'XK + NK', operator: 'eq', right: 'XNK' }, '2.200,0', '2.260,0')).toBe(
      'XK + NK (2.200,0) khác XNK (2.260,0), trái với quy tắc XK + NK = XNK',
    );
    expect(brokenRuleVi({ left: 'XK', operator: 'le', right: 'XNK' }, '2.300,0', '2.260,0')).toBe(
      'XK (2.300,0) lớn hơn XNK (2.260,0), trái với quy tắc XK ≤ XNK',
    );
  });

  it('says what a pair of figures owes each other', () => {
    expect(brokenRuleVi({ left: 'XK', operator: 'exclusive_pair', right: 'NK' }, '1,0', '2,0')).toBe(
      'XK (1,0) và NK (2,0) không được cùng có số liệu',
    );
  });
});
