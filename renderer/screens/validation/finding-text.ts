import dayjs from 'dayjs';
import type { GridFinding } from '../../../shared/api/values-entities';
import type { ReportedFinding } from '../../../shared/api/validation-entities';
import { formatViFigure, formatViNumber } from '../../../shared/numbers/vi-number';
import { builtinRules } from '../../../shared/validation/builtin-rules';
import type { Severity } from '../../../shared/validation/finding';
import type { UserRule } from '../../../shared/validation/user-rule';

type FindingNote = NonNullable<ReportedFinding['note']>;

export const severityColors: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** How each figure a finding names reads; figures not listed take the indicator's decimals. */
const figureNames: Record<string, { label: string; decimals?: number; percent?: boolean }> = {
  value: { label: 'Số liệu' },
  samePeriod: { label: 'Cùng kỳ năm trước' },
  sumOfChildren: { label: 'Tổng các chỉ tiêu con' },
  sumOfMonths: { label: 'Cộng các tháng' },
  ytd: { label: 'Lũy kế' },
  previousYtd: { label: 'Lũy kế tháng trước' },
  month: { label: 'Số của tháng' },
  plan: { label: 'Kế hoạch năm' },
  percent: { label: 'Tỷ lệ', decimals: 1, percent: true },
  robustZ: { label: 'Độ lệch (z)', decimals: 1 },
  identical: { label: 'Số chỉ tiêu giống hệt', decimals: 0 },
  stated: { label: 'Tỷ lệ ghi sẵn', decimals: 1, percent: true },
  computed: { label: 'Tỷ lệ tính từ số liệu', decimals: 1, percent: true },
  left: { label: 'Vế trái' },
  right: { label: 'Vế phải' },
};

export interface FigureLine {
  label: string;
  text: string;
}

/** The figures a finding is about, in Vietnamese notation; a user rule's sides are named by their expressions. */
export function findingFigures(
  finding: Pick<ReportedFinding, 'values'>,
  decimals: number,
  rule: UserRule | undefined,
): FigureLine[] {
  return Object.entries(finding.values).map(([name, value]) => {
    const known = figureNames[name];
    const side =
      rule === undefined ? undefined : name === 'left' ? rule.left : name === 'right' ? rule.right : undefined;
    const label = side ?? known?.label ?? name;
    if (value === null) return { label, text: 'không có' };
    const text =
      known?.decimals === undefined ? formatViFigure(value, decimals) : formatViNumber(value, known.decimals);
    return { label, text: known?.percent ? `${text}%` : text };
  });
}

const builtinTitles = new Map<string, string>(builtinRules.map((r) => [r.id, r.titleVi]));
const userRulePrefix = 'user:';

export function userRuleIdOf(ruleId: string): string | null {
  return ruleId.startsWith(userRulePrefix) ? ruleId.slice(userRulePrefix.length) : null;
}

/** The rule a finding comes from, as the clerk knows it. */
export function ruleTitle(ruleId: string, rules: ReadonlyMap<string, UserRule>): string {
  const own = userRuleIdOf(ruleId);
  if (own === null) return builtinTitles.get(ruleId) ?? ruleId;
  return `Quy tắc của đơn vị: ${rules.get(own)?.name ?? '(đã xóa)'}`;
}

/** Where a finding stands: open, or closed by a comment (warning) or an override (error); info needs nothing. */
export function findingStatus(finding: Pick<GridFinding, 'severity' | 'open'>): string {
  if (finding.severity === 'info') return 'Để biết';
  if (finding.open) return 'Chưa xử lý';
  return finding.severity === 'error' ? 'Đã bỏ qua có lý do' : 'Đã ghi chú';
}

export function noteLine(note: FindingNote): string {
  const kind = note.kind === 'override' ? 'Lý do bỏ qua' : 'Ghi chú';
  const who = note.who.trim() === '' ? 'người nhập chưa đặt tên' : note.who;
  return `${kind} (${who}, ${dayjs(note.at).format('HH:mm DD/MM/YYYY')}): ${note.text}`;
}

export interface OpenCounts {
  errors: number;
  warnings: number;
}

export function openCounts(findings: readonly Pick<GridFinding, 'severity' | 'open'>[]): OpenCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (!f.open) continue;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** "3 lỗi · 2 cảnh báo", as the header and Kiểm tra say it. */
export function openCountsText({ errors, warnings }: OpenCounts): string {
  if (errors === 0 && warnings === 0) return 'Không còn lỗi, cảnh báo';
  return [errors > 0 ? `${errors} lỗi` : null, warnings > 0 ? `${warnings} cảnh báo` : null]
    .filter((t) => t !== null)
    .join(' · ');
}
