import { z } from 'zod';

/** Per-indicator settings of the built-in rules; null means the rule's own default. */
export const indicatorRuleSettingsSchema = z.object({
  /** true: always required; false: never; null: required where the same period last year has a figure. */
  required: z.boolean().nullable(),
  bandLow: z.number().nullable(),
  bandHigh: z.number().nullable(),
  disabledRules: z.array(z.string()),
});
export type IndicatorRuleSettings = z.infer<typeof indicatorRuleSettingsSchema>;

export const defaultRuleSettings: IndicatorRuleSettings = {
  required: null,
  bandLow: null,
  bandHigh: null,
  disabledRules: [],
};
export const defaultBand = { low: 50, high: 200 } as const;
