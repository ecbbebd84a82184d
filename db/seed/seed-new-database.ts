import { count } from 'drizzle-orm';
import { parseCatalogCsv } from '../../shared/catalog/default-catalog';
import type { ChitieuDb } from '../connection';
import { indicators, reportingUnits } from '../schema';
import defaultCatalogCsv from './default-indicators.csv?raw';

export const provinceUnitCode = 'TINH';

/**
 * A database with no indicator and no unit is new (indicators are retired, never deleted), so it gets the
 * department's default catalog and its one province unit, in one transaction.
 */
export function seedNewDatabase(db: ChitieuDb): void {
  db.transaction(
    (tx) => {
      const [indicatorCount] = tx.select({ n: count() }).from(indicators).all();
      const [unitCount] = tx.select({ n: count() }).from(reportingUnits).all();
      if ((indicatorCount?.n ?? 0) > 0 || (unitCount?.n ?? 0) > 0) return;
      parseCatalogCsv(defaultCatalogCsv).forEach((row, i) => {
        tx.insert(indicators)
          .values({ ...row, aliases: [], sortOrder: (i + 1) * 10, active: true })
          .run();
      });
      tx.insert(reportingUnits).values({ code: provinceUnitCode, name: 'Toàn tỉnh', kind: 'province' }).run();
    },
    { behavior: 'immediate' },
  );
}
