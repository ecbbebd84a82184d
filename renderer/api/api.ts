import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createApiClient } from '../../shared/api/client';
import {
  invalidatedBy,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type ReadOperation,
} from '../../shared/api/contract';
import { pickTransport } from './transport';

export const api = createApiClient(pickTransport());

/** Query keys start with the operation name, so a write can invalidate everything that read its data. */
export function useApiQuery<K extends ReadOperation>(
  operation: K,
  input: OperationInput<K>,
  options?: Omit<UseQueryOptions<OperationOutput<K>>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<OperationOutput<K>>({
    queryKey: [operation, input],
    queryFn: () => api.call(operation, input),
    ...options,
  });
}

/** A read through the query cache, under the key useApiQuery gives the same read: asked once for both. */
export function fetchApi<K extends ReadOperation>(
  queryClient: QueryClient,
  operation: K,
  input: OperationInput<K>,
): Promise<OperationOutput<K>> {
  return queryClient.fetchQuery<OperationOutput<K>>({
    queryKey: [operation, input],
    queryFn: () => api.call(operation, input),
  });
}

/** Starts a read before any screen asks for it; a failure is left for the screen, which asks again. */
export function prefetchApi<K extends ReadOperation>(
  queryClient: QueryClient,
  operation: K,
  input: OperationInput<K>,
): void {
  fetchApi(queryClient, operation, input).catch(() => undefined);
}

/** Re-reads what the contract says the operation changes (every read for a change of the whole file). */
export async function invalidateAfter(queryClient: QueryClient, reads: readonly ReadOperation[]): Promise<void> {
  await Promise.all(reads.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/** A call that changes something; afterwards the reads the contract names for it are asked again. */
export function useApiMutation<K extends OperationName>(operation: K) {
  const queryClient = useQueryClient();
  return useMutation<OperationOutput<K>, Error, OperationInput<K>>({
    mutationFn: (input) => api.call(operation, input),
    onSuccess: () => invalidateAfter(queryClient, invalidatedBy(operation)),
  });
}
