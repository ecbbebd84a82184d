import { listIndicators } from '../../../db/access/catalog';
import { dataVersion } from '../../../db/access/validation';
import type { ChitieuDb } from '../../../db/connection';
import type { Indicator } from '../../../shared/api/entities';
import { orderAsTree } from '../../../shared/catalog/catalog-tree';

/**
 * The catalog in tree order, read once and kept until it changes: every grid, save and check needs it, and
 * reading thousands of rows through the ORM each time cost more than the work itself. Catalog writes of this
 * backend call changed(); another process writing the file shows in SQLite's data_version.
 */
export class CatalogCache {
  private indicators: Indicator[] | null = null;
  private seenVersion: number;

  constructor(private readonly db: ChitieuDb) {
    this.seenVersion = dataVersion(db);
  }

  /** Every indicator, retired ones included, parents before their children. */
  all(): Indicator[] {
    const version = dataVersion(this.db);
    if (version !== this.seenVersion) {
      this.indicators = null;
      this.seenVersion = version;
    }
    this.indicators ??= orderAsTree(listIndicators(this.db)).map(({ depth: _depth, ...indicator }) => indicator);
    return this.indicators;
  }

  changed(): void {
    this.indicators = null;
  }
}
