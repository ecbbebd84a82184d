import { z } from 'zod';
import { severities } from './finding';

export const ruleOperators = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'compulsory_pair', 'exclusive_pair'] as const;
export type RuleOperator = (typeof ruleOperators)[number];
export const ruleOperatorLabelsVi: Record<RuleOperator, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  compulsory_pair: 'cùng có hoặc cùng không (cặp bắt buộc)',
  exclusive_pair: 'không được cùng có (cặp loại trừ)',
};

const brokenComparisonVi: Record<Exclude<RuleOperator, 'compulsory_pair' | 'exclusive_pair'>, string> = {
  eq: 'khác',
  ne: 'bằng',
  lt: 'không nhỏ hơn',
  le: 'lớn hơn',
  gt: 'không lớn hơn',
  ge: 'nhỏ hơn',
};

/**
 * What a broken rule found, in the words of the finding: how the two sides stand ("XK + NK (2.200,0) khác
 * XNK (2.260,0)"), then the rule they break. Saying "= … không được thỏa mãn" reads as if the sides were equal.
 */
export function brokenRuleVi(
  rule: Pick<UserRule, 'left' | 'operator' | 'right'>,
  leftShown: string,
  rightShown: string,
): string {
  const sides = `${rule.left} (${leftShown}) và ${rule.right} (${rightShown})`;
  if (rule.operator === 'compulsory_pair') return `${sides} phải cùng có hoặc cùng không có số liệu`;
  if (rule.operator === 'exclusive_pair') return `${sides} không được cùng có số liệu`;
  return `${rule.left} (${leftShown}) ${brokenComparisonVi[rule.operator]} ${rule.right} (${rightShown}), trái với quy tắc ${rule.left} ${ruleOperatorLabelsVi[rule.operator]} ${rule.right}`;
}

export const missingStrategies = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
export type MissingStrategy = (typeof missingStrategies)[number];
export const missingStrategyLabelsVi: Record<MissingStrategy, string> = {
  skip_if_any_missing: 'Bỏ qua nếu thiếu bất kỳ số nào',
  skip_if_all_missing: 'Bỏ qua nếu thiếu tất cả (thiếu một phần coi là 0)',
  never_skip: 'Luôn kiểm tra (số thiếu coi là 0)',
};

/** A rule of the department's own, in the manner of DHIS2 validation rules. */
export const userRuleSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1, 'Quy tắc cần có tên.').max(200),
  left: z.string().trim().min(1, 'Vế trái không được để trống.').max(1000),
  operator: z.enum(ruleOperators),
  right: z.string().trim().min(1, 'Vế phải không được để trống.').max(1000),
  missing: z.enum(missingStrategies),
  severity: z.enum(severities),
  message: z.string().trim().max(500),
  enabled: z.boolean(),
});
export type UserRule = z.infer<typeof userRuleSchema>;

/** The file a department exchanges its rules in. */
export const userRulesFileSchema = z.object({
  format: z.literal('chitieu-validation-rules'),
  version: z.literal(1),
  rules: z.array(userRuleSchema),
});
export type UserRulesFile = z.infer<typeof userRulesFileSchema>;
