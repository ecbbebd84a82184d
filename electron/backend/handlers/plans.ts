import { findPlan, writePlan } from '../../../db/access/plans';
import type { Handlers } from '../handler-types';
import { assertPlanWritable } from '../periods/period-states';
import { planFigureLabelVi } from '../../../shared/validation/figure-range';
import { newBatch } from './new-batch';
import { enteredNumber, refuseDuplicates, refuseOutOfRange, writableIndicator } from './entry-rules';
import { resolveUnit } from './resolve-unit';
import { planFiguresOf } from './plan-figures';

const levelNamesVi = { giao: 'kế hoạch giao', phan_dau: 'chỉ tiêu phấn đấu' } as const;

export const planHandlers: Pick<Handlers, 'plans.grid' | 'plans.set'> = {
  'plans.grid': ({ unitId, year }, { db, catalog }) => {
    const unit = resolveUnit(db, unitId);
    const plans = planFiguresOf(db, unit.id, year);
    const rows = catalog.all().filter((i) => i.active && i.kind !== 'group').map((i) => ({
      code: i.code,
      giao: plans.get(i.code)?.giao ?? null,
      phanDau: plans.get(i.code)?.phanDau ?? null,
    }));
    return { unitId: unit.id, year, rows };
  },

  'plans.set': ({ unitId, year, entries, source }, { db, catalog: catalogCache }) =>
    db.transaction(
      () => {
        const unit = resolveUnit(db, unitId);
        assertPlanWritable(db, unit.id, year);
        const catalog = new Map(catalogCache.all().map((i) => [i.code, i]));
        refuseDuplicates(
          entries.map((e) => `${e.code}|${e.level}`),
          (key) => {
            const [code, level] = key.split('|') as [string, keyof typeof levelNamesVi];
            return `${levelNamesVi[level]} của ${code}`;
          },
        );
        const { batchId, who, at } = newBatch(db);
        let changed = 0;
        for (const entry of entries) {
          const indicator = writableIndicator(catalog, entry.code);
          const next = entry.value === null ? null : enteredNumber(entry.code, entry.value);
          if (next !== null) refuseOutOfRange(indicator, next, () => planFigureLabelVi(entry.level, year));
          const current = findPlan(db, entry.code, unit.id, year, entry.level)?.value ?? null;
          if (current === next) continue;
          writePlan(db, { indicatorCode: entry.code, unitId: unit.id, year, level: entry.level, next, who, at, batchId, source: { kind: source } });
          changed++;
        }
        return { batchId: changed > 0 ? batchId : null, changed };
      },
      { behavior: 'immediate' },
    ),
};
