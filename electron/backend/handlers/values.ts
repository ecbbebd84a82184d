import type { Handlers } from '../handler-types';
import { setValues, valueRows, valuesGrid } from '../values/values-service';

export const valueHandlers: Pick<Handlers, 'values.grid' | 'values.rows' | 'values.set'> = {
  'values.grid': (input, ctx) => valuesGrid(ctx, input),
  'values.rows': (input, ctx) => valueRows(ctx, input),
  'values.set': (input, ctx) => setValues(ctx, input),
};
