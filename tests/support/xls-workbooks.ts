import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Figure, SheetSpec } from './workbooks';

/**
 * The parsed formula of "E15+F15" in BIFF8 ([MS-XLS] 2.5.198): a PtgRef for each relative reference, a PtgAdd
 * between them, after the two-byte length. Only sums of cells are needed by the tests, so only those are written.
 */
function parsedSum(formula: string): Buffer {
  const refs = formula.split('+').map((ref) => {
    if (!/^[A-Z]+[0-9]+$/.test(ref)) throw new Error(`only sums of cells can be written to .xls here, not ${formula}`);
    return XLSX.utils.decode_cell(ref);
  });
  const tokens: number[] = [];
  refs.forEach((ref, i) => {
    tokens.push(0x24, ref.r & 0xff, ref.r >> 8, ref.c & 0xff, 0xc0 | (ref.c >> 8));
    if (i > 0) tokens.push(0x03);
  });
  return Buffer.from([tokens.length & 0xff, tokens.length >> 8, ...tokens]);
}

function cellOf(value: Exclude<Figure, null>): XLSX.CellObject {
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  if (typeof value.result !== 'number')
    throw new Error(`Excel caches every formula's result; give ${value.formula} a numeric one`);
  // SheetJS writes a formula from its parsed bytes (bf), with the cached result v.
  return { t: 'n', v: value.result, bf: parsedSum(value.formula) } as XLSX.CellObject;
}

/** The bytes of an Excel 97-2003 workbook (BIFF8, strings in a shared table as Excel writes them) of these sheets. */
export function xlsBytes(sheets: SheetSpec[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    spec.rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value === null) return;
        ws[XLSX.utils.encode_cell({ r, c })] = cellOf(value);
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, c);
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
    ws['!merges'] = (spec.merges ?? []).map((range) => XLSX.utils.decode_range(range));
    for (const [address, format] of Object.entries(spec.formats ?? {})) {
      const cell = ws[address] as XLSX.CellObject | undefined;
      if (cell) cell.z = format;
    }
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8', bookSST: true }) as Buffer;
}

/** An .xls of the same sheets as writeWorkbook writes to an .xlsx. */
export function writeXls(target: string, sheets: SheetSpec[]): string {
  writeFileSync(target, xlsBytes(sheets));
  return target;
}

/** An .xls whose Compound File header is whole and everything after it is noise. */
export function writeXlsWithNoise(source: string, target: string): string {
  const bytes = readFileSync(source);
  writeFileSync(target, Buffer.concat([bytes.subarray(0, 512), randomBytes(bytes.length - 512)]));
  return target;
}

/** The Compound File reader SheetJS bundles, as far as these helpers use it (its typings say `any`). */
interface CompoundFile {
  FileIndex: { name: string; content?: Uint8Array; size: number }[];
}
const cfb: {
  read(data: Buffer, options: { type: 'buffer' }): CompoundFile;
  write(file: CompoundFile, options: { type: 'buffer' }): Buffer;
} = XLSX.CFB;

/** A Compound File with its Workbook stream replaced: the writer sizes the stream by `size`, not by its content. */
function withWorkbookStream(file: CompoundFile, change: (stream: Buffer) => Buffer): Buffer {
  const entry = file.FileIndex.find((e) => e.name === 'Workbook');
  if (!entry?.content) throw new Error('no Workbook stream');
  entry.content = change(Buffer.from(entry.content));
  entry.size = entry.content.length;
  return cfb.write(file, { type: 'buffer' });
}

/**
 * A real .xls with a FILEPASS record (RC4 CryptoAPI, [MS-XLS] 2.4.117) right after the workbook's BOF, as Excel
 * writes a workbook that has a password to open: every sheet's offset moves by the record's length.
 */
export function writePasswordXls(target: string, sheets: SheetSpec[]): string {
  const bytes = withWorkbookStream(cfb.read(xlsBytes(sheets), { type: 'buffer' }), (stream) => {
    const afterBof = 4 + stream.readUInt16LE(2);
    const header = Buffer.alloc(4 + 54);
    header.writeUInt16LE(0x002f, 0);
    header.writeUInt16LE(54, 2);
    header.writeUInt16LE(0x0001, 4); // RC4
    header.writeUInt16LE(0x0002, 6); // CryptoAPI
    header.writeUInt16LE(0x0002, 8);
    randomBytes(48).copy(header, 10);
    for (let pos = afterBof; pos + 4 <= stream.length;) {
      const type = stream.readUInt16LE(pos);
      const length = stream.readUInt16LE(pos + 2);
      if (type === 0x0085) stream.writeUInt32LE(stream.readUInt32LE(pos + 4) + header.length, pos + 4);
      if (type === 0x000a) break;
      pos += 4 + length;
    }
    return Buffer.concat([stream.subarray(0, afterBof), header, stream.subarray(afterBof)]);
  });
  writeFileSync(target, bytes);
  return target;
}

/**
 * An .xls whose one sheet has `rows` rows of `perRow` numbers under its header, in MULRK records ([MS-XLS]
 * 2.4.175) as Excel writes runs of numbers: a sheet far past a bound, without SheetJS writing a cell at a time.
 */
export function writeLargeXls(target: string, rows: number, perRow: number): string {
  const records: Buffer[] = [];
  for (let row = 1; row <= rows; row++) {
    const record = Buffer.alloc(4 + 6 + perRow * 6);
    record.writeUInt16LE(0x00bd, 0);
    record.writeUInt16LE(record.length - 4, 2);
    record.writeUInt16LE(row, 4);
    record.writeUInt16LE(0, 6);
    // Each cell: its format (0) and an RK number, here the integer row × perRow + column.
    for (let c = 0; c < perRow; c++) record.writeUInt32LE(((row * perRow + c) << 2) | 0x02, 10 + c * 6);
    record.writeUInt16LE(perRow - 1, record.length - 2);
    records.push(record);
  }
  const file = cfb.read(xlsBytes([{ name: 'Dữ liệu', rows: [['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo']] }]), {
    type: 'buffer',
  });
  // The stream ends with the sheet's EOF record: the rows go just before it.
  writeFileSync(
    target,
    withWorkbookStream(file, (stream) =>
      Buffer.concat([stream.subarray(0, stream.length - 4), ...records, stream.subarray(stream.length - 4)]),
    ),
  );
  return target;
}

/** An Excel binary workbook (.xlsb) of these sheets. */
export function writeXlsb(target: string, sheets: SheetSpec[]): string {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets)
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet(spec.rows.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : v)))),
      spec.name,
    );
  writeFileSync(target, XLSX.write(wb, { type: 'buffer', bookType: 'xlsb' }) as Buffer);
  return target;
}
