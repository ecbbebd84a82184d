import { indicatorChart, planShares } from '../charts/charts-service';
import type { Handlers } from '../handler-types';

export const chartHandlers: Pick<Handlers, 'charts.indicator' | 'charts.planShares'> = {
  'charts.indicator': (input, ctx) => indicatorChart(ctx, input),
  'charts.planShares': (input, ctx) => planShares(ctx, input),
};
