import { z } from 'zod';

export const errorCodes = [
  'bad_input',
  'unknown_operation',
  'not_found',
  'conflict',
  'database_newer',
  'database_unreadable',
  'database_damaged',
  'database_readonly',
  'database_busy',
  'disk_full',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The one error shape every door returns; `message` is for the clerk, in Vietnamese. */
export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Thrown anywhere in the backend; doors turn it into {code, message, details}. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** For the log file, which support staff may not read Vietnamese in. */
  readonly english: string;

  constructor(code: ErrorCode, messageVi: string, details?: unknown, english?: string) {
    super(messageVi);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.english = english ?? code.replace(/_/g, ' ');
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
