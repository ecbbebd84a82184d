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

  /** A cell that should hold a number but does not (a formula without its result, text): said with its reason. */
  unreadableCell(
    at: { address: string; isFormula: boolean },
    code: string,
    heading: string,
    reason: string,
    consequence = '',
  ): void {
    this.add(
      'warning',
      at.isFormula ? 'formula-without-result' : 'not-a-number',
      `${this.sheet}!${at.address} (${code}, cột "${heading}"): ${reason}${consequence}`,
      at.address,
      code,
    );
  }
}
