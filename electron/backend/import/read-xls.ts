/**
 * The reading adapter for legacy Excel 97-2003 workbooks (.xls, BIFF8): SheetJS (the npm build @e965/xlsx, loaded
 * only when an .xls arrives) reads the Compound File and its records, and every cell then goes through the same
 * readCell as an .xlsx cell, so recognition sees the same CellReadings whatever the format.
 *
 * SheetJS reads whatever it can of a damaged stream and bounds nothing, so the workbook stream is walked first,
 * record by record: it must be whole (every record inside the stream, every sheet's substream where the book
 * says and closed), not encrypted, BIFF8, and within the import's limits, before SheetJS builds a single cell.
 */
import type { CellObject, ParsingOptions, WorkSheet } from '@e965/xlsx';
import type { CellRange } from '../../../shared/spreadsheet/cell-reference';
import { SheetGridBuilder, type SheetGrid } from '../../../shared/spreadsheet/sheet-grid';
import { styleOfCode, type NumberStyle } from '../xlsx/number-styles';
import { readCell, type CellContext, type RawCell } from '../xlsx/read-cell';

/** Why a Compound File is not read as a workbook: an encrypted one, one older than Excel 97, or no workbook at all. */
export class XlsRefused extends Error {
  constructor(readonly reason: 'password' | 'before_excel_97' | 'not_a_workbook') {
    super(`xls refused: ${reason}`);
  }
}

/** The file or its workbook stream is cut short or damaged. */
export class XlsDamaged extends Error {}

/** A sheet past the import's bounds: too many rows holding values, or too many cells in the file. */
export class XlsSheetTooLarge extends Error {
  constructor(
    readonly sheet: string,
    readonly limit: 'rows' | 'size',
  ) {
    super(`sheet ${sheet} over its ${limit} limit`);
  }
}

export interface XlsLimits {
  maxRowsPerSheet: number;
  maxCellsPerFile: number;
}

/** The part of SheetJS's bundled Compound File reader used here (its typings declare it `any`). */
interface CompoundFileEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  /** The size the directory declares; the content is what the sector chain gave, shorter when it breaks off. */
  size: number;
  content?: Uint8Array;
}
interface CompoundFileReader {
  read(data: Buffer, options: { type: 'buffer' }): { FileIndex: CompoundFileEntry[] };
}

const record = {
  bof: 0x0809,
  eof: 0x000a,
  filePass: 0x002f,
  boundSheet: 0x0085,
  mulRk: 0x00bd,
};
/** BOF records of BIFF2, BIFF3 and BIFF4 (BIFF5 and BIFF8 share 0x0809 and differ by version). */
const olderBofs = new Set([0x0009, 0x0209, 0x0409]);
const biff8 = 0x0600;
const globalsSubstream = 0x0005;
/** Records holding one cell's value (MULRK holds several): FORMULA, LABELSST, NUMBER, LABEL, BOOLERR, RK, RSTRING. */
const valueRecords = new Set([0x0006, 0x00fd, 0x0203, 0x0204, 0x0205, 0x027e, 0x00d6]);

interface SheetEntry {
  name: string;
  offset: number;
  found: boolean;
}

/** A ShortXLUnicodeString: a character count, a flag byte (bit 0: two bytes a character), the characters. */
function shortUnicodeString(data: Uint8Array, at: number, end: number): string {
  const count = data[at] ?? 0;
  const wide = ((data[at + 1] ?? 0) & 1) === 1;
  const from = at + 2;
  const to = from + count * (wide ? 2 : 1);
  if (to > end) throw new XlsDamaged('sheet name runs past its record');
  return Buffer.from(data.buffer, data.byteOffset + from, to - from).toString(wide ? 'utf16le' : 'latin1');
}

/**
 * Walks the workbook stream's records ([MS-XLS] 2.1.4): the globals substream (refusing FILEPASS, reading each
 * BOUNDSHEET's name and offset), then each sheet's substream, counting its rows with a value and the file's
 * value cells against the limits as it goes, so that an oversized sheet is called too large before anything
 * later in the stream could call it damaged.
 */
function checkWorkbookStream(data: Uint8Array, limits: XlsLimits): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const next = () => {
    if (pos + 4 > data.length) throw new XlsDamaged(`stream ends inside a record header at ${pos}`);
    const type = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    const body = pos + 4;
    if (body + length > data.length)
      throw new XlsDamaged(`record 0x${type.toString(16)} at ${pos} runs past the stream`);
    pos = body + length;
    return { type, body, length };
  };

  const first = next();
  if (olderBofs.has(first.type)) throw new XlsRefused('before_excel_97');
  if (first.type !== record.bof || first.length < 4)
    throw new XlsDamaged('the stream does not start with a BOF record');
  if (view.getUint16(first.body, true) !== biff8) throw new XlsRefused('before_excel_97');
  if (view.getUint16(first.body + 2, true) !== globalsSubstream)
    throw new XlsDamaged('the first substream is not the workbook globals');

  const sheets: SheetEntry[] = [];
  for (let r = next(); r.type !== record.eof; r = next()) {
    if (r.type === record.filePass) throw new XlsRefused('password');
    if (r.type === record.boundSheet) {
      if (r.length < 8) throw new XlsDamaged('BOUNDSHEET record too short');
      sheets.push({
        name: shortUnicodeString(data, r.body + 6, r.body + r.length),
        offset: view.getUint32(r.body, true),
        found: false,
      });
    }
  }

  const byOffset = new Map(sheets.map((s) => [s.offset, s]));
  let cells = 0;
  while (pos < data.length) {
    if (data.subarray(pos).every((b) => b === 0)) break;
    const sheet = byOffset.get(pos);
    if (!sheet || sheet.found || next().type !== record.bof) throw new XlsDamaged(`no sheet starts at ${pos}`);
    sheet.found = true;
    const rowsSeen = new Uint8Array(65_536);
    let rows = 0;
    for (let depth = 1; depth > 0;) {
      const r = next();
      if (r.type === record.bof) depth++;
      else if (r.type === record.eof) depth--;
      else if (depth === 1 && (valueRecords.has(r.type) || r.type === record.mulRk) && r.length >= 6) {
        const row = view.getUint16(r.body, true);
        cells += r.type === record.mulRk ? Math.floor((r.length - 6) / 6) : 1;
        if (rowsSeen[row] === 0) {
          rowsSeen[row] = 1;
          rows++;
        }
        if (rows > limits.maxRowsPerSheet) throw new XlsSheetTooLarge(sheet.name, 'rows');
        if (cells > limits.maxCellsPerFile) throw new XlsSheetTooLarge(sheet.name, 'size');
      }
    }
  }
  if (sheets.some((s) => !s.found)) throw new XlsDamaged('a sheet named in the workbook has no substream');
}

/** One number style per distinct format code, indexed like the styles of an .xlsx, so readCell reads both alike. */
class FormatStyles {
  readonly styles: NumberStyle[] = [];
  private readonly index = new Map<string, number>();

  of(code: string | number | undefined): number {
    const text = typeof code === 'string' ? code : 'General';
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.styles.length;
      this.styles.push(styleOfCode(text));
      this.index.set(text, at);
    }
    return at;
  }
}

function gridOf(
  name: string,
  hidden: boolean,
  sheet: WorkSheet,
  toRaw: (cell: CellObject) => RawCell | undefined,
  ctx: CellContext,
): SheetGrid {
  const grid = new SheetGridBuilder();
  (sheet['!data'] ?? []).forEach((cellsOfRow, r) => {
    cellsOfRow.forEach((cell, c) => {
      const raw = toRaw(cell);
      const reading = raw && readCell(raw, ctx);
      if (reading !== undefined) grid.add(r + 1, c + 1, reading);
    });
  });
  const merges: CellRange[] = (sheet['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  return grid.finish(name, hidden, merges);
}

/**
 * Reads an .xls for import into the same SheetGrids as an .xlsx: sheets in tab order with their hidden state,
 * merged ranges, and each cell as readCell reads it (a number with its format's date or percent, text,
 * booleans, errors, formulas with the result Excel cached). `onProgress` gets fractions up to 0.98;
 * `stopIfCancelled` throws when the clerk has cancelled.
 */
export async function readXls(
  bytes: Buffer,
  limits: XlsLimits,
  onProgress: (fraction: number) => void,
  stopIfCancelled: () => void,
): Promise<SheetGrid[]> {
  const XLSX = await import('@e965/xlsx');
  const cfb: CompoundFileReader = XLSX.CFB;
  let entries: CompoundFileEntry[];
  try {
    entries = cfb.read(bytes, { type: 'buffer' }).FileIndex;
  } catch (error) {
    throw new XlsDamaged(`compound file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const stream = (name: string) => entries.find((e) => e.type === 2 && e.name === name);
  if (stream('EncryptedPackage')) throw new XlsRefused('password');
  const workbook = stream('Workbook');
  if (!workbook) throw new XlsRefused(stream('Book') ? 'before_excel_97' : 'not_a_workbook');
  if (!workbook.content || workbook.content.length === 0) throw new XlsDamaged('empty workbook stream');
  if (workbook.content.length !== workbook.size)
    throw new XlsDamaged(`workbook stream of ${workbook.size} bytes gave ${workbook.content.length}`);
  checkWorkbookStream(workbook.content, limits);
  onProgress(0.2);
  stopIfCancelled();

  const options: ParsingOptions = {
    type: 'buffer',
    dense: true,
    cellFormula: true,
    cellNF: true,
    cellText: false,
    cellDates: false,
    cellHTML: false,
  };
  let book;
  try {
    book = XLSX.read(bytes, options);
  } catch (error) {
    throw new XlsDamaged(`workbook stream: ${error instanceof Error ? error.message : String(error)}`);
  }
  onProgress(0.7);

  const formats = new FormatStyles();
  const ctx: CellContext = {
    sharedStrings: [],
    numberStyles: formats.styles,
    date1904: book.Workbook?.WBProps?.date1904 === true,
  };
  const toRaw = (cell: CellObject): RawCell | undefined => {
    const formula = cell.f ?? null;
    const style = formats.of(cell.z);
    switch (cell.t) {
      case 'n':
        return { type: null, style, value: typeof cell.v === 'number' ? String(cell.v) : null, formula };
      case 's':
        return { type: 'str', style, value: typeof cell.v === 'string' ? cell.v : null, formula };
      case 'b':
        return { type: 'b', style, value: cell.v ? '1' : '0', formula };
      case 'e':
        return { type: 'e', style, value: XLSX.utils.format_cell(cell), formula };
      case 'z':
        return formula === null ? undefined : { type: null, style, value: null, formula };
      default:
        // Dates come as numbers with their format (cellDates is off): any other kind would be lost unseen.
        throw new Error(`SheetJS gave a cell of type ${cell.t}`);
    }
  };
  const sheets: SheetGrid[] = [];
  for (const [i, name] of book.SheetNames.entries()) {
    stopIfCancelled();
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const hidden = (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    sheets.push(gridOf(name, hidden, sheet, toRaw, ctx));
    onProgress(0.7 + (0.28 * (i + 1)) / book.SheetNames.length);
  }
  return sheets;
}
