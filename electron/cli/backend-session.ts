import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createBackend, type Backend } from '../backend/backend';

/** The command line is a door like the others: it reaches the backend through the typed contract. */
export function openSession(dataDir: string): { backend: Backend; api: ApiClient } {
  const backend = createBackend({ dataDir });
  const api = createApiClient((operation, input) => backend.call(operation, input));
  return { backend, api };
}
