import { writeGeneration } from '../../../db/access/write-generation';
import type { ChitieuDb } from '../../../db/connection';
import type { ValidationReport } from '../../../shared/api/validation-entities';

/**
 * Reports worked out under the data's present state: the grid, the header's count, Kiểm tra and a note all
 * ask for the same report between two writes. Rules about closed periods read the date, so a new day
 * starts afresh too. One set per open database, made and dropped with it.
 */
export class ValidationReports {
  private generation: string | null = null;
  private day: string | null = null;
  private reports = new Map<string, ValidationReport>();

  constructor(private readonly db: ChitieuDb) {}

  /** The reports that still stand, by `unitId|period`; a write or a new day empties them. */
  ofNow(): Map<string, ValidationReport> {
    const generation = writeGeneration(this.db);
    const day = new Date().toDateString();
    if (generation !== this.generation || day !== this.day) {
      this.generation = generation;
      this.day = day;
      this.reports = new Map();
    }
    return this.reports;
  }
}
