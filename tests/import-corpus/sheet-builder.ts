import type { Figure, SheetSpec } from '../support/workbooks';
import type { FigureStatus, RefusedCell, TruthFigure } from './truth';

/** Where a column's figures belong: a period with its status (null: the heading does not say), or a plan. */
export type Target = { period: string; status: FigureStatus | null } | { plan: string };

/** An indicator of the catalog and the factor from the file's unit to the catalog's (triệu đồng → tỷ đồng: 0.001). */
export interface Landing {
  code: string;
  factor: number;
}

export type ColumnSpec =
  | { id: string; kind: 'stt' | 'name' | 'unit' | 'blank'; heading: string; group?: string; code?: string }
  | {
      id: string;
      kind: 'data';
      heading: string;
      group?: string;
      code?: string;
      /** null: a comparison, a ratio or a figure of nothing in the catalog; stored nowhere. */
      target: Target | null;
      /** How many months' worth of a row's monthly figure the column holds; 'pct' for a comparison in percent. */
      scale: number | 'pct';
      /** Which of a row's landings the column takes (quantity or value columns side by side). */
      measure?: string;
    };

export type DataColumn = Extract<ColumnSpec, { kind: 'data' }>;

/** A cell written by hand: `truth` is what the clerk reads from it (a number) or 'none' (nothing to key in). */
export interface CellOverride {
  cell: Figure;
  truth?: number | 'none';
  format?: string;
  /** The cell must be refused with an error, for this reason. */
  refuse?: string;
  /** Whether it is a figure cell at all (prose, "-" and "x" are not); by default: a number, formula or truth. */
  figure?: boolean;
}

export interface RowSpec {
  stt?: Figure;
  name: string;
  unit?: string;
  /** Where its figures land; a record by measure for quantity and value columns; absent: nowhere. */
  land?: Landing | Record<string, Landing>;
  /** A month's figure in the file's unit; absent: a heading row without figures. */
  base?: number;
  /** The same by measure, for quantity and value columns side by side. */
  bases?: Record<string, number>;
  /** An index: every figure near 100 whatever the period. */
  index?: boolean;
  decimals?: number;
  /** Ids or measures of the columns it has figures in. */
  only?: string[];
  cells?: Record<string, CellOverride>;
  format?: string;
}

export interface TableSpec {
  columns: ColumnSpec[];
  twoRowHeader?: boolean;
  codeRow?: boolean;
  rows: RowSpec[];
  /** The column the table starts in (1 = A). */
  startColumn?: number;
}

/** A deterministic generator (mulberry32), so that every run builds the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The province's title block: the department on the left, the national motto on the right. */
export function titleBlock(width: number, left = 'UBND TỈNH BÌNH PHƯỚC', office = 'SỞ CÔNG THƯƠNG'): Figure[][] {
  const right = Math.max(4, width - 3);
  const line = (a: string, b: string) => {
    const cells: Figure[] = Array.from({ length: right }, () => null);
    cells[0] = a;
    cells[right - 1] = b;
    return cells;
  };
  return [line(left, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), line(office, 'Độc lập - Tự do - Hạnh phúc')];
}

function isLanding(land: Landing | Record<string, Landing>): land is Landing {
  return typeof land.code === 'string';
}

function isFormula(cell: Figure): cell is { formula: string; result?: number | string } {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** A sheet laid out row by row, keeping the truth of every figure it writes. */
export class SheetBuilder {
  readonly rows: Figure[][] = [];
  readonly merges: string[] = [];
  readonly formats: Record<string, string> = {};
  readonly truth: TruthFigure[] = [];
  readonly refused: RefusedCell[] = [];
  readonly filledCells: string[] = [];

  constructor(
    readonly name: string,
    private readonly rng: () => number,
  ) {}

  get nextRow(): number {
    return this.rows.length + 1;
  }

  line(...cells: Figure[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  /** A text on its own line, merged across `width` columns as titles are. */
  title(text: string, width: number, column = 1): number {
    const cells: Figure[] = Array.from({ length: column - 1 }, () => null);
    cells.push(text);
    const row = this.line(...cells);
    if (width > 1) this.merges.push(`${columnLetter(column)}${row}:${columnLetter(column + width - 1)}${row}`);
    return row;
  }

  blank(count = 1): void {
    for (let i = 0; i < count; i++) this.line();
  }

  /** The place and date, then the signature block. */
  signatures(width: number, place = 'Bình Phước'): void {
    const col = Math.max(3, width - 2);
    this.blank();
    const dated: Figure[] = Array.from({ length: col }, () => null);
    dated[col - 1] = `${place}, ngày 05 tháng 02 năm 2026`;
    this.line(...dated);
    const who: Figure[] = Array.from({ length: col }, () => null);
    who[1] = 'Người lập biểu';
    who[col - 1] = 'Thủ trưởng đơn vị';
    this.line(...who);
    const sign: Figure[] = Array.from({ length: col }, () => null);
    sign[1] = '(Ký, ghi rõ họ tên)';
    sign[col - 1] = '(Ký tên, đóng dấu)';
    this.line(...sign);
    const names: Figure[] = Array.from({ length: col }, () => null);
    names[1] = 'Nguyễn Văn An';
    names[col - 1] = 'Trần Thị Bình';
    this.line(...names);
  }

  table(spec: TableSpec): void {
    const start = spec.startColumn ?? 1;
    const letters = spec.columns.map((_, i) => columnLetter(start + i));
    const at = (cells: Figure[], i: number, value: Figure) => {
      cells[start - 1 + i] = value;
    };
    const empty = (): Figure[] => Array.from({ length: start - 1 + spec.columns.length }, () => null);

    if (spec.twoRowHeader) {
      const top = empty();
      const bottom = empty();
      const topRow = this.nextRow;
      spec.columns.forEach((column, i) => {
        if (column.group === undefined) {
          at(top, i, column.heading);
          this.merges.push(`${letters[i]}${topRow}:${letters[i]}${topRow + 1}`);
          return;
        }
        at(bottom, i, column.heading);
        if (spec.columns[i - 1]?.group === column.group) return;
        at(top, i, column.group);
        let last = i;
        while (spec.columns[last + 1]?.group === column.group) last++;
        if (last > i) this.merges.push(`${letters[i]}${topRow}:${letters[last]}${topRow}`);
      });
      this.line(...top);
      this.line(...bottom);
    } else {
      const heading = empty();
      spec.columns.forEach((column, i) =>
        at(heading, i, column.group && column.kind === 'data' ? `${column.group} ${column.heading}` : column.heading),
      );
      this.line(...heading);
    }
    if (spec.codeRow) {
      const codes = empty();
      let n = 1;
      spec.columns.forEach((column, i) => {
        const fallback =
          column.kind === 'stt'
            ? 'A'
            : column.kind === 'name'
              ? 'B'
              : column.kind === 'unit'
                ? 'C'
                : column.kind === 'data'
                  ? n++
                  : null;
        at(codes, i, column.code ?? fallback);
      });
      this.line(...codes);
    }

    for (const row of spec.rows) {
      const cells = empty();
      const rowNumber = this.nextRow;
      spec.columns.forEach((column, i) => {
        const address = `${letters[i]}${rowNumber}`;
        if (column.kind === 'stt') at(cells, i, row.stt ?? null);
        else if (column.kind === 'name') at(cells, i, row.name);
        else if (column.kind === 'unit') at(cells, i, row.unit ?? null);
        else if (column.kind === 'data') at(cells, i, this.dataCell(row, column, address));
      });
      this.line(...cells);
    }
  }

  private landingOf(row: RowSpec, column: DataColumn): Landing | null {
    const land = row.land;
    if (land === undefined) return null;
    if (isLanding(land)) return land;
    return land[column.measure ?? ''] ?? null;
  }

  private dataCell(row: RowSpec, column: DataColumn, address: string): Figure {
    const override = row.cells?.[column.id];
    const landing = this.landingOf(row, column);
    const record = (value: number) => {
      if (landing && column.target) {
        const target = column.target;
        this.truth.push({
          sheet: this.name,
          cell: address,
          code: landing.code,
          period: 'plan' in target ? target.plan : target.period,
          status: 'plan' in target ? null : target.status,
          value: value * landing.factor,
        });
      }
    };
    if (override) {
      const isFigure =
        override.figure ??
        (typeof override.cell === 'number' ||
          isFormula(override.cell) ||
          typeof override.truth === 'number' ||
          override.refuse !== undefined);
      if (isFigure) this.filledCells.push(`${this.name}!${address}`);
      if (override.format) this.formats[address] = override.format;
      if (override.refuse !== undefined) this.refused.push({ sheet: this.name, cell: address, why: override.refuse });
      else if (override.truth !== 'none') {
        const read =
          override.truth ??
          (typeof override.cell === 'number'
            ? override.cell
            : isFormula(override.cell) && typeof override.cell.result === 'number'
              ? override.cell.result
              : undefined);
        if (read !== undefined) record(read);
      }
      return override.cell;
    }
    const base = (column.measure !== undefined ? row.bases?.[column.measure] : undefined) ?? row.base;
    if (base === undefined) return null;
    if (row.only && !row.only.includes(column.id) && !(column.measure && row.only.includes(column.measure)))
      return null;
    let value: number;
    if (column.scale === 'pct') {
      if (row.index) return null;
      value = round(88 + this.rng() * 40, 1);
    } else if (row.index) {
      // A plan for an index is a growth target (108,9 for "tăng 8,9%"); published indices move around 100.
      value =
        column.target && 'plan' in column.target ? round(105 + this.rng() * 7, 1) : round(96 + this.rng() * 14, 2);
    } else {
      value = round(base * column.scale * (0.9 + this.rng() * 0.2), row.decimals ?? (base >= 1000 ? 0 : 1));
    }
    if (row.format) this.formats[address] = row.format;
    this.filledCells.push(`${this.name}!${address}`);
    record(value);
    return value;
  }

  spec(): SheetSpec {
    return { name: this.name, rows: this.rows, merges: this.merges, formats: this.formats };
  }
}
