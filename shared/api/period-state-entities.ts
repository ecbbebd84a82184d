import { z } from 'zod';
import { periodStateNames } from '../periods/period-lock';
import { periodKeySchema } from './values-entities';

/** Closing a period (issue 15): the operations periods.status, submit, approve, lock and reopen. */

export const periodActions = ['submit', 'approve', 'lock', 'reopen'] as const;
export type PeriodAction = (typeof periodActions)[number];
export const periodActionLabelsVi: Readonly<Record<PeriodAction, string>> = {
  submit: 'Gửi',
  approve: 'Duyệt',
  lock: 'Khóa sổ',
  reopen: 'Mở khóa',
};

const unitIdSchema = z.number().int().optional();
const noteSchema = z.string().max(2000);
const stateSchema = z.enum(periodStateNames);

export const periodStatusInputSchema = z.object({ unitId: unitIdSchema, period: periodKeySchema }).strict();

export const periodStepInputSchema = z
  .object({ unitId: unitIdSchema, period: periodKeySchema, note: noteSchema.optional() })
  .strict();

export const periodReopenInputSchema = z
  .object({
    unitId: unitIdSchema,
    period: periodKeySchema,
    reason: noteSchema.trim().min(1, 'Mở khóa kỳ báo cáo cần có lý do.'),
  })
  .strict();

export const periodStateStepSchema = z.object({
  from: stateSchema,
  to: stateSchema,
  who: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type PeriodStateStep = z.infer<typeof periodStateStepSchema>;

/** The closed period that refuses edits of this one now: itself, or a cumulative or quarter it lies in. */
export const periodLockSchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  state: stateSchema,
  who: z.string(),
  at: z.string(),
});
export type PeriodLock = z.infer<typeof periodLockSchema>;

export const periodStatusSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  state: stateSchema,
  /** The latest change of the state; null while the period never left Đang nhập. */
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
  note: z.string().nullable(),
  lock: periodLockSchema.nullable(),
  /** What may be done next from this state. */
  actions: z.array(z.enum(periodActions)),
  log: z.array(periodStateStepSchema),
});
export type PeriodStatus = z.infer<typeof periodStatusSchema>;
