/**
 * The figures a sheet's import would write, kept as parallel typed arrays (row, column, indicator, period,
 * figures, status, change, the figure stored now): a workbook of twenty years brings half a million of them, and
 * an object each would hold hundreds of megabytes while the clerk decides. A figure becomes an object only when
 * it is asked for: for a page of the preview, or one at a time for the commit.
 */
import type { PreviewValue, ValueChange, ValueChangeCounts, ValueFilter } from '../api/import-entities';
import { passesValueFilter, valueChanges } from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import type { CellReading } from '../spreadsheet/cell-reading';
import { cellAddress, columnLetter } from '../spreadsheet/cell-reference';
import { cellOf, type SheetGrid } from '../spreadsheet/sheet-grid';
import { targetKey, type ResolvedTarget } from './roles';

/**
 * A figure the commit would write, with where it came from. Its words (the period's label, the cell as shown)
 * are made only for the page the clerk looks at (see previewValueOf).
 */
export type PlannedValue = Omit<PreviewValue, 'label' | 'shown' | 'evidence'> & {
  source: CellReading | undefined;
  /** Why its row is its indicator, and its column its period: shared by every figure of the row and column. */
  rowEvidence: string;
  columnEvidence: string;
};

/** What planning a figure decides; the rest (its cell, its source, its column's evidence) follows from where it is. */
export interface NewPlannedValue {
  row: number;
  col: number;
  code: string;
  target: ResolvedTarget;
  read: number;
  value: number;
  status: ValueStatus | null;
  current: { value: number; status: ValueStatus | null; comment: string | null } | null;
  change: ValueChange;
  rowEvidence: string;
}

const statuses: readonly (ValueStatus | null)[] = [null, 'actual', 'estimate'];

function statusCode(status: ValueStatus | null): number {
  return statuses.indexOf(status);
}

/** A list of strings kept once each, by number. */
class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(text);
      this.index.set(text, at);
    }
    return at;
  }
}

function grown<T extends Uint8Array | Float64Array | Int32Array>(array: T, size: number, make: (n: number) => T): T {
  if (size < array.length) return array;
  const bigger = make(Math.max(256, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class PlannedValues {
  private count = 0;
  private rows = new Int32Array(0);
  private cols = new Int32Array(0);
  /** Indicator and target, as numbers into `codes` and `targets`. */
  private codeIds = new Int32Array(0);
  private targetIds = new Int32Array(0);
  private reads = new Float64Array(0);
  private values = new Float64Array(0);
  private statusCodes = new Uint8Array(0);
  private changes = new Uint8Array(0);
  /** The figure stored now: its status code plus one (0: nothing stored), value and comment (-1: none). */
  private currentStatus = new Uint8Array(0);
  private currentValues = new Float64Array(0);
  private currentComments = new Int32Array(0);
  private rowEvidences = new Int32Array(0);
  private readonly codeTable = new StringTable();
  private readonly targetList: ResolvedTarget[] = [];
  private readonly targetIndex = new Map<string, number>();
  private readonly texts = new StringTable();

  constructor(
    /** The sheet the figures are read from: a figure's cell as it shows comes from there when asked for. */
    private readonly grid: SheetGrid | null,
    /** Why each column (by letter) is its period. */
    private readonly columnEvidence: ReadonlyMap<string, string> = new Map(),
  ) {}

  get length(): number {
    return this.count;
  }

  /** The indicator codes and targets of this sheet's figures, each once. */
  get codes(): readonly string[] {
    return this.codeTable.list;
  }

  get targets(): readonly ResolvedTarget[] {
    return this.targetList;
  }

  private targetId(target: ResolvedTarget): number {
    const key = targetKey(target);
    let at = this.targetIndex.get(key);
    if (at === undefined) {
      at = this.targetList.length;
      this.targetList.push(target);
      this.targetIndex.set(key, at);
    }
    return at;
  }

  private grow(): void {
    // Checked once here rather than in each array's grown(): its closures were allocated for every figure.
    if (this.count < this.rows.length) return;
    const n = this.count;
    this.rows = grown(this.rows, n, (k) => new Int32Array(k));
    this.cols = grown(this.cols, n, (k) => new Int32Array(k));
    this.codeIds = grown(this.codeIds, n, (k) => new Int32Array(k));
    this.targetIds = grown(this.targetIds, n, (k) => new Int32Array(k));
    this.reads = grown(this.reads, n, (k) => new Float64Array(k));
    this.values = grown(this.values, n, (k) => new Float64Array(k));
    this.statusCodes = grown(this.statusCodes, n, (k) => new Uint8Array(k));
    this.changes = grown(this.changes, n, (k) => new Uint8Array(k));
    this.currentStatus = grown(this.currentStatus, n, (k) => new Uint8Array(k));
    this.currentValues = grown(this.currentValues, n, (k) => new Float64Array(k));
    this.currentComments = grown(this.currentComments, n, (k) => new Int32Array(k));
    this.rowEvidences = grown(this.rowEvidences, n, (k) => new Int32Array(k));
  }

  add(v: NewPlannedValue): void {
    this.grow();
    const i = this.count++;
    this.rows[i] = v.row;
    this.cols[i] = v.col;
    this.codeIds[i] = this.codeTable.of(v.code);
    this.targetIds[i] = this.targetId(v.target);
    this.reads[i] = v.read;
    this.values[i] = v.value;
    this.statusCodes[i] = statusCode(v.status);
    this.changes[i] = valueChanges.indexOf(v.change);
    this.currentStatus[i] = v.current ? statusCode(v.current.status) + 1 : 0;
    this.currentValues[i] = v.current?.value ?? 0;
    this.currentComments[i] = v.current?.comment == null ? -1 : this.texts.of(v.current.comment);
    this.rowEvidences[i] = this.texts.of(v.rowEvidence);
  }

  /** Gives back the room kept for more figures, once the sheet is planned. */
  trim(): void {
    const n = this.count;
    this.rows = this.rows.slice(0, n);
    this.cols = this.cols.slice(0, n);
    this.codeIds = this.codeIds.slice(0, n);
    this.targetIds = this.targetIds.slice(0, n);
    this.reads = this.reads.slice(0, n);
    this.values = this.values.slice(0, n);
    this.statusCodes = this.statusCodes.slice(0, n);
    this.changes = this.changes.slice(0, n);
    this.currentStatus = this.currentStatus.slice(0, n);
    this.currentValues = this.currentValues.slice(0, n);
    this.currentComments = this.currentComments.slice(0, n);
    this.rowEvidences = this.rowEvidences.slice(0, n);
  }

  changeAt(i: number): ValueChange {
    return valueChanges[this.changes[i] ?? 0] ?? 'new';
  }

  setChange(i: number, change: ValueChange): void {
    this.changes[i] = valueChanges.indexOf(change);
  }

  codeAt(i: number): string {
    return this.codeTable.list[this.codeIds[i] ?? 0] ?? '';
  }

  codeIdAt(i: number): number {
    return this.codeIds[i] ?? 0;
  }

  targetAt(i: number): ResolvedTarget {
    return this.targetList[this.targetIds[i] ?? 0] ?? { kind: 'value', period: '' };
  }

  targetIdAt(i: number): number {
    return this.targetIds[i] ?? 0;
  }

  valueAt(i: number): number {
    return this.values[i] ?? 0;
  }

  statusAt(i: number): ValueStatus | null {
    return statuses[this.statusCodes[i] ?? 0] ?? null;
  }

  rowAt(i: number): number {
    return this.rows[i] ?? 0;
  }

  colAt(i: number): number {
    return this.cols[i] ?? 0;
  }

  /** Whether a figure is stored now where this one would go, and what it is. */
  hasCurrent(i: number): boolean {
    return (this.currentStatus[i] ?? 0) !== 0;
  }

  currentValueAt(i: number): number | null {
    return this.hasCurrent(i) ? (this.currentValues[i] ?? 0) : null;
  }

  currentStatusAt(i: number): ValueStatus | null {
    const stored = this.currentStatus[i] ?? 0;
    return stored === 0 ? null : (statuses[stored - 1] ?? null);
  }

  currentCommentAt(i: number): string | null {
    const comment = this.currentComments[i] ?? -1;
    return comment < 0 ? null : (this.texts.list[comment] ?? null);
  }

  rowEvidenceAt(i: number): string {
    return this.texts.list[this.rowEvidences[i] ?? 0] ?? '';
  }

  columnEvidenceAt(i: number): string {
    return this.columnEvidence.get(this.columnAt(i)) ?? '';
  }

  cellAt(i: number): string {
    return cellAddress(this.rows[i] ?? 0, this.cols[i] ?? 0);
  }

  columnAt(i: number): string {
    return columnLetter(this.cols[i] ?? 0);
  }

  /** Figure number i as an object of its own. */
  at(i: number): PlannedValue {
    const row = this.rows[i] ?? 0;
    const col = this.cols[i] ?? 0;
    const column = columnLetter(col);
    const current = this.currentValueAt(i);
    return {
      cell: cellAddress(row, col),
      row,
      column,
      code: this.codeAt(i),
      target: this.targetAt(i),
      source: this.grid ? cellOf(this.grid, row, col) : undefined,
      read: this.reads[i] ?? 0,
      value: this.valueAt(i),
      status: this.statusAt(i),
      current:
        current === null
          ? null
          : { value: current, status: this.currentStatusAt(i), comment: this.currentCommentAt(i) },
      change: this.changeAt(i),
      rowEvidence: this.rowEvidenceAt(i),
      columnEvidence: this.columnEvidence.get(column) ?? '',
    };
  }

  *[Symbol.iterator](): IterableIterator<PlannedValue> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  /** The figures that pass `keep`, as objects: for a few of them (the commit reads them one at a time instead). */
  filter(keep: (value: PlannedValue) => boolean): PlannedValue[] {
    const out: PlannedValue[] = [];
    for (const v of this) if (keep(v)) out.push(v);
    return out;
  }

  changeCounts(): ValueChangeCounts {
    const counts: ValueChangeCounts = { new: 0, changed: 0, same: 0, kept: 0, duplicate: 0, conflict: 0 };
    for (let i = 0; i < this.count; i++) counts[this.changeAt(i)]++;
    return counts;
  }

  /** Positions of the figures that pass the filter, offset and limit taken; and how many pass in all. */
  page(filter: ValueFilter, offset: number, limit: number): { total: number; indexes: number[] } {
    const indexes: number[] = [];
    let total = 0;
    for (let i = 0; i < this.count; i++) {
      if (!passesValueFilter(this.changeAt(i), filter)) continue;
      if (total >= offset && indexes.length < limit) indexes.push(i);
      total++;
    }
    return { total, indexes };
  }
}
