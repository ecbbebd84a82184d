import { changeIndicator, createIndicator, listCatalog, retireIndicator } from '../catalog/catalog-service';
import type { Handlers } from '../handler-types';

export const catalogHandlers: Pick<Handlers, 'catalog.list' | 'catalog.create' | 'catalog.update' | 'catalog.retire'> =
  {
    'catalog.list': ({ includeRetired }, { db }) => listCatalog(db, includeRetired),
    'catalog.create': (draft, { db }) => createIndicator(db, draft),
    'catalog.update': ({ code, patch }, { db }) => changeIndicator(db, code, patch),
    'catalog.retire': ({ code, retired }, { db }) => retireIndicator(db, code, retired),
  };
