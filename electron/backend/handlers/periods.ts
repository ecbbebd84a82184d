import type { Handlers } from '../handler-types';
import { changePeriodState, periodStatus } from '../periods/period-states';

export const periodHandlers: Pick<
  Handlers,
  'periods.status' | 'periods.submit' | 'periods.approve' | 'periods.lock' | 'periods.reopen'
> = {
  'periods.status': ({ unitId, period }, { db }) => periodStatus(db, unitId, period),
  'periods.submit': ({ unitId, period, note }, { db }) => changePeriodState(db, 'submit', unitId, period, note ?? null),
  'periods.approve': ({ unitId, period, note }, { db }) =>
    changePeriodState(db, 'approve', unitId, period, note ?? null),
  'periods.lock': ({ unitId, period, note }, { db }) => changePeriodState(db, 'lock', unitId, period, note ?? null),
  'periods.reopen': ({ unitId, period, reason }, { db }) => changePeriodState(db, 'reopen', unitId, period, reason),
};
