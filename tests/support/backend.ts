import { onTestFinished } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { AppError } from '../../shared/api/errors';

export interface RunningBackend {
  backend: Backend;
  api: ApiClient;
}

/** The real backend on a data directory, reached through the real API client over an in-process transport. */
export function startBackend(dataDir: string): RunningBackend {
  const backend = createBackend({ dataDir });
  onTestFinished(() => backend.close());
  const api = createApiClient((operation, input) => backend.call(operation, input));
  return { backend, api };
}

/** The AppError a call was refused with; fails the test if the call succeeded or failed some other way. */
export async function refusalOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** The same for a synchronous entry point such as openDatabase. */
export function refusalOfSync(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the action to be refused, but it succeeded');
}
