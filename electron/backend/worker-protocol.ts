import { z } from 'zod';

/** Messages between the Electron host and the backend's utility process. */
export const workerRequestSchema = z.object({ id: z.number().int(), operation: z.string(), input: z.unknown() });
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'response'; id: number; response: unknown };
