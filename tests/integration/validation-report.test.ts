import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { ReportedFinding, ValidationReport } from '../../shared/api/validation-entities';
import type { UserRule } from '../../shared/validation/user-rule';
import { refusalOf, startBackend, type RunningBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedWithParts, plantFaults, plantOutOfRange } from '../support/validation-figures';

const clerk = 'Nguyễn Thị Lan';

async function startWithClerk(dataDir: string = makeDataDir()): Promise<RunningBackend> {
  const running = startBackend(dataDir);
  await running.api.call('settings.set', { clerkName: clerk });
  return running;
}

async function run(api: ApiClient): Promise<ValidationReport> {
  return api.call('validation.run', { period: '2023-H1' });
}

function summary(report: ValidationReport): string[] {
  return report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.indicatorCode}`).sort();
}

function findingOf(report: ValidationReport, ruleId: string, code: string): ReportedFinding {
  const found = report.findings.filter((f) => f.ruleId === ruleId && f.indicatorCode === code);
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

const xnkRule = {
  name: 'Tổng XNK bằng XK cộng NK',
  left: 'XK + NK',
  operator: 'eq',
  right: 'XNK',
  missing: 'skip_if_any_missing',
  severity: 'error',
  message: '',
  enabled: true,
} as const;

const growthRule = {
  name: 'Xuất khẩu không giảm so với cùng kỳ',
  left: 'XK',
  operator: 'ge',
  right: 'XK@cungky',
  missing: 'skip_if_all_missing',
  severity: 'warning',
  message: 'Xuất khẩu giảm so với cùng kỳ năm trước, hãy kiểm tra lại.',
  enabled: true,
} as const;

describe('Kiểm tra on the seed figures', () => {
  it('finds no error, no warning and nothing to note in the seed figures as published', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);

    const report = await run(api);

    expect(report).toMatchObject({ period: '2023-H1', periodLabel: '6 tháng đầu năm 2023', findings: [] });
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0, open: 0, openErrors: 0 });
  });

  it('reports every planted fault on its indicator, with the rule and the severity that fit it', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await plantFaults(api);

    const report = await run(api);

    expect(summary(report)).toEqual(faultSummary);
    expect(findingOf(report, 'parent-sum', 'XNK')).toMatchObject({
      values: { value: 2260, sumOfChildren: 2200 },
      open: true,
      note: null,
    });
    expect(findingOf(report, 'parent-sum', 'XNK').message).toContain('XK + NK (2.200,0)');
    expect(findingOf(report, 'ytd-decreasing', 'BLHH')).toMatchObject({ values: { ytd: 14659.9, previousYtd: 15000 } });
    expect(findingOf(report, 'ytd-decreasing', 'BLHH').message).toContain(
      '(14.659,9) thấp hơn 5 tháng năm 2023 (15.000,0)',
    );
    expect(findingOf(report, 'index-range', 'IIP')).toMatchObject({ values: { value: 1164 } });
    expect(findingOf(report, 'index-range', 'IIP').message).toContain('1.164,00');
    expect(findingOf(report, 'ratio-range', 'CCHC_CATGIAM').message).toContain('313,0%');
    expect(findingOf(report, 'copied-group', 'BLHH')).toMatchObject({ values: { identical: 4 } });
    expect(findingOf(report, 'copied-group', 'BLHH').message).toContain('giống hệt cùng kỳ năm trước');
  });

  it('counts the findings by severity, and the open ones', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await plantFaults(api);

    expect((await run(api)).counts).toEqual({ error: 5, warning: 1, info: 0, open: 6, openErrors: 5 });
  });

  it('reports six months of retail sales below their own June, and a six months apart from its six stored months', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    // Six months of BLHH as the statistics office sent them: 15.660 in all, against the 14.659,9 typed for the six months.
    for (const [month, value] of [2400, 2500, 2600, 2700, 2730, 2730].entries()) {
      await api.call('values.set', { period: `2023-0${month + 1}`, entries: [{ code: 'BLHH', value }] });
    }
    const sumReport = await run(api);
    expect(findingOf(sumReport, 'ytd-vs-months', 'BLHH')).toMatchObject({
      severity: 'warning',
      values: { value: 14659.9, sumOfMonths: 15660 },
    });
    expect(findingOf(sumReport, 'ytd-vs-months', 'BLHH').message).toContain(
      '(14.659,9) khác tổng 6 tháng đã nhập, Tháng 1/2023 đến Tháng 6/2023 (15.660,0)',
    );

    await api.call('values.set', { period: '2023-06', entries: [{ code: 'BLHH', value: 15000 }] });
    const report = await run(api);
    expect(findingOf(report, 'ytd-below-month', 'BLHH')).toMatchObject({
      severity: 'error',
      open: true,
      values: { ytd: 14659.9, month: 15000 },
    });
    expect(findingOf(report, 'ytd-below-month', 'BLHH').message).toContain(
      '6 tháng đầu năm 2023 (14.659,9) nhỏ hơn Tháng 6/2023 (15.000,0)',
    );
    // The grid of June shows the error on the row too.
    const june = await api.call('values.grid', { period: '2023-06' });
    expect(june.rows.find((r) => r.code === 'BLHH')?.findings.map((f) => f.ruleId)).toContain('ytd-below-month');
  });

  it('informs about an estimate never replaced after its period closed, without counting it as open', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'XNK', status: 'estimate' }] });

    const report = await run(api);

    expect(summary(report)).toEqual(['info estimate-not-replaced XNK']);
    expect(findingOf(report, 'estimate-not-replaced', 'XNK')).toMatchObject({ open: false, note: null });
    expect(findingOf(report, 'estimate-not-replaced', 'XNK').message).toContain('6 tháng đầu năm 2023');
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 1, open: 0, openErrors: 0 });
  });

  it('drops a finding as soon as the figure is corrected, and brings it back when the correction is undone', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await plantFaults(api);
    expect(summary(await run(api))).toEqual(faultSummary);

    const fix = await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'IIP', value: '105,79' },
        { code: 'CCHC_CATGIAM', value: null },
      ],
    });
    const fixed = await run(api);
    expect(summary(fixed)).toEqual(faultSummary.filter((s) => !s.includes('IIP') && !s.includes('CCHC_CATGIAM')));
    expect((await api.call('values.grid', { period: '2023-H1' })).rows.find((r) => r.code === 'IIP')?.findings).toEqual(
      [],
    );

    await api.call('changes.revert', { batchId: fix.batchId ?? '' });
    expect(summary(await run(api))).toEqual(faultSummary);
  });

  it('shows the same findings on the grid row of each indicator', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await plantFaults(api);

    const report = await run(api);
    const grid = await api.call('values.grid', { period: '2023-H1' });

    for (const row of grid.rows) {
      const expected = report.findings
        .filter((f) => f.indicatorCode === row.code)
        .map((f) => ({ key: f.key, ruleId: f.ruleId, severity: f.severity, message: f.message, open: f.open }));
      expect(row.findings, row.code).toEqual(expected);
    }
    expect(grid.rows.find((r) => r.code === 'IIP')?.findings.map((f) => f.ruleId)).toEqual(['index-range']);
    expect(grid.rows.find((r) => r.code === 'XK')?.findings).toEqual([]);
  });
});

describe('closing findings with a comment or an override', () => {
  async function faulted(dataDir?: string): Promise<RunningBackend> {
    const running = await startWithClerk(dataDir);
    await enterSeedWithParts(running.api);
    await plantFaults(running.api);
    return running;
  }

  it('closes a warning with a comment, recording who wrote it and when', async () => {
    const { api } = await faulted();
    const before = Date.now();

    const report = await api.call('validation.note', {
      period: '2023-H1',
      key: 'copied-group|BLHH|2023-H1',
      kind: 'comment',
      text: 'Cục Thống kê chưa gửi số các thành phần, tạm giữ số năm trước',
    });

    const finding = findingOf(report, 'copied-group', 'BLHH');
    expect(finding.open).toBe(false);
    expect(finding.note).toMatchObject({
      kind: 'comment',
      text: 'Cục Thống kê chưa gửi số các thành phần, tạm giữ số năm trước',
      who: clerk,
    });
    expect(Date.parse(finding.note?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(report.counts).toEqual({ error: 5, warning: 1, info: 0, open: 5, openErrors: 5 });
  });

  it('closes an error only with an override and its reason; a comment leaves the error open', async () => {
    const { api } = await faulted();

    const commented = await api.call('validation.note', {
      period: '2023-H1',
      key: 'parent-sum|XNK|2023-H1',
      kind: 'comment',
      text: 'Đang hỏi lại Cục Hải quan',
    });
    expect(findingOf(commented, 'parent-sum', 'XNK')).toMatchObject({ open: true, note: { kind: 'comment' } });
    expect(commented.counts.openErrors).toBe(5);

    const overridden = await api.call('validation.note', {
      period: '2023-H1',
      key: 'parent-sum|XNK|2023-H1',
      kind: 'override',
      text: 'Tổng XNK theo Cục Hải quan; XK và NK là số ước của Sở',
    });
    expect(findingOf(overridden, 'parent-sum', 'XNK')).toMatchObject({
      open: false,
      note: { kind: 'override', text: 'Tổng XNK theo Cục Hải quan; XK và NK là số ước của Sở', who: clerk },
    });
    expect(overridden.counts).toEqual({ error: 5, warning: 1, info: 0, open: 5, openErrors: 4 });
  });

  it('refuses an override on a warning and says to comment instead', async () => {
    const { api } = await faulted();

    const refusal = await refusalOf(
      api.call('validation.note', {
        period: '2023-H1',
        key: 'copied-group|BLHH|2023-H1',
        kind: 'override',
        text: 'Không cần kiểm tra',
      }),
    );

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toBe('Chỉ lỗi mới cần lý do bỏ qua; với cảnh báo hãy ghi chú.');
    expect(findingOf(await run(api), 'copied-group', 'BLHH')).toMatchObject({ open: true, note: null });
  });

  it('refuses a reason of two characters', async () => {
    const { api } = await faulted();

    const refusal = await refusalOf(
      api.call('validation.note', { period: '2023-H1', key: 'index-range|IIP|2023-H1', kind: 'override', text: 'ok' }),
    );

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Hãy ghi rõ lý do (ít nhất 3 ký tự).');
    expect(findingOf(await run(api), 'index-range', 'IIP')).toMatchObject({ open: true, note: null });
  });

  it('refuses a note on a finding that is no longer there', async () => {
    const { api } = await faulted();
    const refusal = await refusalOf(
      api.call('validation.note', {
        period: '2023-H1',
        key: 'index-range|GTSXCN|2023-H1',
        kind: 'override',
        text: 'Không có lỗi này',
      }),
    );
    expect(refusal.code).toBe('not_found');
    expect(refusal.message).toBe('Không còn phát hiện này (số liệu có thể đã được sửa).');
  });

  it('keeps comments and overrides when ChiTieu is opened again', async () => {
    const dataDir = makeDataDir();
    const first = await faulted(dataDir);
    await first.api.call('validation.note', {
      period: '2023-H1',
      key: 'copied-group|BLHH|2023-H1',
      kind: 'comment',
      text: 'Đã hỏi Cục Thống kê',
    });
    await first.api.call('validation.note', {
      period: '2023-H1',
      key: 'ratio-range|CCHC_CATGIAM|2023-H1',
      kind: 'override',
      text: 'Số do Sở Nội vụ công bố',
    });
    first.backend.close();

    const second = startBackend(dataDir);
    const report = await run(second.api);

    expect(findingOf(report, 'copied-group', 'BLHH')).toMatchObject({
      open: false,
      note: { kind: 'comment', text: 'Đã hỏi Cục Thống kê', who: clerk },
    });
    expect(findingOf(report, 'ratio-range', 'CCHC_CATGIAM')).toMatchObject({
      open: false,
      note: { kind: 'override', text: 'Số do Sở Nội vụ công bố', who: clerk },
    });
    expect(report.counts).toEqual({ error: 5, warning: 1, info: 0, open: 4, openErrors: 4 });
    const grid = await second.api.call('values.grid', { period: '2023-H1' });
    expect(grid.rows.find((r) => r.code === 'CCHC_CATGIAM')?.findings).toMatchObject([
      { ruleId: 'ratio-range', open: false },
    ]);
  });
});

describe('rules of the department’s own', () => {
  it('shows a rule "XK + NK = XNK" written in the rule editor in the next check and on the grid', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'NK', value: 1000 }] });
    expect((await run(api)).findings.filter((f) => f.ruleId.startsWith('user:'))).toEqual([]);

    const saved = await api.call('validation.rules.save', xnkRule);
    expect(saved).toMatchObject(xnkRule);
    expect(saved.id).toEqual(expect.any(String));

    const report = await run(api);
    const finding = findingOf(report, `user:${saved.id}`, 'XK');
    expect(finding).toMatchObject({ severity: 'error', open: true, values: { left: 2200, right: 2260 } });
    expect(finding.message).toBe(
      'Tổng XNK bằng XK cộng NK: XK + NK (2.200,0) khác XNK (2.260,0), trái với quy tắc XK + NK = XNK.',
    );
    expect(report.counts.openErrors).toBe(2);

    const grid = await api.call('values.grid', { period: '2023-H1' });
    expect(grid.rows.find((r) => r.code === 'XK')?.findings).toEqual([
      { key: finding.key, ruleId: `user:${saved.id}`, severity: 'error', message: finding.message, open: true },
    ]);
  });

  it('says nothing about the rule once the figures agree', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await api.call('validation.rules.save', xnkRule);
    expect((await run(api)).findings).toEqual([]);
  });

  it('edits a saved rule in place and lists it once', async () => {
    const { api } = await startWithClerk();
    const saved = await api.call('validation.rules.save', xnkRule);
    await api.call('validation.rules.save', { ...saved, severity: 'warning' });
    expect(await api.call('validation.rules.list', {})).toEqual([{ ...saved, severity: 'warning' }]);
  });

  it('refuses a rule naming a code not in the catalog, says which, and saves nothing', async () => {
    const { api } = await startWithClerk();

    const refusal = await refusalOf(api.call('validation.rules.save', { ...xnkRule, left: 'XK + KHONGCO' }));

    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toBe(
      'Quy tắc "Tổng XNK bằng XK cộng NK", vế trái: Không có chỉ tiêu mã KHONGCO trong danh mục.',
    );
    expect(await api.call('validation.rules.list', {})).toEqual([]);
  });

  it('refuses a rule with a broken expression and saves nothing', async () => {
    const { api } = await startWithClerk();

    const unfinished = await refusalOf(api.call('validation.rules.save', { ...xnkRule, right: 'XNK +' }));
    const unclosed = await refusalOf(api.call('validation.rules.save', { ...xnkRule, left: '(XK + NK' }));

    expect(unfinished.code).toBe('bad_input');
    expect(unfinished.message).toBe('Quy tắc "Tổng XNK bằng XK cộng NK", vế phải: Biểu thức kết thúc giữa chừng.');
    expect(unclosed.message).toBe('Quy tắc "Tổng XNK bằng XK cộng NK", vế trái: Thiếu dấu ")" cho dấu "(" ở vị trí 1.');
    expect(await api.call('validation.rules.list', {})).toEqual([]);
  });

  it('refuses a rule without a name in Vietnamese', async () => {
    const { api } = await startWithClerk();
    const refusal = await refusalOf(api.call('validation.rules.save', { ...xnkRule, name: '  ' }));
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Quy tắc cần có tên.');
    expect(await api.call('validation.rules.list', {})).toEqual([]);
  });

  it('deletes a rule so that the next check no longer applies it', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await api.call('values.set', { period: '2023-H1', entries: [{ code: 'NK', value: 1000 }] });
    const saved = await api.call('validation.rules.save', xnkRule);

    expect(await api.call('validation.rules.delete', { id: saved.id })).toEqual({ deleted: true });

    expect(await api.call('validation.rules.list', {})).toEqual([]);
    expect((await run(api)).findings.map((f) => f.ruleId)).toEqual(['parent-sum']);
  });

  it('exports the rules as JSON that another data directory imports as the same rules', async () => {
    const source = await startWithClerk();
    await source.api.call('validation.rules.save', xnkRule);
    await source.api.call('validation.rules.save', growthRule);
    const file = await source.api.call('validation.rules.export', {});
    expect(file).toMatchObject({ format: 'chitieu-validation-rules', version: 1 });
    const exchanged: unknown = JSON.parse(JSON.stringify(file));

    const target = await startWithClerk();
    expect(await target.api.call('validation.rules.import', { file: exchanged as typeof file })).toEqual({
      imported: 2,
    });

    expect(await target.api.call('validation.rules.list', {})).toEqual(
      await source.api.call('validation.rules.list', {}),
    );
    expect(await target.api.call('validation.rules.export', {})).toEqual(file);
  });

  it('imports none of the rules of a file when one of them is bad, and keeps the rules already there', async () => {
    const source = await startWithClerk();
    await source.api.call('validation.rules.save', xnkRule);
    await source.api.call('validation.rules.save', growthRule);
    const file = await source.api.call('validation.rules.export', {});
    const bad: UserRule = { ...xnkRule, id: 'sai', name: 'Quy tắc sai', right: 'KHONGCO' };
    const withBadRule = { ...file, rules: [...file.rules, bad] };

    const target = await startWithClerk();
    const kept = await target.api.call('validation.rules.save', { ...xnkRule, name: 'Quy tắc có sẵn' });

    const refusal = await refusalOf(target.api.call('validation.rules.import', { file: withBadRule }));
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toContain('Quy tắc "Quy tắc sai"');
    expect(refusal.message).toContain('KHONGCO');
    expect(await target.api.call('validation.rules.list', {})).toEqual([kept]);

    const replacing = await refusalOf(target.api.call('validation.rules.import', { file: withBadRule, replace: true }));
    expect(replacing.code).toBe('bad_input');
    expect(await target.api.call('validation.rules.list', {})).toEqual([kept]);
  });
});

describe('settings of the built-in rules per indicator', () => {
  it('narrows the band of one indicator: XNK at 198,9% of last year is outside 80–150%', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);

    const saved = await api.call('validation.settings.set', {
      code: 'XNK',
      settings: { required: null, bandLow: 80, bandHigh: 150, disabledRules: [] },
    });
    expect(saved).toEqual({ code: 'XNK', settings: { required: null, bandLow: 80, bandHigh: 150, disabledRules: [] } });

    const report = await run(api);
    expect(summary(report)).toEqual(['warning same-period-band XNK']);
    expect(findingOf(report, 'same-period-band', 'XNK').message).toContain(
      '198,9% cùng kỳ năm trước, ngoài ngưỡng 80–150%',
    );
    expect(await api.call('validation.settings.list', {})).toEqual([saved]);
  });

  it('turns a rule off for one indicator and leaves it on for the others', async () => {
    const { api } = await startWithClerk();
    await enterSeedWithParts(api);
    await plantFaults(api);
    await plantOutOfRange(api, { period: '2023-H1', entries: [{ code: 'IIP_C', value: '1.057,9' }] });

    await api.call('validation.settings.set', {
      code: 'IIP',
      settings: { required: null, bandLow: null, bandHigh: null, disabledRules: ['index-range'] },
    });

    const report = await run(api);
    expect(report.findings.filter((f) => f.ruleId === 'index-range').map((f) => f.indicatorCode)).toEqual(['IIP_C']);
    expect(summary(report)).toContain('error ratio-range CCHC_CATGIAM');
  });

  it('refuses settings for an indicator that does not exist', async () => {
    const { api } = await startWithClerk();
    const refusal = await refusalOf(
      api.call('validation.settings.set', {
        code: 'KHONGCO',
        settings: { required: true, bandLow: null, bandHigh: null, disabledRules: [] },
      }),
    );
    expect(refusal.code).toBe('not_found');
    expect(refusal.message).toBe('Không có chỉ tiêu mã KHONGCO.');
    expect(await api.call('validation.settings.list', {})).toEqual([]);
  });
});
