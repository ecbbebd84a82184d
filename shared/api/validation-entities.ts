import { z } from 'zod';
import { findingSchema } from '../validation/finding';
import { indicatorRuleSettingsSchema } from '../validation/rule-settings';
import { userRuleSchema, userRulesFileSchema } from '../validation/user-rule';
import { indicatorCodeSchema } from './entities';
import { periodKeySchema } from './values-entities';

export const noteKinds = ['comment', 'override'] as const;

export const findingNoteSchema = z.object({
  kind: z.enum(noteKinds),
  text: z.string(),
  who: z.string(),
  at: z.string(),
});

/** A finding as the clerk sees it: open until a warning is commented or an error overridden with a reason. */
export const reportedFindingSchema = findingSchema.extend({
  note: findingNoteSchema.nullable(),
  open: z.boolean(),
});
export type ReportedFinding = z.infer<typeof reportedFindingSchema>;

export const validationReportSchema = z.object({
  unitId: z.number().int(),
  period: z.string(),
  periodLabel: z.string(),
  findings: z.array(reportedFindingSchema),
  counts: z.object({
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
    open: z.number().int(),
    openErrors: z.number().int(),
  }),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

export const validationRunInputSchema = z
  .object({ unitId: z.number().int().optional(), period: periodKeySchema })
  .strict();

export const validationNoteInputSchema = z
  .object({
    unitId: z.number().int().optional(),
    period: periodKeySchema,
    key: z.string().min(1),
    kind: z.enum(noteKinds),
    text: z.string().trim().min(3, 'Hãy ghi rõ lý do (ít nhất 3 ký tự).').max(2000),
  })
  .strict();

export const userRuleDraftSchema = userRuleSchema.extend({ id: z.string().min(1).max(80).optional() }).strict();

export const ruleSettingsEntrySchema = z.object({ code: indicatorCodeSchema, settings: indicatorRuleSettingsSchema });

export { userRuleSchema, userRulesFileSchema };
