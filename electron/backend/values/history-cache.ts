import { dataVersion, enteredHistory } from '../../../db/access/validation';
import type { ChitieuDb } from '../../../db/connection';
import { indexEnteredFigures, type EnteredFigures, type EnteredValue } from '../../../shared/figures/entered-figures';
import { ValidationReports } from '../validation/validation-reports';

/**
 * The entered figures of each unit, kept in memory after the first validation: reading ten years of a large
 * catalog back from SQLite on every saved cell would cost seconds, and every write goes through this backend,
 * which tells the cache what it changed once the transaction has committed. Writes by another process on
 * the same file show in SQLite's data_version and empty the cache.
 */
export class HistoryCache {
  private readonly units = new Map<number, Map<string, Map<string, EnteredValue>>>();
  private seenVersion: number;
  /** The validation reports worked out from these figures, kept while the data stays as it was. */
  readonly reports: ValidationReports;

  constructor(private readonly db: ChitieuDb) {
    this.seenVersion = dataVersion(db);
    this.reports = new ValidationReports(db);
  }

  entered(unitId: number): EnteredFigures {
    // Another process (chitieu values set beside the open app) may have written: then start afresh.
    const version = dataVersion(this.db);
    if (version !== this.seenVersion) {
      this.units.clear();
      this.seenVersion = version;
    }
    let unit = this.units.get(unitId);
    if (!unit) {
      unit = indexEnteredFigures(enteredHistory(this.db, unitId));
      this.units.set(unitId, unit);
    }
    return unit;
  }

  /**
   * After a commit: the figure now stored for (unit, indicator, period), or null where it was removed. The
   * indicator gets a new map (see EnteredFigures): validation remembers baselines by the map they came from.
   */
  written(
    unitId: number,
    indicatorCode: string,
    period: string,
    next: { value: number; status: EnteredValue['status'] } | null,
  ): void {
    const unit = this.units.get(unitId);
    if (!unit) return;
    const periods = new Map(unit.get(indicatorCode));
    if (next === null) periods.delete(period);
    else periods.set(period, { indicatorCode, period, value: next.value, status: next.status });
    unit.set(indicatorCode, periods);
  }

  /** For writes too many or too scattered to replay: the unit is read again on its next validation. */
  forget(unitId: number): void {
    this.units.delete(unitId);
  }
}
