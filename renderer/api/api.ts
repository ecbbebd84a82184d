import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createApiClient } from '../../shared/api/client';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { pickTransport } from './transport';

export const api = createApiClient(pickTransport());

type ReadOperation =
  | 'app.info'
  | 'catalog.list'
  | 'units.list'
  | 'settings.get'
  | 'values.grid'
  | 'plans.grid'
  | 'validation.run'
  | 'validation.rules.list'
  | 'validation.settings.list'
  | 'charts.indicator'
  | 'charts.planShares'
  | 'report.build'
  | 'report.templates.list';

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

/** Starts a read before any screen asks for it, under the key useApiQuery gives the same read. */
export function prefetchApi<K extends ReadOperation>(queryClient: QueryClient, operation: K, input: OperationInput<K>): void {
  void queryClient.prefetchQuery<OperationOutput<K>>({ queryKey: [operation, input], queryFn: () => api.call(operation, input) });
}

export function useApiMutation<K extends OperationName>(operation: K, invalidates: readonly ReadOperation[]) {
  const queryClient = useQueryClient();
  return useMutation<OperationOutput<K>, Error, OperationInput<K>>({
    mutationFn: (input) => api.call(operation, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}
