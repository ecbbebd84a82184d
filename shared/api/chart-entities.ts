import { z } from 'zod';
import { indicatorKinds } from '../catalog/indicator-kinds';
import { indicatorCodeSchema } from './entities';
import { periodKeySchema } from './values-entities';

/**
 * The figures behind the charts of Báo cáo and of the grid's side panel (issue 7). The backend computes them
 * with the same rules as the grid (flows add up over months and children; indices and ratios are published
 * figures and never add up), so a chart never shows a number the tables do not.
 */

const nullableNumber = z.number().nullable();
const yearSchema = z.number().int().min(1990).max(2100);

export const chartsIndicatorInputSchema = z
  .object({
    code: indicatorCodeSchema,
    /** Without it, the province. */
    unitId: z.number().int().optional(),
    year: yearSchema,
  })
  .strict();

export const chartMonthSchema = z.object({
  month: z.number().int().min(1).max(12),
  /** The month's figure: entered, or for a flow what its children add up to. */
  value: nullableNumber,
  /** The same month of the year before. */
  samePeriod: nullableNumber,
  /** From January through this month: a flow's running total, an index's or ratio's own published figure. */
  ytd: nullableNumber,
  ytdSamePeriod: nullableNumber,
  /** For a flow with an annual plan: the share of the plan due by the end of this month (plan × month ÷ 12). */
  planToDate: nullableNumber,
});
export type ChartMonth = z.infer<typeof chartMonthSchema>;

export const indicatorChartSchema = z.object({
  unitId: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  unit: z.string(),
  kind: z.enum(indicatorKinds),
  decimals: z.number().int(),
  year: z.number().int(),
  /** The assigned plan (kế hoạch giao) and the stretch target (chỉ tiêu phấn đấu) of the year. */
  plan: nullableNumber,
  planStretch: nullableNumber,
  months: z.array(chartMonthSchema).length(12),
});
export type IndicatorChart = z.infer<typeof indicatorChartSchema>;

export const chartsPlanSharesInputSchema = z
  .object({
    period: periodKeySchema,
    unitId: z.number().int().optional(),
  })
  .strict();

export const planShareSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  /** From January through the end of the period, against the annual assigned plan. */
  ytd: z.number(),
  plan: z.number(),
  /** Rounded to one decimal, as the grid, the workbook and the report print it. */
  pctOfPlan: z.number(),
  /** Whether the share reached is at least the share of the year gone by (đạt tiến độ). */
  onSchedule: z.boolean(),
});
export type PlanShare = z.infer<typeof planShareSchema>;

export const planShareGroupSchema = z.object({
  /** The top-level row of the catalog the group is (IIP, SPCN, BLHH, XNK …). */
  code: z.string(),
  stt: z.string(),
  nameVi: z.string(),
  items: z.array(planShareSchema).min(1),
});
export type PlanShareGroup = z.infer<typeof planShareGroupSchema>;

export const planSharesSchema = z.object({
  unitId: z.number().int(),
  period: z.string(),
  periodLabel: z.string(),
  /** The share of the year gone by at the end of the period, in percent (50 for 6 tháng): the schedule. */
  elapsedPct: z.number(),
  groups: z.array(planShareGroupSchema),
});
export type PlanShares = z.infer<typeof planSharesSchema>;
