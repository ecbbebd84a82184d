import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

const requiredKeys = [
  'code',
  'value',
  'status',
  'plan',
  'samePeriod',
  'previous',
  'ytd',
  'ytdSamePeriod',
  'pctOfPlan',
  'pctOfSamePeriod',
  'pctYtdOfSamePeriod',
] as const;

type ValuesRow = Record<(typeof requiredKeys)[number], unknown> & Record<string, unknown>;

function valuesGet(dataDir: string, period: string, ...more: string[]): ValuesRow[] {
  const parsed: unknown = JSON.parse(chitieuOk(dataDir, 'values', 'get', '--period', period, '--json', ...more));
  if (!Array.isArray(parsed)) throw new Error('values get --json should print an array');
  return parsed as ValuesRow[];
}

function rowOf(rows: readonly ValuesRow[], code: string): ValuesRow {
  const row = rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

function enteredValues(rows: readonly ValuesRow[]): ValuesRow[] {
  return rows.filter((r) => r.value !== null);
}

function currentMonthKey(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function enterSeedFigures(dir: string): void {
  chitieuOk(dir, 'plan', 'set', '--year', '2023', 'XNK=3.798,3', 'BLHH=26.899');
  chitieuOk(dir, 'values', 'set', '--period', '2022-H1', 'XNK=1.136,2', 'BLHH=12.026,2');
  chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'XNK=2.260', 'BLHH=14.659,9');
}

describe('chitieu values and plan on the command line', () => {
  it('gives XNK 59,5% of plan and 198,9% of the same period, and BLHH 54,5% and 121,9%, for the seed figures', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);

    const rows = valuesGet(dir, '2023-H1');

    expect(rowOf(rows, 'XNK')).toMatchObject({
      value: 2260,
      plan: 3798.3,
      samePeriod: 1136.2,
      ytd: 2260,
      pctOfPlan: 59.5,
      pctOfSamePeriod: 198.9,
    });
    expect(rowOf(rows, 'BLHH')).toMatchObject({
      value: 14659.9,
      plan: 26899,
      samePeriod: 12026.2,
      ytd: 14659.9,
      pctOfPlan: 54.5,
      pctOfSamePeriod: 121.9,
    });
    expect(rows.map((r) => r.code)).toContain('IIP');
    for (const row of rows) {
      for (const key of requiredKeys) {
        expect(row).toHaveProperty(key);
        if (key !== 'code' && key !== 'status') expect(row[key] === null || typeof row[key] === 'number').toBe(true);
      }
    }
  });

  it('says in plain words how many figures it wrote', () => {
    const dir = makeDataDir();
    expect(chitieuOk(dir, 'plan', 'set', '--year', '2023', 'XNK=3.798,3', 'BLHH=26.899')).toBe(
      'Đã ghi 2 số kế hoạch năm 2023.\n',
    );
    expect(chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'XNK=2.260', 'BLHH=14.659,9')).toBe(
      'Đã ghi 2 số liệu kỳ 2023-H1.\n',
    );
  });

  it('prints the figures for people in Vietnamese notation with the comparisons in percent', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);

    const out = chitieuOk(dir, 'values', 'get', '--period', '2023-H1');

    expect(out).toContain('6 tháng đầu năm 2023');
    expect(out).toMatch(/^BLHH: 14\.659,9 tỷ đồng, so KH 54,5%, so cùng kỳ 121,9%$/m);
    expect(out).toMatch(/^XNK: 2\.260,0 triệu USD, so KH 59,5%, so cùng kỳ 198,9%$/m);
  });

  it('reads plain notation as well, and "2.260" as two thousand two hundred sixty', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'XNK=2260.5', 'BLHH=2.260', 'GTSXCN=5,3');
    const rows = valuesGet(dir, '2023-H1');
    expect(rowOf(rows, 'XNK').value).toBe(2260.5);
    expect(rowOf(rows, 'BLHH').value).toBe(2260);
    expect(rowOf(rows, 'GTSXCN').value).toBe(5.3);
  });

  it('stores 14.659,9 and 56.537,447 tấn as typed into Xi măng, kept with 0 decimals, and prints them so', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'values', 'set', '--period', '2023-06', 'SPCN_XIMANG=14.659,9');
    chitieuOk(dir, 'values', 'set', '--period', '2023-07', 'SPCN_XIMANG=56.537,447', 'SPCN_DUONG=2.260');
    expect(rowOf(valuesGet(dir, '2023-06'), 'SPCN_XIMANG').value).toBe(14659.9);
    expect(rowOf(valuesGet(dir, '2023-07'), 'SPCN_XIMANG').value).toBe(56537.447);
    expect(chitieuOk(dir, 'values', 'get', '--period', '2023-06')).toMatch(/^SPCN_XIMANG: 14\.659,9 tấn/m);
    const july = chitieuOk(dir, 'values', 'get', '--period', '2023-07');
    expect(july).toMatch(/^SPCN_XIMANG: 56\.537,447 tấn/m);
    expect(july).toMatch(/^SPCN_DUONG: 2\.260 tấn/m);
  });

  it('refuses a negative plan with the words the import uses, exit 2', () => {
    const dir = makeDataDir();
    const result = chitieu(dir, 'plan', 'set', '--year', '2023', 'XNK=3.798,3', 'SPCN_XIMANG=-5');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'SPCN_XIMANG: "Xi măng Portland đen" kế hoạch giao năm 2023 là số âm (-5): số liệu cộng dồn được không thể âm.',
    );
    expect(valuesGet(dir, '2023-H1').filter((r) => r.plan !== null)).toEqual([]);
  });

  for (const [what, words, message] of [
    ['an unknown code', ['XNK=2.260', 'KHONGCO=5'], 'Không có chỉ tiêu mã KHONGCO trong danh mục.'],
    ['an unreadable number', ['XNK=2.260', 'BLHH=56..537,447'], 'BLHH: "56..537,447" không đọc được thành số'],
    [
      'a number with its unit',
      ['XNK=2.260', 'GTSXCN=8.290 tỷ đồng'],
      'GTSXCN: "8.290 tỷ đồng" không đọc được thành số',
    ],
    ['a word that is not CODE=NUMBER', ['XNK=2.260', 'BLHH'], '"BLHH" không có dạng MÃ=SỐ'],
    ['the same code twice', ['XNK=2.260', 'xnk=2.261'], 'Chỉ tiêu XNK xuất hiện hai lần trong cùng một lần ghi.'],
    [
      '−5 tấn of a flow',
      ['XNK=2.260', 'SPCN_XIMANG=-5'],
      'SPCN_XIMANG: "Xi măng Portland đen" 6 tháng đầu năm 2023 là số âm (-5): số liệu cộng dồn được không thể âm.',
    ],
    ['an index outside 20–500', ['XNK=2.260', 'IIP=1.164'], 'ngoài khoảng hợp lý 20–500'],
    ['a ratio above 100%', ['XNK=2.260', 'CCHC_CATGIAM=313'], 'bằng 313,0%, ngoài khoảng 0–100%.'],
  ] as const) {
    it(`refuses the whole command for ${what}, exit 2 and a Vietnamese message, writing not even the good figures`, () => {
      const dir = makeDataDir();
      const result = chitieu(dir, 'values', 'set', '--period', '2023-H1', ...words);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Lỗi:');
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
      expect(enteredValues(valuesGet(dir, '2023-H1'))).toEqual([]);
    });
  }

  it('refuses a plan with an unknown code and writes none of its figures', () => {
    const dir = makeDataDir();
    const result = chitieu(dir, 'plan', 'set', '--year', '2023', 'XNK=3.798,3', 'KHONGCO=1');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Không có chỉ tiêu mã KHONGCO trong danh mục.');
    expect(valuesGet(dir, '2023-H1').filter((r) => r.plan !== null)).toEqual([]);
  });

  it('stores the status given with --status', () => {
    const dir = makeDataDir();
    const thisMonth = currentMonthKey();
    chitieuOk(dir, 'values', 'set', '--period', thisMonth, '--status', 'actual', 'XNK=401,7');
    chitieuOk(dir, 'values', 'set', '--period', thisMonth, 'BLHH=2.410,1');
    chitieuOk(dir, 'values', 'set', '--period', '2023-06', '--status', 'estimate', 'XNK=395,2');
    const rows = valuesGet(dir, thisMonth);
    expect(rowOf(rows, 'XNK')).toMatchObject({ value: 401.7, status: 'actual' });
    expect(rowOf(rows, 'BLHH')).toMatchObject({ value: 2410.1, status: 'estimate' });
    expect(rowOf(valuesGet(dir, '2023-06'), 'XNK')).toMatchObject({ value: 395.2, status: 'estimate' });
  });

  it('refuses a status other than estimate or actual', () => {
    const dir = makeDataDir();
    const result = chitieu(dir, 'values', 'set', '--period', '2023-06', '--status', 'uoc', 'XNK=1');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--status phải là estimate (ước tính) hoặc actual (thực hiện)');
    expect(enteredValues(valuesGet(dir, '2023-06'))).toEqual([]);
  });

  it('refuses an unknown --unit with exit 2, for writing and for reading', () => {
    const dir = makeDataDir();
    const set = chitieu(dir, 'values', 'set', '--period', '2023-06', '--unit', 'KHONGCO', 'XNK=1');
    const get = chitieu(dir, 'values', 'get', '--period', '2023-06', '--unit', 'KHONGCO', '--json');
    for (const result of [set, get]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Không có đơn vị báo cáo mã KHONGCO.');
    }
    expect(enteredValues(valuesGet(dir, '2023-06'))).toEqual([]);
  });

  it('files figures under the unit named by --unit, apart from the province', async () => {
    const dir = makeDataDir();
    const backend = createBackend({ dataDir: dir });
    try {
      const created = await backend.call('units.create', { code: '25123', name: 'Phường Tân Ninh', kind: 'commune' });
      expect(created.ok).toBe(true);
    } finally {
      backend.close();
    }
    chitieuOk(dir, 'values', 'set', '--period', '2023-06', '--unit', '25123', 'BLHH=120,5');
    chitieuOk(dir, 'plan', 'set', '--year', '2023', '--unit', '25123', 'BLHH=1.500');
    expect(rowOf(valuesGet(dir, '2023-06', '--unit', '25123'), 'BLHH')).toMatchObject({ value: 120.5, plan: 1500 });
    expect(rowOf(valuesGet(dir, '2023-06'), 'BLHH')).toMatchObject({ value: null, plan: null });
    expect(rowOf(valuesGet(dir, '2023-06', '--unit', 'TINH'), 'BLHH')).toMatchObject({ value: null, plan: null });
  });

  it('refuses values without --period, or with a period it cannot read, with exit 2', () => {
    const dir = makeDataDir();
    const missingSet = chitieu(dir, 'values', 'set', 'XNK=1');
    const missingGet = chitieu(dir, 'values', 'get', '--json');
    const badPeriod = chitieu(dir, 'values', 'set', '--period', '2023-13', 'XNK=1');
    for (const result of [missingSet, missingGet]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Thiếu --period');
    }
    expect(badPeriod.status).toBe(2);
    expect(badPeriod.stderr).toContain('Kỳ báo cáo không hợp lệ');
  });

  it('writes the stretch target with --level phan-dau, beside the assigned plan', () => {
    const dir = makeDataDir();
    chitieuOk(dir, 'plan', 'set', '--year', '2023', 'BLHH=26.899');
    chitieuOk(dir, 'plan', 'set', '--year', '2023', '--level', 'phan-dau', 'BLHH=28.000');
    chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'BLHH=14.659,9');
    expect(rowOf(valuesGet(dir, '2023-H1'), 'BLHH')).toMatchObject({
      plan: 26899,
      planStretch: 28000,
      pctOfPlan: 54.5,
      pctOfPlanStretch: 52.4,
    });
  });

  it('refuses a plan without --year or with an unknown --level, with exit 2', () => {
    const dir = makeDataDir();
    const noYear = chitieu(dir, 'plan', 'set', 'BLHH=26.899');
    const badLevel = chitieu(dir, 'plan', 'set', '--year', '2023', '--level', 'cao', 'BLHH=26.899');
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('Thiếu hoặc sai --year');
    expect(badLevel.status).toBe(2);
    expect(badLevel.stderr).toContain('--level phải là giao hoặc phan-dau');
    expect(valuesGet(dir, '2023-H1').filter((r) => r.plan !== null || r.planStretch !== null)).toEqual([]);
  });
});
