import { z } from 'zod';
import { apiErrorSchema, type ApiErrorBody } from './errors';

/** What travels back over every door: a result or the one error shape, never a thrown exception. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

export const apiResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export const apiRequestSchema = z.object({
  operation: z.string().min(1).max(100),
  input: z.unknown(),
});
