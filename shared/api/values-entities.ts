import { z } from 'zod';
import { formatPeriodKey, parsePeriod } from '../periods/period';
import { indicatorCodeSchema } from './entities';

/** Any accepted spelling of a period ("2023-L06", "2023-h1") becomes its one canonical key ("2023-H1"). */
export const periodKeySchema = z.string().transform((text, ctx) => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return formatPeriodKey(parsed.period);
});

export const valueStatuses = ['estimate', 'actual'] as const;
export type ValueStatus = (typeof valueStatuses)[number];
export const valueStatusLabelsVi: Record<ValueStatus, string> = { estimate: 'Ước tính', actual: 'Thực hiện' };

export const planLevels = ['giao', 'phan_dau'] as const;
export type PlanLevel = (typeof planLevels)[number];
export const planLevelLabelsVi: Record<PlanLevel, string> = { giao: 'Kế hoạch giao', phan_dau: 'Chỉ tiêu phấn đấu' };

export const writeSources = ['typed', 'pasted', 'cli'] as const;
export const sourceKinds = ['typed', 'pasted', 'imported', 'cli', 'undo'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const valueSourceSchema = z.object({
  kind: z.enum(sourceKinds),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  /** For an imported figure: why the import took this cell for this indicator and period. */
  evidence: z.string().nullable().optional(),
});
export type ValueSource = z.infer<typeof valueSourceSchema>;

/** A number, or text in Vietnamese notation that the backend reads with the same rules as a cell. */
export const enteredNumberSchema = z.union([z.number().finite(), z.string()]);

/** The province unit is the default everywhere: most clerks report for the province only. */
const unitIdSchema = z.number().int().optional();

const nullableNumber = z.number().nullable();

/** What the grid shows on a cell: the validation findings of its indicator for the period. */
export const gridFindingSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  open: z.boolean(),
});
export type GridFinding = z.infer<typeof gridFindingSchema>;

export const gridRowSchema = z.object({
  code: z.string(),
  /** The figure entered for this period (typed, pasted, imported), if any. */
  value: nullableNumber,
  status: z.enum(valueStatuses).nullable(),
  comment: z.string().nullable(),
  /** For flows: the figure that follows from the months or the children, shown beside an entered one. */
  valueFromParts: nullableNumber,
  partsOrigin: z.enum(['months', 'children']).nullable(),
  plan: nullableNumber,
  planStretch: nullableNumber,
  samePeriod: nullableNumber,
  previous: nullableNumber,
  ytd: nullableNumber,
  ytdSamePeriod: nullableNumber,
  pctOfPlan: nullableNumber,
  pctOfPlanStretch: nullableNumber,
  pctOfSamePeriod: nullableNumber,
  pctYtdOfSamePeriod: nullableNumber,
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  source: valueSourceSchema.nullable(),
  findings: z.array(gridFindingSchema),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const valueGridSchema = z.object({
  unitId: z.number().int(),
  period: z.string(),
  periodLabel: z.string(),
  samePeriod: z.string(),
  previousPeriod: z.string().nullable(),
  ytdPeriod: z.string(),
  rows: z.array(gridRowSchema),
});
export type ValueGrid = z.infer<typeof valueGridSchema>;

export const valuesGridInputSchema = z
  .object({
    unitId: unitIdSchema,
    period: periodKeySchema,
    /** false leaves the findings out (empty lists): the grid screen reads them from the shared validation report. */
    withFindings: z.boolean().default(true),
  })
  .strict();

/** A grid row without its findings: what a save changes in the computed columns. */
export const computedRowSchema = gridRowSchema.omit({ findings: true });
export type ComputedGridRow = z.infer<typeof computedRowSchema>;

export const valuesRowsInputSchema = z
  .object({ unitId: unitIdSchema, period: periodKeySchema, codes: z.array(indicatorCodeSchema).min(1).max(20000) })
  .strict();

export const valueRowsSchema = z.object({
  unitId: z.number().int(),
  period: z.string(),
  /** The rows asked for and every row above them, whose sums and comparisons follow from them. */
  rows: z.array(computedRowSchema),
});
export type ValueRows = z.infer<typeof valueRowsSchema>;

export const valueEntrySchema = z
  .object({
    code: indicatorCodeSchema,
    /** null clears the figure; absent keeps it (to change only the status or the comment). */
    value: enteredNumberSchema.nullable().optional(),
    status: z.enum(valueStatuses).optional(),
    comment: z.string().max(2000).nullable().optional(),
    /**
     * The figure the clerk's screen showed when they typed over it (null: an empty cell). Given, the save is
     * refused if the stored figure is no longer that one, so that nobody's figure is replaced unseen.
     */
    seen: z.number().nullable().optional(),
  })
  .strict();
export type ValueEntry = z.input<typeof valueEntrySchema>;

export const valuesSetInputSchema = z
  .object({
    unitId: unitIdSchema,
    period: periodKeySchema,
    entries: z.array(valueEntrySchema).min(1).max(20000),
    source: z.enum(writeSources).default('typed'),
  })
  .strict();

export const batchResultSchema = z.object({
  /** The change-log batch these writes form, for undo; null when nothing changed. */
  batchId: z.string().nullable(),
  changed: z.number().int(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

export const revertInputSchema = z.object({ batchId: z.string().min(1) }).strict();

export const planRowSchema = z.object({ code: z.string(), giao: nullableNumber, phanDau: nullableNumber });
export type PlanRow = z.infer<typeof planRowSchema>;

export const plansGridInputSchema = z
  .object({ unitId: unitIdSchema, year: z.number().int().min(1990).max(2100) })
  .strict();
export const planGridSchema = z.object({
  unitId: z.number().int(),
  year: z.number().int(),
  rows: z.array(planRowSchema),
});

export const planEntrySchema = z
  .object({ code: indicatorCodeSchema, level: z.enum(planLevels), value: enteredNumberSchema.nullable() })
  .strict();
export type PlanEntry = z.input<typeof planEntrySchema>;

export const plansSetInputSchema = z
  .object({
    unitId: unitIdSchema,
    year: z.number().int().min(1990).max(2100),
    entries: z.array(planEntrySchema).min(1).max(20000),
    source: z.enum(writeSources).default('typed'),
  })
  .strict();
