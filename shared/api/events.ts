import { z } from 'zod';
import { contract, isOperationName, type OperationName, type ReadOperation } from './contract';

function isReadOperation(name: string): name is ReadOperation {
  return isOperationName(name) && !contract[name].writes;
}

/** The figures a write of figures or plans touched, when the call itself says (values.set, plans.set). */
export const changedFiguresSchema = z.object({
  /** The unit the call named; null when it named none (the province). */
  unitId: z.number().int().nullable(),
  /** The period of figures written (values.set), or null for plans. */
  period: z.string().nullable(),
  /** The year of plans written (plans.set), or null for figures. */
  year: z.number().int().nullable(),
  codes: z.array(z.string()),
});
export type ChangedFigures = z.infer<typeof changedFiguresSchema>;

/**
 * Told to every open window after a change of the data is committed: by an operation of this backend, or
 * (operation null) by another process writing the same file, such as the command line beside a running server.
 */
export const dataChangeSchema = z.object({
  /** Counts the changes this backend has told since it opened. */
  seq: z.number().int(),
  operation: z
    .custom<OperationName>((name) => typeof name === 'string' && isOperationName(name), 'Không có thao tác này.')
    .nullable(),
  /** The reads whose answers may now differ (every read for a change made elsewhere). */
  invalidates: z.array(z.string()).transform((names) => names.filter(isReadOperation)),
  /** The client (a window, a browser page) whose call it was; null for a change made elsewhere. */
  origin: z.string().nullable(),
  figures: changedFiguresSchema.nullable(),
  at: z.string(),
});
export type DataChange = z.output<typeof dataChangeSchema>;

/** What a client sends to name itself, so that it can tell its own changes from the others'. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** Where the browser door serves the change events (server-sent events). */
export const eventsPath = '/api/events';
/** The header in which a browser page names itself on every call. */
export const clientIdHeader = 'x-chitieu-client';
