/** The findings of one sheet, in the order they are found. */
import type { ImportFinding } from '../api/import-entities';

export class SheetFindings {
  readonly list: ImportFinding[] = [];

  constructor(readonly sheet: string) {}

  add(
    severity: ImportFinding['severity'],
    kind: string,
    message: string,
    cell: string | null = null,
    code: string | null = null,
  ): void {
    this.list.push({ severity, kind, message, sheet: this.sheet, cell, code });
  }
}
