import type { Handlers } from '../handler-types';
import { createUnit, listUnits, updateUnit } from '../units/units-service';

export const reportingUnitHandlers: Pick<Handlers, 'units.list' | 'units.create' | 'units.update'> = {
  'units.list': (_input, { db }) => listUnits(db),
  'units.create': (draft, { db }) => createUnit(db, draft),
  'units.update': ({ id, patch }, { db }) => updateUnit(db, id, patch),
};
