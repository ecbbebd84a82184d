import type { Handlers } from '../handler-types';
import { planGrid, setPlans } from '../plans/plans-service';

export const planHandlers: Pick<Handlers, 'plans.grid' | 'plans.set'> = {
  'plans.grid': (input, ctx) => planGrid(ctx, input),
  'plans.set': (input, ctx) => setPlans(ctx, input),
};
