/**
 * Finds the indicator table on a sheet wherever it sits: the title block above it, its one or two header rows
 * (merged cells included), the row of column codes (A, B, 1, 2 …) under them, the indicator rows, and the
 * signature block (ngày … tháng … năm …, Người lập biểu) after them.
 */
import { foldVietnamese } from '../text/fold-vietnamese';
import type { CellRange } from '../spreadsheet/cell-reference';
import { cellOf, type SheetGrid } from '../spreadsheet/sheet-grid';
import { cellAddress, columnLetter, textOfCell } from './cells';
import { foldHeading, readHeading } from './headings';
import type { ColumnRole } from './roles';

export type { CellRange } from '../spreadsheet/cell-reference';
export { cellOf, type SheetGrid } from '../spreadsheet/sheet-grid';

export interface LayoutColumn {
  col: number;
  letter: string;
  /** The address of its heading cell. */
  cell: string | null;
  heading: string;
  /** From the heading alone; null when the vocabulary does not know it. */
  role: ColumnRole | null;
}

export interface TitleText {
  text: string;
  cell: string;
}

export interface TableLayout {
  headerRows: number[];
  firstDataRow: number;
  /** The last indicator row (before the signature block). */
  lastDataRow: number;
  columns: LayoutColumn[];
  titleTexts: TitleText[];
  /** "Đơn vị tính: triệu đồng" above the table: the unit of rows that do not state their own. */
  unitNote: TitleText | null;
  signature: string;
}

const maxHeaderSearchRows = 40;

class MergeIndex {
  private readonly byCell = new Map<string, CellRange>();
  constructor(merges: readonly CellRange[], maxRow: number) {
    for (const m of merges) {
      // Only the top of a sheet needs the lookup; a huge merge further down must not cost memory.
      if (m.top > maxRow) continue;
      const bottom = Math.min(m.bottom, maxRow);
      if ((bottom - m.top + 1) * (m.right - m.left + 1) > 5000) continue;
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= m.right; c++) this.byCell.set(`${r}:${c}`, m);
    }
  }
  at(row: number, col: number): CellRange | undefined {
    return this.byCell.get(`${row}:${col}`);
  }
}

/** The text a header cell shows: a cell covered by a merge shows the merge's top-left cell. */
function headerText(grid: SheetGrid, merges: MergeIndex, row: number, col: number): { text: string; master: string } {
  const merge = merges.at(row, col);
  const r = merge ? merge.top : row;
  const c = merge ? merge.left : col;
  return { text: textOfCell(cellOf(grid, r, c)), master: `${r}:${c}` };
}

function isColumnCodeRow(grid: SheetGrid, row: number): boolean {
  const cells = [...(grid.rows.get(row)?.values() ?? [])].map((c) => textOfCell(c)).filter((t) => t !== '');
  if (cells.length < 2) return false;
  return cells.every(
    (t) => t.length <= 16 && /^[()[\]0-9A-Za-z=*/+\-%x., ]+$/.test(t) && !/[a-z]{3,}/i.test(t.replace(/^\(|\)$/g, '')),
  );
}

const footerPattern =
  /(^|[ ,])ngay \.*\s*\d{0,2}\s*\.*\s*thang \.*\s*\d{0,2}\s*\.*\s*nam|nguoi lap bieu|nguoi lap|thu truong don vi|\(ky,? ghi ro ho ten|\(ky ten|ghi chu ?:|^noi nhan/;

/** Words the signature block starts with, in any spelling, to fold only the few cells that may be one. */
const marks = '[\u0300-\u036f]*';
const footerHint = new RegExp(
  `ng[aàáảãạ]${marks}y|ng[uư]${marks}[oơờớởỡợ]${marks}i|th[uủ]|k[yýỳ]|ghi|n[oơ]${marks}i`,
  'i',
);

function isFooterRow(grid: SheetGrid, row: number): boolean {
  for (const cell of grid.rows.get(row)?.values() ?? []) {
    if (cell.t !== 's' || !footerHint.test(cell.v)) continue;
    if (footerPattern.test(foldVietnamese(cell.v))) return true;
  }
  return false;
}

interface HeaderCandidate {
  row: number;
  score: number;
  hasName: boolean;
}

function scoreHeaderRow(grid: SheetGrid, merges: MergeIndex, row: number): HeaderCandidate {
  const seen = new Set<string>();
  let score = 0;
  let hasName = false;
  const cells = grid.rows.get(row);
  const cols = new Set<number>(cells?.keys() ?? []);
  for (let c = 1; c <= Math.min(grid.maxCol, 200); c++) if (merges.at(row, c)) cols.add(c);
  for (const c of cols) {
    const { text, master } = headerText(grid, merges, row, c);
    // A heading merged down from the row above belongs to that row's header.
    if (text === '' || seen.has(master) || Number(master.split(':')[0]) < row) continue;
    seen.add(master);
    const role = readHeading(text).role;
    if (!role) continue;
    score++;
    if (role.role === 'name' || role.role === 'code') hasName = true;
  }
  return { row, score, hasName };
}

function hasTextCells(grid: SheetGrid, row: number): boolean {
  for (const cell of grid.rows.get(row)?.values() ?? []) if (cell.t === 's' && cell.v.trim() !== '') return true;
  return false;
}

function hasNumberCells(grid: SheetGrid, row: number): boolean {
  for (const cell of grid.rows.get(row)?.values() ?? []) if (cell.t === 'n') return true;
  return false;
}

/** Whether the row under the header row is a second header row (sub-headings under merged headings). */
function isSecondHeaderRow(
  grid: SheetGrid,
  merges: readonly CellRange[],
  header: number,
  nameCol: number | null,
): boolean {
  const next = header + 1;
  if (merges.some((m) => m.top === header && m.bottom >= next)) return true;
  if (!hasTextCells(grid, next) || hasNumberCells(grid, next) || isColumnCodeRow(grid, next)) return false;
  if (nameCol !== null && textOfCell(cellOf(grid, next, nameCol)) !== '') return false;
  // Sub-headings stand under a merged heading or under an empty one.
  for (const [c, cell] of grid.rows.get(next) ?? []) {
    if (cell.t !== 's' || cell.v.trim() === '') continue;
    const above = cellOf(grid, header, c);
    const underMerge = merges.some(
      (m) => m.top === header && m.bottom === header && m.left <= c && c <= m.right && m.right > m.left,
    );
    if (underMerge || above === undefined || textOfCell(above) === '' || readHeading(cell.v).role !== null) return true;
  }
  return false;
}

/**
 * The column of names of a table whose name heading is empty: the column, left of the first figure heading,
 * where most rows under the header hold text. Null when no such column exists (the sheet is then no table).
 */
function textColumnLeftOfFigures(
  grid: SheetGrid,
  headings: ReadonlyMap<number, string>,
  firstDataRow: number,
): number | null {
  let firstFigure = Infinity;
  for (const [c, text] of headings) {
    const role = text === '' ? null : readHeading(text).role;
    if (role && (role.role === 'data' || role.role === 'percent')) firstFigure = Math.min(firstFigure, c);
  }
  let bestCol: number | null = null;
  let bestTexts = 0;
  for (let c = 1; c < Math.min(firstFigure, 40); c++) {
    if ((headings.get(c) ?? '') !== '') continue;
    let texts = 0;
    for (let r = firstDataRow; r < firstDataRow + 60 && r <= grid.maxRow; r++) {
      const cell = cellOf(grid, r, c);
      if (cell?.t === 's' && /\p{L}{2}/u.test(cell.v)) texts++;
    }
    if (texts > bestTexts) {
      bestTexts = texts;
      bestCol = c;
    }
  }
  return bestTexts >= 2 ? bestCol : null;
}

/** A short, stable fingerprint of a layout's headings (FNV-1a, two lanes): equal headings, equal signature. */
export function layoutSignature(parts: readonly string[]): string {
  const text = parts.join('\u241f');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')).slice(0, 16);
}

const unitNotePattern = /^\(?\s*(?:don vi tinh|dvt|don vi)\s*:\s*(.+?)\s*\)?$/;

/** The table of a sheet, or null when the sheet has none (a cover page, notes, an empty sheet). */
export function detectTable(grid: SheetGrid): TableLayout | null {
  const searchRows = Math.min(grid.maxRow, maxHeaderSearchRows);
  const merges = new MergeIndex(grid.merges, searchRows + 2);
  let best: HeaderCandidate | null = null;
  let unnamed: HeaderCandidate | null = null;
  for (let r = 1; r <= searchRows; r++) {
    if (!grid.rows.has(r) && !grid.merges.some((m) => m.top === r)) continue;
    const candidate = scoreHeaderRow(grid, merges, r);
    if (candidate.score < 2) continue;
    if (!candidate.hasName) {
      if (!unnamed || candidate.score > unnamed.score) unnamed = candidate;
      continue;
    }
    if (!best || candidate.score > best.score) best = candidate;
  }
  // The statistics office leaves the heading over its names empty: a row of figure headings is the header then,
  // and the names are the text column left of the figures.
  const chosen = best ?? unnamed;
  if (!chosen) return null;
  const header = chosen.row;

  // Columns from the first header row, to find the name column before deciding on a second header row.
  const lastCol = Math.min(grid.maxCol, 400);
  const firstPass = new Map<number, string>();
  for (let c = 1; c <= lastCol; c++) firstPass.set(c, headerText(grid, merges, header, c).text);
  let nameCol: number | null = null;
  for (const [c, text] of firstPass) {
    if (text !== '' && readHeading(text).role?.role === 'name') {
      nameCol = c;
      break;
    }
  }
  const twoRows = header < grid.maxRow && isSecondHeaderRow(grid, grid.merges, header, nameCol);
  const headerRows = twoRows ? [header, header + 1] : [header];
  let firstDataRow = header + headerRows.length;
  if (isColumnCodeRow(grid, firstDataRow)) firstDataRow++;
  const named = [...firstPass.values()].some((t) => t !== '' && readHeading(t).role?.role === 'name');
  const unnamedCol = named ? null : textColumnLeftOfFigures(grid, firstPass, firstDataRow);

  const columns: LayoutColumn[] = [];
  for (let c = 1; c <= lastCol; c++) {
    if (c === unnamedCol) {
      columns.push({ col: c, letter: columnLetter(c), cell: null, heading: '', role: { role: 'name' } });
      continue;
    }
    const upper = headerText(grid, merges, header, c);
    const lower = twoRows ? headerText(grid, merges, header + 1, c) : { text: '', master: '' };
    const lowerText = lower.master === upper.master ? '' : lower.text;
    if (upper.text === '' && lowerText === '') continue;
    const reading = readHeading(upper.text, lowerText);
    const at = upper.text !== '' ? upper.master : lower.master;
    const [r, cc] = at.split(':').map(Number);
    columns.push({
      col: c,
      letter: columnLetter(c),
      cell: cellAddress(r ?? header, cc ?? c),
      heading: reading.heading,
      role: reading.role,
    });
  }

  let lastDataRow = firstDataRow - 1;
  for (let r = firstDataRow; r <= grid.maxRow; r++) {
    if (!grid.rows.has(r)) continue;
    if (isFooterRow(grid, r)) break;
    lastDataRow = r;
  }

  const titleTexts: TitleText[] = [];
  const seenTitles = new Set<string>();
  for (let r = 1; r < header; r++) {
    for (const [c, cell] of grid.rows.get(r) ?? []) {
      const text = textOfCell(cell);
      if (text === '' || seenTitles.has(text)) continue;
      seenTitles.add(text);
      titleTexts.push({ text, cell: cellAddress(r, c) });
    }
  }
  let unitNote: TitleText | null = null;
  for (const t of titleTexts) {
    const m = unitNotePattern.exec(foldVietnamese(t.text));
    if (m?.[1]) {
      const colon = t.text.indexOf(':');
      unitNote = {
        text: t.text
          .slice(colon + 1)
          .replace(/\)\s*$/, '')
          .trim(),
        cell: t.cell,
      };
    }
  }

  const signature = layoutSignature([
    String(headerRows.length),
    ...columns.map((c) => `${c.letter}=${foldHeading(c.heading)}`),
  ]);
  return { headerRows, firstDataRow, lastDataRow, columns, titleTexts, unitNote, signature };
}
