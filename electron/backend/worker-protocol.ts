import { z } from 'zod';
import type { DataChange } from '../../shared/api/events';

/** Messages between the Electron host and the backend's utility process. */
export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int(),
    operation: z.string(),
    input: z.unknown(),
    origin: z.string().optional(),
  }),
  z.object({ type: z.literal('shutdown') }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'response'; id: number; response: unknown }
  | { type: 'change'; change: DataChange };
