import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * What an import or its undo changes: the figures and plans every screen shows, their checks, the catalog's
 * aliases, the history, the layouts remembered, and the preview (whose "current" figures are now the imported ones).
 */
const touchedByImport = [
  'values.grid',
  'plans.grid',
  'validation.run',
  'catalog.list',
  'import.history',
  'import.layouts.list',
  'import.preview',
] as const;

export function useAfterImportWrite(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(touchedByImport.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  }, [queryClient]);
}
