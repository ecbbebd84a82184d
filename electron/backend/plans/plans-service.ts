import { findPlan, writePlan } from '../../../db/access/plans';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../handler-types';
import { assertPlanWritable } from '../periods/period-states';
import { planFigureLabelVi } from '../../../shared/validation/figure-range';
import { newBatch } from '../changes/new-batch';
import { enteredNumber, refuseDuplicates, refuseOutOfRange, writableIndicator } from '../values/entry-rules';
import { resolveUnit } from '../units/resolve-unit';
import { planFiguresOf } from './plan-figures';

const levelNamesVi = { giao: 'kế hoạch giao', phan_dau: 'chỉ tiêu phấn đấu' } as const;

/** The plan figures of a unit's year, a row for every active indicator that holds figures. */
export function planGrid(
  { db, catalog }: Pick<HandlerContext, 'db' | 'catalog'>,
  { unitId, year }: ParsedInput<'plans.grid'>,
): OperationOutput<'plans.grid'> {
  const unit = resolveUnit(db, unitId);
  const plans = planFiguresOf(db, unit.id, year);
  const rows = catalog
    .all()
    .filter((i) => i.active && i.kind !== 'group')
    .map((i) => ({
      code: i.code,
      giao: plans.get(i.code)?.giao ?? null,
      phanDau: plans.get(i.code)?.phanDau ?? null,
    }));
  return { unitId: unit.id, year, rows };
}

/** The plan figures given, written as one batch; refused whole if one of them cannot be written. */
export function setPlans(
  { db, catalog: catalogCache }: Pick<HandlerContext, 'db' | 'catalog'>,
  { unitId, year, entries, source }: ParsedInput<'plans.set'>,
): OperationOutput<'plans.set'> {
  return db.transaction(
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
        writePlan(db, {
          indicatorCode: entry.code,
          unitId: unit.id,
          year,
          level: entry.level,
          next,
          who,
          at,
          batchId,
          source: { kind: source },
        });
        changed++;
      }
      return { batchId: changed > 0 ? batchId : null, changed };
    },
    { behavior: 'immediate' },
  );
}
