/**
 * Writes one report sheet the way the best hand-made workbooks look (domain.md, "Layout of the
 * workbooks"): the title block, the form number, the title with the period, the "Đơn vị tính" note, a two-row
 * header with merged cells, the row of column codes, the indicator rows, the note of an export made despite
 * validation errors, the date line and the signature block; Times New Roman, A4 landscape fitted to the page
 * width with the header rows repeated, panes frozen under the header and right of the names.
 */
import { committeeLine } from '../../../shared/report/committee-line';
import { signerTitleLines } from '../../../shared/report/signer-title';
import { columnLetter } from '../../../shared/import/cells';
import { figureDecimals } from '../../../shared/numbers/vi-number';
import type { CellStyle, CellValue, WorkbookWriter } from '../xlsx/spreadsheet-ml';

export const fontName = 'Times New Roman';

/** A figure cell: a number, a formula with the result it computes (cached for readers that do not recalculate), or text. */
export type CellContent =
  | { kind: 'number'; value: number }
  | { kind: 'formula'; formula: string; result: number }
  | { kind: 'text'; text: string }
  | null;

export interface SheetColumn {
  top: string;
  /** The lower heading under a merged upper one; null when the upper heading covers both rows. */
  sub: string | null;
  code: string;
  width: number;
  kind: 'label' | 'figure' | 'percent' | 'note';
}

export interface SheetRow {
  stt: string;
  name: string;
  unit: string;
  depth: number;
  bold: boolean;
  /** Shaded: an index or ratio on a total sheet, left for the published figure. */
  shaded: boolean;
  /**
   * The indicator's decimals, the number format of its figure cells ("#,##0.0"); a figure with more decimals
   * gets a format that shows them all, so the workbook never shows a figure rounded. Comparisons have one.
   */
  decimals: number;
  /** One entry per column after the three label columns. */
  cells: CellContent[];
  /** Notes on cells (Excel comments), by column index. */
  comments?: Map<number, string>;
}

export interface SignatureBlock {
  provinceName: string;
  departmentName: string;
  formNumber: string;
  placeName: string;
  preparerName: string;
  headTitle: string;
  headName: string;
  date: Date;
}

export interface SheetContent {
  name: string;
  title: string;
  periodLine: string;
  unitLine: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  /** Printed under the table: why the file was exported although validation errors stand. */
  note: string | null;
  /** Under the title, on the left: where the unit's period stands ("Tình trạng: Đã khóa sổ lúc … bởi …"). */
  stateLine?: string | null;
  signature: SignatureBlock;
}

/** Where things are on every report sheet, so that a total sheet can refer to the cells of the unit sheets. */
export const sheetRows = {
  header: 9,
  codes: 11,
  firstData: 12,
} as const;

export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

export const percentFormat = '#,##0.0';

/**
 * The looks of the report, one object per distinct look: the writer knows a style object it has met by its
 * identity, so 100.000 cells cost a handful of lookups by key and no XML each.
 */
class Styles {
  private readonly cache = new Map<string, CellStyle>();
  get(key: string, make: () => CellStyle): CellStyle {
    let style = this.cache.get(key);
    if (!style) this.cache.set(key, (style = make()));
    return style;
  }
}

function dd(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Tân An, ngày 05 tháng 02 năm 2026"; without a place name, an ellipsis the clerk fills by hand. */
export function dateLine(placeName: string, date: Date): string {
  const place = placeName.trim() === '' ? '…' : placeName.trim();
  return `${place}, ngày ${dd(date.getDate())} tháng ${dd(date.getMonth() + 1)} năm ${date.getFullYear()}`;
}

/** A rough count of printed lines, for the height of a wrapped row. */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * 1.1) / Math.max(8, width)));
}

export function writeSheet(workbook: WorkbookWriter, content: SheetContent, styles = new Styles()): void {
  const { columns, rows, signature } = content;
  const lastCol = columns.length + 3;
  const ws = workbook.addSheet(content.name, {
    defaultRowHeight: 16.5,
    printTitleRows: { from: sheetRows.header, to: sheetRows.codes },
    frozenAt: { row: sheetRows.firstData, col: 4 },
    footer: `&C&"${fontName},Italic"&10Trang &P/&N`,
  });
  ws.columnWidth(1, 6);
  ws.columnWidth(2, 48);
  ws.columnWidth(3, 12);
  columns.forEach((c, i) => ws.columnWidth(i + 4, c.width));

  const plain = (size: number, font: Omit<CellStyle['font'], 'size'>, alignment: CellStyle['alignment']) =>
    styles.get(`plain|${size}|${JSON.stringify(font)}|${JSON.stringify(alignment)}`, () => ({
      font: { size, ...font },
      alignment,
    }));
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
  const put = (row: number, col: number, value: CellValue, style: CellStyle) => ws.set(row, col, value, style);
  const merge = (row: number, from: number, to: number, bottom = row) => {
    if (to > from || bottom > row) ws.merge(row, from, bottom, to);
  };

  // Title block: the province's committee and the department on the left, the national motto on the right.
  const rightFrom = Math.max(4, lastCol - 5);
  const leftTo = Math.min(3, rightFrom - 1);
  put(1, 1, committeeLine(signature.provinceName), plain(12, {}, center));
  merge(1, 1, leftTo);
  put(
    2,
    1,
    (signature.departmentName.trim() || 'SỞ CÔNG THƯƠNG').toUpperCase(),
    plain(12, { bold: true, underline: true }, center),
  );
  merge(2, 1, leftTo);
  put(1, rightFrom, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', plain(12, { bold: true }, center));
  merge(1, rightFrom, lastCol);
  put(2, rightFrom, 'Độc lập - Tự do - Hạnh phúc', plain(12, { bold: true, underline: true }, center));
  merge(2, rightFrom, lastCol);
  const form = signature.formNumber.trim();
  if (form !== '') {
    put(
      3,
      1,
      /^biểu/i.test(form) ? form : `Biểu số: ${form}`,
      plain(11, { italic: true }, { horizontal: 'left', vertical: 'middle' }),
    );
    merge(3, 1, leftTo);
  }
  put(5, 1, content.title, plain(14, { bold: true }, center));
  merge(5, 1, lastCol);
  put(6, 1, content.periodLine, plain(13, { bold: true }, center));
  merge(6, 1, lastCol);
  put(7, 1, content.unitLine, plain(12, { italic: true }, center));
  merge(7, 1, lastCol);
  if (content.stateLine) {
    put(8, 1, content.stateLine, plain(11, { italic: true }, { horizontal: 'left', vertical: 'middle' }));
    merge(8, 1, leftTo);
  }
  put(
    8,
    rightFrom,
    '(Đơn vị tính ghi theo từng chỉ tiêu ở cột C; các cột so sánh tính bằng %)',
    plain(11, { italic: true }, { horizontal: 'right', vertical: 'middle' }),
  );
  merge(8, rightFrom, lastCol);
  ws.rowHeight(5, 21);

  // The two header rows: a heading over two rows, or a group heading over the sub-headings of its columns.
  const headerStyle = styles.get('header', () => ({ font: { size: 12, bold: true }, alignment: center, border: true }));
  const codeStyle = styles.get('code', () => ({ font: { size: 11, italic: true }, alignment: center, border: true }));
  const top = sheetRows.header;
  const labels: SheetColumn[] = [
    { top: 'STT', sub: null, code: 'A', width: 6, kind: 'label' },
    { top: 'Chỉ tiêu', sub: null, code: 'B', width: 48, kind: 'label' },
    { top: 'Đơn vị tính', sub: null, code: 'C', width: 12, kind: 'label' },
  ];
  const all = [...labels, ...columns];
  let maxSubLines = 1;
  let maxTopLines = 1;
  for (let i = 0; i < all.length;) {
    const c = all[i];
    if (!c) break;
    const col = i + 1;
    if (c.sub === null) {
      put(top, col, c.top, headerStyle);
      put(top + 1, col, null, headerStyle);
      merge(top, col, col, top + 1);
      maxTopLines = Math.max(maxTopLines, Math.ceil(linesFor(c.top, c.width) / 2));
      i++;
      continue;
    }
    let j = i;
    while (all[j + 1]?.sub !== null && all[j + 1]?.top === c.top && j + 1 < all.length) j++;
    put(top, col, c.top, headerStyle);
    for (let k = i; k <= j; k++) {
      const sub = all[k];
      if (k > i) put(top, k + 1, null, headerStyle);
      put(top + 1, k + 1, sub?.sub ?? '', headerStyle);
      maxSubLines = Math.max(maxSubLines, linesFor(sub?.sub ?? '', sub?.width ?? 12));
    }
    merge(top, col, j + 1);
    i = j + 1;
  }
  ws.rowHeight(top, Math.max(20, 16 * maxTopLines));
  ws.rowHeight(top + 1, Math.max(20, 16 * Math.max(maxSubLines, maxTopLines)));
  all.forEach((c, i) => put(sheetRows.codes, i + 1, c.code, codeStyle));

  // Indicator rows.
  const figureStyle = (numFmt: string, bold: boolean, shaded: boolean) =>
    styles.get(`fig|${numFmt}|${bold}|${shaded}`, () => ({
      font: { size: 12, bold },
      alignment: { horizontal: 'right', vertical: 'middle' },
      border: true,
      numFmt,
      shaded,
    }));
  const textStyle = (kind: 'stt' | 'name' | 'unit' | 'note', bold: boolean, depth: number, shaded: boolean) =>
    styles.get(`text|${kind}|${bold}|${depth}|${shaded}`, () => ({
      font: { size: kind === 'note' ? 11 : 12, bold, italic: kind === 'note' },
      alignment:
        kind === 'name'
          ? { horizontal: 'left', vertical: 'middle', wrapText: true, indent: Math.min(depth, 6) }
          : { horizontal: kind === 'note' ? 'left' : 'center', vertical: 'middle', wrapText: true },
      border: true,
      shaded: shaded && kind === 'note',
    }));
  rows.forEach((r, i) => {
    const rowNumber = sheetRows.firstData + i;
    // The styles of this row, looked up once rather than per cell.
    const figure = figureStyle(numberFormat(r.decimals), r.bold, r.shaded);
    const figureOf = (x: number) => {
      const decimals = figureDecimals(x, r.decimals);
      return decimals === r.decimals ? figure : figureStyle(numberFormat(decimals), r.bold, r.shaded);
    };
    const percent = figureStyle(percentFormat, r.bold, r.shaded);
    const note = textStyle('note', false, 0, r.shaded);
    put(rowNumber, 1, r.stt === '' ? null : r.stt, textStyle('stt', r.bold, 0, false));
    put(rowNumber, 2, r.name, textStyle('name', r.bold, r.depth, false));
    put(rowNumber, 3, r.unit === '' ? null : r.unit, textStyle('unit', r.bold, 0, false));
    for (let j = 0; j < columns.length; j++) {
      const kind = columns[j]?.kind;
      const content = r.cells[j] ?? null;
      let style = kind === 'note' || kind === 'label' ? note : kind === 'percent' ? percent : figure;
      if (style === figure && (content?.kind === 'number' || content?.kind === 'formula'))
        style = figureOf(content.kind === 'number' ? content.value : content.result);
      let value: CellValue = null;
      if (content?.kind === 'number') value = content.value;
      else if (content?.kind === 'formula') value = { formula: content.formula, result: content.result };
      else if (content?.kind === 'text') value = content.text;
      put(rowNumber, j + 4, value, style);
      const comment = r.comments?.get(j);
      if (comment) ws.note(rowNumber, j + 4, comment);
    }
    if (r.name.length > 60) ws.rowHeight(rowNumber, 16.5 * linesFor(r.name, 48));
  });

  // After the table: the note of an export despite errors, the date line, the signature block.
  let at = sheetRows.firstData + rows.length + 1;
  if (content.note) {
    put(at, 1, content.note, plain(11, { italic: true }, { horizontal: 'left', vertical: 'top', wrapText: true }));
    merge(at, 1, lastCol);
    const width = all.reduce((n, c) => n + c.width, 0);
    ws.rowHeight(at, 16 * linesFor(content.note, width));
    at += 2;
  }
  put(at, rightFrom, dateLine(signature.placeName, signature.date), plain(12, { italic: true }, center));
  merge(at, rightFrom, lastCol);
  at++;
  put(at, 1, 'NGƯỜI LẬP BIỂU', plain(12, { bold: true }, center));
  merge(at, 1, leftTo);
  const head = signerTitleLines(signature.headTitle);
  put(at, rightFrom, head.join('\n'), plain(12, { bold: true }, center));
  merge(at, rightFrom, lastCol);
  if (head.length > 1) ws.rowHeight(at, 16 * head.length);
  at++;
  put(at, 1, '(Ký, ghi rõ họ tên)', plain(11, { italic: true }, center));
  merge(at, 1, leftTo);
  put(at, rightFrom, '(Ký, ghi rõ họ tên)', plain(11, { italic: true }, center));
  merge(at, rightFrom, lastCol);
  at += 4;
  if (signature.preparerName.trim() !== '') {
    put(at, 1, signature.preparerName.trim(), plain(12, { bold: true }, center));
    merge(at, 1, leftTo);
  }
  if (signature.headName.trim() !== '') {
    put(at, rightFrom, signature.headName.trim(), plain(12, { bold: true }, center));
    merge(at, rightFrom, lastCol);
  }
}

export { Styles as SheetStyles };

/** 'Xã A'!D12 as a formula reference; quotes in a sheet name are doubled. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(col)}${row}`;
}
