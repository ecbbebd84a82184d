import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBackend } from '../../electron/backend/backend';
import { validationReportSchema } from '../../shared/api/validation-entities';
import { chitieu, chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { createApiClient } from '../../shared/api/client';
import {
  plantedFaults,
  plantedRangeFaults,
  plantOutOfRange,
  seedPlan2023,
  seedWithParts,
  type FigureEntry,
  type PeriodFigures,
} from '../support/validation-figures';

/** What `chitieu validate --json` prints, as a script reading it relies on. */
const printedFindings = z.array(
  z
    .object({
      ruleId: z.string().min(1),
      indicatorCode: z.string().min(1),
      period: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string().min(1),
      values: z.record(z.string(), z.number().nullable()),
      open: z.boolean(),
      note: z
        .object({ kind: z.enum(['comment', 'override']), text: z.string(), who: z.string(), at: z.string() })
        .nullable(),
    })
    .strict(),
);
type PrintedFinding = z.infer<typeof printedFindings>[number];

function validateJson(dataDir: string, ...more: string[]): { status: number | null; findings: PrintedFinding[] } {
  const result = chitieu(dataDir, 'validate', '--period', '2023-H1', '--json', ...more);
  expect(result.stderr).toBe('');
  return { status: result.status, findings: printedFindings.parse(JSON.parse(result.stdout)) };
}

/** Vietnamese digit grouping, as a clerk types a figure at the command line: 9.000 and 26,2. */
const typedNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });

/** `CODE=figure` words for `chitieu values set` and `plan set`. */
function typedWords(entries: readonly FigureEntry[]): string[] {
  return entries.map(({ code, value }) => `${code}=${typeof value === 'number' ? typedNumber.format(value) : value}`);
}

function enterPeriods(dir: string, periods: readonly PeriodFigures[], unit: readonly string[]): void {
  for (const { period, entries } of periods)
    chitieuOk(dir, 'values', 'set', '--period', period, ...unit, ...typedWords(entries));
}

function enterSeedFigures(dir: string, ...unit: string[]): void {
  chitieuOk(dir, 'plan', 'set', '--year', '2023', ...unit, ...typedWords(seedPlan2023));
  enterPeriods(dir, seedWithParts, unit);
}

/** The faults the command line can write, and those it refuses, stored as an older catalog let them in. */
async function plantFaults(dir: string, ...unit: string[]): Promise<void> {
  enterPeriods(dir, plantedFaults, unit);
  const backend = createBackend({ dataDir: dir });
  try {
    const api = createApiClient((operation, input) => backend.call(operation, input));
    const unitId =
      unit.length === 0 ? undefined : (await api.call('units.list', {})).find((u) => u.code === unit[1])?.id;
    await plantOutOfRange(api, plantedRangeFaults, unitId);
  } finally {
    backend.close();
  }
}

function summary(findings: readonly Pick<PrintedFinding, 'severity' | 'ruleId' | 'indicatorCode'>[]): string[] {
  return findings.map((f) => `${f.severity} ${f.ruleId} ${f.indicatorCode}`).sort();
}

function findingOf(findings: readonly PrintedFinding[], ruleId: string, code: string): PrintedFinding {
  const found = findings.filter((f) => f.ruleId === ruleId && f.indicatorCode === code);
  expect(found, `${ruleId} on ${code}`).toHaveLength(1);
  const [finding] = found;
  if (!finding) throw new Error('unreachable');
  return finding;
}

const faultSummary = [
  'error index-range IIP',
  'error parent-sum BLHH',
  'error parent-sum XNK',
  'error ratio-range CCHC_CATGIAM',
  'error ytd-decreasing BLHH',
  'warning copied-group BLHH',
];

describe('chitieu validate', () => {
  it('prints no finding for the seed figures and exits 0', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);

    const { status, findings } = validateJson(dir);

    expect(findings).toEqual([]);
    expect(status).toBe(0);
  });

  it('reports each planted fault with its rule, indicator, severity, Vietnamese message and figures, and exits 1', async () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    await plantFaults(dir);

    const { status, findings } = validateJson(dir);

    expect(status).toBe(1);
    expect(summary(findings)).toEqual(faultSummary);
    for (const f of findings) {
      expect(f.period).toBe('2023-H1');
      expect(f.open).toBe(true);
      expect(f.note).toBe(null);
      expect(f.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(Object.keys(f.values).length).toBeGreaterThan(0);
    }
    expect(findingOf(findings, 'parent-sum', 'XNK')).toMatchObject({ values: { value: 2260, sumOfChildren: 2200 } });
    expect(findingOf(findings, 'parent-sum', 'XNK').message).toContain(
      '(2.260,0) khác tổng các chỉ tiêu con XK + NK (2.200,0)',
    );
    expect(findingOf(findings, 'ytd-decreasing', 'BLHH')).toMatchObject({
      values: { ytd: 14659.9, previousYtd: 15000 },
    });
    expect(findingOf(findings, 'ytd-decreasing', 'BLHH').message).toContain('15.000,0');
    expect(findingOf(findings, 'index-range', 'IIP')).toMatchObject({ values: { value: 1164 } });
    expect(findingOf(findings, 'index-range', 'IIP').message).toContain('1.164,00');
    expect(findingOf(findings, 'ratio-range', 'CCHC_CATGIAM')).toMatchObject({ values: { value: 313 } });
    expect(findingOf(findings, 'ratio-range', 'CCHC_CATGIAM').message).toContain('313,0%');
    expect(findingOf(findings, 'copied-group', 'BLHH')).toMatchObject({ values: { identical: 4 } });
  });

  it('exits 0 with warnings but no error', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    // Travel agencies doubled and more (229%), the total still adds up.
    chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'BLHH_DL=60', 'BLHH_DVK=1.399,9');

    const { status, findings } = validateJson(dir);

    expect(summary(findings)).toEqual(['warning same-period-band BLHH_DL']);
    expect(findingOf(findings, 'same-period-band', 'BLHH_DL').message).toContain('229,0%');
    expect(status).toBe(0);
  });

  it('exits 0 once every error has been overridden with a reason, and prints the reason', async () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'NK=1.000');
    expect(validateJson(dir).status).toBe(1);

    const backend = createBackend({ dataDir: dir });
    try {
      const noted = await backend.call('validation.note', {
        period: '2023-H1',
        key: 'parent-sum|XNK|2023-H1',
        kind: 'override',
        text: 'Tổng XNK theo Cục Hải quan',
      });
      expect(noted.ok).toBe(true);
    } finally {
      backend.close();
    }

    const { status, findings } = validateJson(dir);
    expect(findingOf(findings, 'parent-sum', 'XNK')).toMatchObject({
      open: false,
      note: { kind: 'override', text: 'Tổng XNK theo Cục Hải quan' },
    });
    expect(status).toBe(0);
    const human = chitieu(dir, 'validate', '--period', '2023-H1');
    expect(human.stdout).toContain('[đã bỏ qua: Tổng XNK theo Cục Hải quan]');
    expect(human.status).toBe(0);
  });

  it('names the severities in Vietnamese for people: Lỗi and Cảnh báo, with the counts', async () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    await plantFaults(dir);

    const result = chitieu(dir, 'validate', '--period', '2023-H1');

    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Kiểm tra 6 tháng đầu năm 2023: 5 lỗi, 1 cảnh báo, 0 thông tin.');
    expect(result.stdout).toMatch(/^Lỗi XNK \(parent-sum\): .*2\.260,0.*2\.200,0/m);
    expect(result.stdout).toMatch(/^Lỗi IIP \(index-range\): .*1\.164,00/m);
    expect(result.stdout).toMatch(/^Cảnh báo BLHH \(copied-group\): /m);
    expect(result.stdout).not.toMatch(/\b(error|warning)\b/);
  });

  it('lets the open app see at once a figure corrected on the command line', async () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    await plantFaults(dir);
    // The backend the desktop app or `chitieu serve` keeps open on the same data directory.
    const app = createBackend({ dataDir: dir });
    try {
      const checked = async (): Promise<string[]> => {
        const response = await app.call('validation.run', { period: '2023-H1' });
        if (!response.ok) throw new Error(response.error.message);
        return summary(validationReportSchema.parse(response.result).findings);
      };
      expect(await checked()).toEqual(faultSummary);

      chitieuOk(dir, 'values', 'set', '--period', '2023-H1', 'NK=1.060', 'IIP=105,79');

      expect(await checked()).toEqual(
        faultSummary.filter((s) => s !== 'error parent-sum XNK' && s !== 'error index-range IIP'),
      );
    } finally {
      app.close();
    }
  });

  it('accepts the period in any spelling', async () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    await plantFaults(dir);

    const result = chitieu(dir, 'validate', '--period', '2023-l06', '--json');

    expect(result.status).toBe(1);
    expect(summary(printedFindings.parse(JSON.parse(result.stdout)))).toEqual(faultSummary);
  });

  it('checks the unit named by --unit, apart from the province', async () => {
    const dir = makeDataDir();
    const backend = createBackend({ dataDir: dir });
    try {
      expect((await backend.call('units.create', { code: '25123', name: 'Phường Tân Ninh', kind: 'commune' })).ok).toBe(
        true,
      );
    } finally {
      backend.close();
    }
    enterSeedFigures(dir, '--unit', '25123');
    await plantFaults(dir, '--unit', '25123');

    const commune = validateJson(dir, '--unit', '25123');
    expect(commune.status).toBe(1);
    expect(summary(commune.findings)).toEqual(faultSummary);

    const province = validateJson(dir);
    expect(province.status).toBe(0);
    expect(province.findings).toEqual([]);
  });

  for (const [what, args, message] of [
    ['a period it cannot read', ['--period', '2023-13'], "Kỳ báo cáo không hợp lệ: '2023-13'"],
    ['no period', [], 'Thiếu --period'],
    ['an unknown unit', ['--period', '2023-H1', '--unit', 'KHONGCO'], 'Không có đơn vị báo cáo mã KHONGCO.'],
  ] as const) {
    it(`refuses ${what} with exit 2 and a Vietnamese message`, () => {
      const dir = makeDataDir();
      const result = chitieu(dir, 'validate', ...args, '--json');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Lỗi:');
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    });
  }
});
