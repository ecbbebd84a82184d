import { z } from 'zod';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export const severityLabelsVi: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export const findingSchema = z.object({
  /** Stable across runs, so that a comment or an override given to a finding stays with it. */
  key: z.string(),
  ruleId: z.string(),
  indicatorCode: z.string(),
  period: z.string(),
  severity: z.enum(severities),
  message: z.string(),
  /** The figures the finding is about, by name (value, samePeriod, sumOfChildren …). */
  values: z.record(z.string(), z.number().nullable()),
});
export type Finding = z.infer<typeof findingSchema>;

export function findingKey(ruleId: string, indicatorCode: string, period: string): string {
  return `${ruleId}|${indicatorCode}|${period}`;
}
