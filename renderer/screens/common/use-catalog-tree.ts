import { useMemo } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { orderAsTree, type WithDepth } from '../../../shared/catalog/catalog-tree';
import { useApiQuery } from '../../api/api';

export type TreeIndicator = WithDepth<Indicator> & { hasChildren: boolean };

/** The indicators in use, in report order, each knowing its depth and whether rows sit under it. */
export function useCatalogTree() {
  const catalog = useApiQuery('catalog.list', { includeRetired: false });
  const tree = useMemo<TreeIndicator[]>(() => {
    const active = (catalog.data ?? []).filter((i) => i.active);
    const parents = new Set(active.map((i) => i.parentCode).filter((c) => c !== null));
    return orderAsTree(active).map((i) => ({ ...i, hasChildren: parents.has(i.code) }));
  }, [catalog.data]);
  return { tree, isLoading: catalog.isLoading, error: catalog.error };
}
