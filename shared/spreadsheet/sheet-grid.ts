import type { CellReading } from './cell-reading';
import type { CellRange } from './cell-reference';

/** The cells of one row, by column number (a Map of them reads the same). */
export interface RowCells {
  get(col: number): CellReading | undefined;
  keys(): IterableIterator<number>;
  values(): IterableIterator<CellReading>;
  entries(): IterableIterator<[number, CellReading]>;
  [Symbol.iterator](): IterableIterator<[number, CellReading]>;
  readonly size: number;
}

/** The rows of a sheet that hold a cell, by row number (a Map of Maps reads the same). */
export interface SheetRows {
  get(row: number): RowCells | undefined;
  has(row: number): boolean;
  keys(): IterableIterator<number>;
  values(): IterableIterator<RowCells>;
  entries(): IterableIterator<[number, RowCells]>;
  [Symbol.iterator](): IterableIterator<[number, RowCells]>;
  readonly size: number;
}

/** The cells of one sheet, as read from the file. */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  rows: SheetRows;
  maxRow: number;
  maxCol: number;
  merges: CellRange[];
}

export function cellOf(grid: SheetGrid, row: number, col: number): CellReading | undefined {
  return grid.rows.get(row)?.get(col);
}

const types = ['n', 's', 'b', 'e', 'f', 'd'] as const;
const typeMask = 7;
const percentFlag = 8;

/** Cell number i of a packed sheet as the reading it was made from. */
function readingAt(cells: PackedCells, i: number): CellReading {
  const kind = cells.kinds[i] ?? 0;
  const text = cells.strings[cells.texts[i] ?? -1];
  const formula = cells.formulas.get(i);
  const withFormula = <T extends CellReading>(reading: T): T => {
    if (formula !== undefined) (reading as { formula?: string }).formula = formula;
    return reading;
  };
  switch (types[kind & typeMask]) {
    case 'n':
      return withFormula(
        (kind & percentFlag) !== 0
          ? { t: 'n', v: cells.numbers[i] ?? 0, percent: true }
          : { t: 'n', v: cells.numbers[i] ?? 0 },
      );
    case 's':
      return withFormula({ t: 's', v: text ?? '' });
    case 'b':
      return withFormula({ t: 'b', v: cells.numbers[i] === 1 });
    case 'e':
      return withFormula({ t: 'e', v: text ?? '' });
    case 'f':
      return { t: 'f', formula: formula ?? '' };
    default:
      return { t: 'd', v: text ?? '' };
  }
}

interface PackedCells {
  /** Row numbers that hold a cell, ascending, and where each row's cells start (one more entry: the end). */
  rowNumbers: Int32Array;
  rowStarts: Int32Array;
  /** Per cell, in row then column order. */
  cols: Int32Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  texts: Int32Array;
  /** The few cells with a formula, by cell number. */
  formulas: Map<number, string>;
  strings: string[];
}

class PackedRow implements RowCells {
  constructor(
    private readonly cells: PackedCells,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  get(col: number): CellReading | undefined {
    const cols = this.cells.cols;
    let lo = this.start;
    let hi = this.end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = cols[mid] ?? 0;
      if (c === col) return readingAt(this.cells, mid);
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *keys(): IterableIterator<number> {
    for (let i = this.start; i < this.end; i++) yield this.cells.cols[i] ?? 0;
  }

  *values(): IterableIterator<CellReading> {
    for (let i = this.start; i < this.end; i++) yield readingAt(this.cells, i);
  }

  *entries(): IterableIterator<[number, CellReading]> {
    for (let i = this.start; i < this.end; i++) yield [this.cells.cols[i] ?? 0, readingAt(this.cells, i)];
  }

  [Symbol.iterator](): IterableIterator<[number, CellReading]> {
    return this.entries();
  }
}

class PackedRows implements SheetRows {
  constructor(private readonly cells: PackedCells) {}

  get size(): number {
    return this.cells.rowNumbers.length;
  }

  private indexOf(row: number): number {
    const rows = this.cells.rowNumbers;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = rows[mid] ?? 0;
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  has(row: number): boolean {
    return this.indexOf(row) >= 0;
  }

  get(row: number): RowCells | undefined {
    const at = this.indexOf(row);
    return at < 0 ? undefined : this.rowAt(at);
  }

  private rowAt(at: number): RowCells {
    return new PackedRow(this.cells, this.cells.rowStarts[at] ?? 0, this.cells.rowStarts[at + 1] ?? 0);
  }

  *keys(): IterableIterator<number> {
    yield* this.cells.rowNumbers;
  }

  *values(): IterableIterator<RowCells> {
    for (let at = 0; at < this.cells.rowNumbers.length; at++) yield this.rowAt(at);
  }

  *entries(): IterableIterator<[number, RowCells]> {
    for (let at = 0; at < this.cells.rowNumbers.length; at++) yield [this.cells.rowNumbers[at] ?? 0, this.rowAt(at)];
  }

  [Symbol.iterator](): IterableIterator<[number, RowCells]> {
    return this.entries();
  }
}

function grown<T extends Uint8Array | Float64Array | Int32Array>(array: T, size: number, make: (n: number) => T): T {
  if (size < array.length) return array;
  const bigger = make(Math.max(64, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Packs a sheet's cells as they are read into a few typed arrays: about 17 bytes a cell where a Map of objects
 * takes ten times that, so that a workbook of half a million figures stays small while the clerk decides. Texts
 * are kept once each, however many cells repeat them. Cells may come in any order; a cell given twice keeps
 * the last.
 */
export class SheetGridBuilder {
  private rows: number[] = [];
  private cols = new Int32Array(0);
  private kinds = new Uint8Array(0);
  private numbers = new Float64Array(0);
  private texts = new Int32Array(0);
  private readonly formulas = new Map<number, string>();
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private count = 0;
  private ordered = true;
  private lastRow = 0;
  private lastCol = 0;
  private maxRow = 0;
  private maxCol = 0;

  get cells(): number {
    return this.count;
  }

  private text(value: string): number {
    let at = this.stringIndex.get(value);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(value);
      this.stringIndex.set(value, at);
    }
    return at;
  }

  add(row: number, col: number, cell: CellReading): void {
    const i = this.count++;
    this.cols = grown(this.cols, i, (n) => new Int32Array(n));
    this.kinds = grown(this.kinds, i, (n) => new Uint8Array(n));
    this.numbers = grown(this.numbers, i, (n) => new Float64Array(n));
    this.texts = grown(this.texts, i, (n) => new Int32Array(n));
    if (row < this.lastRow || (row === this.lastRow && col <= this.lastCol)) this.ordered = false;
    this.lastRow = row;
    this.lastCol = col;
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
    this.rows.push(row);
    this.cols[i] = col;
    this.kinds[i] = types.indexOf(cell.t) | (cell.t === 'n' && cell.percent ? percentFlag : 0);
    this.numbers[i] = cell.t === 'n' ? cell.v : cell.t === 'b' ? (cell.v ? 1 : 0) : 0;
    this.texts[i] = cell.t === 's' || cell.t === 'e' || cell.t === 'd' ? this.text(cell.v) : -1;
    if ('formula' in cell && cell.formula !== undefined) this.formulas.set(i, cell.formula);
  }

  finish(name: string, hidden: boolean, merges: CellRange[]): SheetGrid {
    const order = this.cellOrder();
    const rowNumbers: number[] = [];
    const rowStarts: number[] = [];
    const cols = new Int32Array(order.length);
    const kinds = new Uint8Array(order.length);
    const numbers = new Float64Array(order.length);
    const texts = new Int32Array(order.length);
    const formulas = new Map<number, string>();
    order.forEach((from, to) => {
      const row = this.rows[from] ?? 0;
      if (rowNumbers[rowNumbers.length - 1] !== row) {
        rowNumbers.push(row);
        rowStarts.push(to);
      }
      cols[to] = this.cols[from] ?? 0;
      kinds[to] = this.kinds[from] ?? 0;
      numbers[to] = this.numbers[from] ?? 0;
      texts[to] = this.texts[from] ?? -1;
      const formula = this.formulas.get(from);
      if (formula !== undefined) formulas.set(to, formula);
    });
    rowStarts.push(order.length);
    const packed: PackedCells = {
      rowNumbers: Int32Array.from(rowNumbers),
      rowStarts: Int32Array.from(rowStarts),
      cols,
      kinds,
      numbers,
      texts,
      formulas,
      strings: this.strings,
    };
    return { name, hidden, rows: new PackedRows(packed), maxRow: this.maxRow, maxCol: this.maxCol, merges };
  }

  /** The cells in row then column order, a cell given twice once (its last reading). */
  private cellOrder(): number[] {
    const all = Array.from({ length: this.count }, (_, i) => i);
    if (this.ordered) return all;
    all.sort((a, b) => (this.rows[a] ?? 0) - (this.rows[b] ?? 0) || (this.cols[a] ?? 0) - (this.cols[b] ?? 0) || a - b);
    return all.filter((i, at) => {
      const next = all[at + 1];
      return next === undefined || this.rows[next] !== this.rows[i] || this.cols[next] !== this.cols[i];
    });
  }
}
