import type { z } from 'zod';

/** One Vietnamese line per problem, naming the field, so the clerk (or a script author) can fix the input. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
      return `${field}${issue.message}`;
    })
    .join('; ');
}
