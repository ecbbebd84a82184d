import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import type ExcelJS from 'exceljs';
import type { CellReading } from '../../../shared/import/cells';
import { parseRange } from '../../../shared/import/cells';
import type { CellRange, SheetGrid } from '../../../shared/import/table';
import { readCell } from './read-cell';
import { bufferSource, entryStream, fileSource, readZipDirectory, ZipFormatError, type ByteSource, type ZipEntry } from './zip';

/** Bounds that keep memory and time in check whatever file a clerk picks. */
export const importLimits = {
  maxFileBytes: 40 * 1024 * 1024,
  /** Rows holding at least one value; formatted empty rows count only against the next limit. */
  maxRowsPerSheet: 20_000,
  maxRowElementsPerSheet: 300_000,
  maxCellsPerFile: 1_000_000,
  /** Inflated size of any one part (a sheet, the shared strings): a zip bomb stops here. */
  maxPartBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
};

export type UnreadableKind =
  | 'empty_file'
  | 'too_big'
  | 'not_a_workbook'
  | 'legacy_xls'
  | 'password'
  | 'corrupt'
  | 'other_format'
  | 'empty_workbook'
  | 'sheet_too_long'
  | 'too_many_cells'
  | 'cannot_open';

/** A file that cannot be imported, with the reason in the clerk's words. */
export class UnreadableWorkbook extends Error {
  constructor(
    readonly kind: UnreadableKind,
    messageVi: string,
  ) {
    super(messageVi);
    this.name = 'UnreadableWorkbook';
  }
}

export interface ReadWorkbook {
  name: string;
  size: number;
  sha256: string;
  sheets: SheetGrid[];
}

export type WorkbookInput = { path: string } | { name: string; bytes: Buffer };

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

function saveAsXlsx(what: string): string {
  return `${what} Hãy mở tệp trong Excel, chọn Tệp > Lưu thành (File > Save As), chọn kiểu "Sổ làm việc Excel (*.xlsx)", rồi nhập tệp .xlsx vừa lưu.`;
}

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

async function containsInChunks(src: ByteSource, needles: Buffer[]): Promise<boolean[]> {
  const found = needles.map(() => false);
  const overlap = Math.max(...needles.map((n) => n.length));
  const step = 1024 * 1024;
  let carry = Buffer.alloc(0);
  for (let at = 0; at < src.size; at += step) {
    const chunk = Buffer.concat([carry, await src.read(at, step)]);
    needles.forEach((n, i) => {
      if (!found[i] && chunk.includes(n)) found[i] = true;
    });
    if (found.every(Boolean)) break;
    carry = chunk.subarray(Math.max(0, chunk.length - overlap));
  }
  return found;
}

/** What kind of file this is when it is not a zip: each gets the message that tells the clerk what to do. */
async function refuseNonZip(src: ByteSource, head: Buffer, name: string): Promise<never> {
  const isCfb = head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
  if (isCfb) {
    const [encrypted, workbook, book] = await containsInChunks(src, [utf16('EncryptedPackage'), utf16('Workbook'), utf16('Book')]);
    if (encrypted) {
      throw new UnreadableWorkbook(
        'password',
        `Tệp ${name} được đặt mật khẩu mở tệp nên ChiTieu không đọc được. Hãy mở tệp trong Excel (nhập mật khẩu), vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi nhập lại.`,
      );
    }
    if (workbook || book) {
      throw new UnreadableWorkbook('legacy_xls', saveAsXlsx(`Tệp ${name} là sổ Excel 97-2003 (.xls), kiểu cũ mà ChiTieu chưa đọc được.`));
    }
    throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là tài liệu Office kiểu cũ (Word hoặc PowerPoint), không phải sổ Excel.`);
  }
  const text = head.toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('%pdf')) throw new UnreadableWorkbook('other_format', `Tệp ${name} là tệp PDF, không phải sổ Excel. Hãy xin tệp Excel (.xlsx) gốc.`);
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là bảng tính XML của Excel 2003.`));
  }
  if (text.startsWith('<html') || text.startsWith('<!doctype html') || text.includes('<table') || text.startsWith('mime-version')) {
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra.`));
  }
  const printable = [...head.subarray(0, 512)].filter((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)).length;
  if (head.length > 0 && printable / Math.min(head.length, 512) > 0.95) {
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là tệp văn bản (như CSV), không phải sổ Excel.`));
  }
  throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} không phải sổ Excel (.xlsx, .xlsm) nên không nhập được.`);
}

function refuseZipWithoutWorkbook(entries: ZipEntry[], name: string): never {
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (has('xl/workbook.bin')) throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là sổ Excel nhị phân (.xlsb).`));
  if (has('content.xml') && has('mimetype')) throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là bảng tính OpenDocument (.ods).`));
  if (has('word/')) throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là văn bản Word, không phải sổ Excel.`);
  if (has('ppt/')) throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là bản trình chiếu PowerPoint, không phải sổ Excel.`);
  throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là tệp nén (zip) nhưng không phải sổ Excel.`);
}

function corrupt(name: string): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'corrupt',
    `Tệp ${name} bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong hoặc chép bị lỗi). Hãy xin lại tệp, hoặc mở trong Excel rồi lưu lại và nhập lại.`,
  );
}

interface SheetPart {
  path: string;
  name: string;
  hidden: boolean;
  order: number;
}

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x?[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()] ?? m;
    const code = e.startsWith('#x') || e.startsWith('#X') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });

async function readSmallPart(src: ByteSource, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entryStream(src, entry)) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  if (crc32(data) !== entry.crc32) throw new ZipFormatError(`crc mismatch in ${entry.name}`);
  return data.toString('utf8');
}

/** The sheets in tab order, with their names and whether they are hidden, from workbook.xml and its relations. */
async function sheetParts(src: ByteSource, entries: ZipEntry[]): Promise<SheetPart[]> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const book = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return [];
  const bookXml = await readSmallPart(src, book);
  const relsXml = await readSmallPart(src, rels);
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = /\bId="([^"]*)"/.exec(attrs)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attrs)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts: SheetPart[] = [];
  for (const m of bookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1] ?? '';
    const name = decodeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const state = /\bstate="([^"]*)"/.exec(attrs)?.[1] ?? 'visible';
    const path = rid ? targets.get(rid) : undefined;
    if (path) parts.push({ path: path.replace(/\/\.\//g, '/'), name, hidden: state !== 'visible', order: parts.length });
  }
  return parts;
}

interface Prescan {
  rows: number;
  cells: number;
  merges: CellRange[];
}

function tooLong(sheetName: string, fileName: string): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'sheet_too_long',
    `Trang tính "${sheetName}" của tệp ${fileName} có hơn ${importLimits.maxRowsPerSheet.toLocaleString('vi-VN')} dòng có số liệu: quá dài để là một biểu báo cáo chỉ tiêu, nên ChiTieu không nhập tệp này. Hãy chép riêng biểu cần nhập sang một tệp mới (hoặc xóa các dòng thừa) rồi nhập lại.`,
  );
}

function tooLarge(sheetName: string, fileName: string): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'too_many_cells',
    `Trang tính "${sheetName}" của tệp ${fileName} quá lớn (rất nhiều dòng, ô hoặc định dạng) để là một biểu báo cáo chỉ tiêu, nên ChiTieu không nhập tệp này. Hãy chép riêng biểu cần nhập sang một tệp mới rồi nhập lại.`,
  );
}

/**
 * Streams one sheet's XML once, in bounded memory, to count its rows and cells that hold something and to
 * collect its merged ranges (exceljs's streaming reader skips them); stops as soon as a limit is passed.
 * Rows that only carry formatting (borders drawn down a template) are not counted against the limit.
 */
async function prescanSheet(src: ByteSource, entry: ZipEntry, sheetName: string, fileName: string, cellsSoFar: number, onBytes: (n: number) => void): Promise<Prescan> {
  const stream = await entryStream(src, entry);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let rows = 0;
  let rowElements = 0;
  let cells = 0;
  let rowOpen = false;
  let inflated = 0;
  let crc = 0;
  const merges: CellRange[] = [];
  const tagPattern = /<(?:\w+:)?(row|v|is|mergeCell)\b([^>]*)/g;
  const scan = (text: string) => {
    for (const m of text.matchAll(tagPattern)) {
      const tag = m[1];
      if (tag === 'row') {
        rowElements++;
        rowOpen = true;
      } else if (tag === 'mergeCell') {
        const ref = /\bref="([^"]+)"/.exec(m[2] ?? '')?.[1];
        const range = ref ? parseRange(ref) : null;
        if (range) merges.push(range);
      } else {
        cells++;
        if (rowOpen) {
          rows++;
          rowOpen = false;
        }
      }
    }
  };
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      inflated += buffer.length;
      crc = crc32(buffer, crc);
      onBytes(buffer.length);
      if (inflated > importLimits.maxPartBytes) throw tooLarge(sheetName, fileName);
      const text = carry + decoder.write(buffer);
      const cut = text.lastIndexOf('<');
      scan(cut > 0 ? text.slice(0, cut) : '');
      carry = cut > 0 ? text.slice(cut) : text;
      if (carry.length > 1024 * 1024) throw corrupt(fileName);
      if (rows > importLimits.maxRowsPerSheet) throw tooLong(sheetName, fileName);
      if (rowElements > importLimits.maxRowElementsPerSheet || cellsSoFar + cells > importLimits.maxCellsPerFile) throw tooLarge(sheetName, fileName);
    }
  } finally {
    stream.destroy();
  }
  scan(carry + decoder.end());
  if (rows > importLimits.maxRowsPerSheet) throw tooLong(sheetName, fileName);
  if ((crc >>> 0) !== entry.crc32 || inflated !== entry.uncompressedSize) throw corrupt(fileName);
  return { rows, cells, merges };
}

/** Inflates a part to the end and checks its checksum: a damaged part is refused here, not half-way through exceljs. */
async function checkPart(src: ByteSource, entry: ZipEntry, fileName: string, onBytes: (n: number) => void): Promise<void> {
  const stream = await entryStream(src, entry);
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      crc = crc32(buffer, crc);
      size += buffer.length;
      onBytes(buffer.length);
      if (size > importLimits.maxPartBytes) throw corrupt(fileName);
    }
  } finally {
    stream.destroy();
  }
  if ((crc >>> 0) !== entry.crc32 || size !== entry.uncompressedSize) throw corrupt(fileName);
}

async function sha256Of(src: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of src.stream()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function countingStream(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * Reads a workbook for import: refuses what is not an .xlsx/.xlsm (with a message for each kind), checks the zip
 * and every part it will read, bounds the size of every sheet, then reads the cells with exceljs's streaming
 * reader, each through readCell.
 */
export async function readWorkbook(input: WorkbookInput, onProgress: (fraction: number) => void, cancelled: () => boolean): Promise<ReadWorkbook> {
  const name = 'path' in input ? basename(input.path) : basename(input.name);
  let src: ByteSource;
  try {
    src = 'path' in input ? await fileSource(input.path) : bufferSource(input.bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' || code === 'EPERM' ? 'không có quyền đọc tệp' : code === 'EISDIR' ? 'đây là một thư mục' : 'không mở được tệp';
    throw new UnreadableWorkbook('cannot_open', `Không đọc được ${'path' in input ? input.path : name}: ${why}.`);
  }
  try {
    if (src.size === 0) throw new UnreadableWorkbook('empty_file', `Tệp ${name} rỗng (0 byte), không có gì để nhập.`);
    if (src.size > importLimits.maxFileBytes) {
      throw new UnreadableWorkbook(
        'too_big',
        `Tệp ${name} nặng ${mb(src.size)} MB, vượt giới hạn ${mb(importLimits.maxFileBytes)} MB của một sổ báo cáo. Nếu sổ có ảnh hoặc trang tính không cần nhập, hãy xóa bớt (hoặc chép riêng các biểu cần nhập sang tệp mới) rồi nhập lại.`,
      );
    }
    const head = await src.read(0, 4096);
    const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
    const isEmptyZip = head.length >= 4 && head.readUInt32LE(0) === 0x06054b50;
    if (!isZip && !isEmptyZip) await refuseNonZip(src, head, name);

    let entries: ZipEntry[];
    try {
      entries = await readZipDirectory(src);
    } catch (error) {
      if (error instanceof ZipFormatError) throw corrupt(name);
      throw error;
    }
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) refuseZipWithoutWorkbook(entries, name);
    if (entries.some((e) => (e.flags & 1) === 1)) {
      throw new UnreadableWorkbook('password', `Tệp ${name} được nén có mật khẩu nên ChiTieu không đọc được. Hãy giải nén hoặc lưu lại không đặt mật khẩu rồi nhập lại.`);
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    let parts: SheetPart[];
    try {
      parts = (await sheetParts(src, entries)).filter((p) => byName.has(p.path));
    } catch (error) {
      if (error instanceof ZipFormatError || (error as { code?: string }).code?.startsWith('Z_')) throw corrupt(name);
      throw error;
    }
    if (parts.length === 0) throw new UnreadableWorkbook('empty_workbook', `Sổ ${name} không có trang tính nào để nhập.`);

    // Check every part exceljs will read, and prescan the sheets.
    const shared = byName.get('xl/sharedStrings.xml');
    if (shared && shared.uncompressedSize > importLimits.maxSharedStringsBytes) {
      throw new UnreadableWorkbook('too_many_cells', `Tệp ${name} chứa quá nhiều chữ (${mb(shared.uncompressedSize)} MB) để là sổ báo cáo chỉ tiêu, nên ChiTieu không nhập tệp này.`);
    }
    const checked = [shared, byName.get('xl/styles.xml')].filter((e): e is ZipEntry => e !== undefined);
    const prescanTotal = [...checked, ...parts.map((p) => byName.get(p.path))].reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0) || 1;
    let prescanned = 0;
    const onPrescan = (n: number) => {
      prescanned += n;
      onProgress(Math.min(0.3, (0.3 * prescanned) / prescanTotal));
    };
    const merges = new Map<string, CellRange[]>();
    let cells = 0;
    try {
      for (const entry of checked) {
        if (cancelled()) throw new UnreadableWorkbook('cannot_open', 'Đã hủy.');
        await checkPart(src, entry, name, onPrescan);
      }
      for (const part of parts) {
        if (cancelled()) throw new UnreadableWorkbook('cannot_open', 'Đã hủy.');
        const entry = byName.get(part.path);
        if (!entry) continue;
        const scan = await prescanSheet(src, entry, part.name, name, cells, onPrescan);
        cells += scan.cells;
        merges.set(part.name, scan.merges);
      }
    } catch (error) {
      if (error instanceof UnreadableWorkbook) throw error;
      if (error instanceof ZipFormatError || (error as { code?: string }).code?.startsWith('Z_') || (error as { code?: string }).code === 'ERR_ZLIB') throw corrupt(name);
      throw error;
    }

    const sheets = await readCells(src, name, parts, merges, onProgress, cancelled);
    if (sheets.every((s) => s.rows.size === 0)) throw new UnreadableWorkbook('empty_workbook', `Sổ ${name} trống: không trang tính nào có dữ liệu.`);
    const sha256 = await sha256Of(src);
    onProgress(1);
    return { name, size: src.size, sha256, sheets };
  } finally {
    await src.close();
  }
}

async function readCells(
  src: ByteSource,
  fileName: string,
  parts: SheetPart[],
  merges: Map<string, CellRange[]>,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<SheetGrid[]> {
  // Loaded on the first import, not with every start of the backend or the command line.
  const { default: exceljs } = await import('exceljs');
  let consumed = 0;
  const input: Readable = src.stream().pipe(
    countingStream((n) => {
      consumed += n;
      onProgress(0.3 + (0.69 * consumed) / src.size);
    }),
  );
  const reader = new exceljs.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles cost a third more reading time, but tell a date from a number: a date in a figure cell is a finding.
    styles: 'cache',
    entries: 'ignore',
  });
  const grids: SheetGrid[] = [];
  const partByName = new Map(parts.map((p) => [p.name, p]));
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name: string; [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row> };
      const part = partByName.get(ws.name);
      const rows = new Map<number, Map<number, CellReading>>();
      let maxRow = 0;
      let maxCol = 0;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (cancelled()) throw new UnreadableWorkbook('cannot_open', 'Đã hủy.');
        let cells: Map<number, CellReading> | undefined;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const reading = readCell(cell);
          if (reading === undefined) return;
          if (!cells) cells = new Map();
          cells.set(col, reading);
          if (col > maxCol) maxCol = col;
        });
        if (cells) {
          rows.set(row.number, cells);
          if (row.number > maxRow) maxRow = row.number;
        }
      }
      grids.push({ name: ws.name, hidden: part?.hidden ?? false, rows, maxRow, maxCol, merges: merges.get(ws.name) ?? [] });
    }
  } catch (error) {
    if (error instanceof UnreadableWorkbook) throw error;
    throw corrupt(fileName);
  } finally {
    input.destroy();
  }
  const order = (g: SheetGrid) => partByName.get(g.name)?.order ?? Number.MAX_SAFE_INTEGER;
  return grids.sort((a, b) => order(a) - order(b));
}
