import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import { maxWorkbookBytes } from '../../../shared/import/limits';
import type { SheetGrid } from '../../../shared/import/table';
import {
  bufferSource,
  entryStream,
  fileSource,
  readZipDirectory,
  ZipFormatError,
  type ByteSource,
  type ZipEntry,
} from '../xlsx/zip';
import { readNumberStyles } from '../xlsx/number-styles';
import { readSheet, SheetDamaged, SheetTooLarge } from '../xlsx/read-sheet';
import { readSharedStrings } from '../xlsx/shared-strings';
import { XmlFormatError } from '../xlsx/xml-scanner';
import { attribute, decodeXmlText } from '../xlsx/xml-text';
import { readFailureOf } from '../files/read-failure';

/** Bounds that keep memory and time in check whatever file a clerk picks. */
export const importLimits = {
  maxFileBytes: maxWorkbookBytes,
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

function isCompoundFile(head: Buffer): boolean {
  return head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
}

function passwordProtected(name: string): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'password',
    `Tệp ${name} được đặt mật khẩu mở tệp nên ChiTieu không đọc được. Hãy mở tệp trong Excel (nhập mật khẩu), vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi nhập lại.`,
  );
}

/**
 * A Compound File: an Excel 97-2003 workbook (.xls) is read through its adapter, which loads its reader only
 * now; a password-protected .xlsx, a workbook older than Excel 97, and a Word or PowerPoint file are refused,
 * each with its message.
 */
async function readCompoundFile(
  src: ByteSource,
  name: string,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<SheetGrid[]> {
  const { readXls, XlsDamaged, XlsRefused, XlsSheetTooLarge } = await import('./read-xls');
  try {
    const bytes = await src.read(0, src.size);
    return await readXls(bytes, importLimits, onProgress, () => {
      if (cancelled()) throw new UnreadableWorkbook('cannot_open', 'Đã hủy.');
    });
  } catch (error) {
    if (error instanceof XlsRefused) {
      if (error.reason === 'password') throw passwordProtected(name);
      if (error.reason === 'before_excel_97')
        throw new UnreadableWorkbook(
          'legacy_xls',
          saveAsXlsx(`Tệp ${name} là sổ Excel 5.0/95, kiểu quá cũ mà ChiTieu không đọc được.`),
        );
      throw new UnreadableWorkbook(
        'not_a_workbook',
        `Tệp ${name} là tài liệu Office kiểu cũ (Word hoặc PowerPoint), không phải sổ Excel.`,
      );
    }
    if (error instanceof XlsSheetTooLarge)
      throw error.limit === 'rows' ? tooLong(error.sheet, name) : tooLarge(error.sheet, name);
    if (error instanceof XlsDamaged) throw corrupt(name);
    throw error;
  }
}

/** What kind of file this is when it is neither a zip nor a Compound File: each gets the message that tells the clerk what to do. */
function refuseOther(head: Buffer, name: string): never {
  const text = head.toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('%pdf'))
    throw new UnreadableWorkbook(
      'other_format',
      `Tệp ${name} là tệp PDF, không phải sổ Excel. Hãy xin tệp Excel (.xlsx) gốc.`,
    );
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là bảng tính XML của Excel 2003.`));
  }
  if (
    text.startsWith('<html') ||
    text.startsWith('<!doctype html') ||
    text.includes('<table') ||
    text.startsWith('mime-version')
  ) {
    throw new UnreadableWorkbook(
      'other_format',
      saveAsXlsx(`Tệp ${name} là trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra.`),
    );
  }
  const printable = [...head.subarray(0, 512)].filter(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127),
  ).length;
  if (head.length > 0 && printable / Math.min(head.length, 512) > 0.95) {
    throw new UnreadableWorkbook(
      'other_format',
      saveAsXlsx(`Tệp ${name} là tệp văn bản (như CSV), không phải sổ Excel.`),
    );
  }
  throw new UnreadableWorkbook(
    'not_a_workbook',
    `Tệp ${name} không phải sổ Excel (.xlsx, .xlsm, .xls) nên không nhập được.`,
  );
}

function refuseZipWithoutWorkbook(entries: ZipEntry[], name: string): never {
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (has('xl/workbook.bin'))
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là sổ Excel nhị phân (.xlsb).`));
  if (has('content.xml') && has('mimetype'))
    throw new UnreadableWorkbook('other_format', saveAsXlsx(`Tệp ${name} là bảng tính OpenDocument (.ods).`));
  if (has('word/')) throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là văn bản Word, không phải sổ Excel.`);
  if (has('ppt/'))
    throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là bản trình chiếu PowerPoint, không phải sổ Excel.`);
  throw new UnreadableWorkbook('not_a_workbook', `Tệp ${name} là tệp nén (zip) nhưng không phải sổ Excel.`);
}

function corrupt(name: string): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'corrupt',
    `Tệp ${name} bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong hoặc chép bị lỗi). Hãy xin lại tệp, hoặc mở trong Excel rồi lưu lại và nhập lại.`,
  );
}

/** A part that inflates past its limit, whatever size its zip entry declares: a zip bomb, not a damaged file. */
class PartTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`a part inflates past ${limitBytes} bytes`);
  }
}

function inflatesTooLarge(name: string, limitBytes: number): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'too_big',
    `Tệp ${name} khi giải nén ra quá lớn (một phần của nó vượt ${mb(limitBytes)} MB) để là một sổ báo cáo chỉ tiêu, nên ChiTieu không nhập tệp này. Nếu đây đúng là sổ báo cáo, hãy mở trong Excel, chép riêng các biểu cần nhập sang một tệp mới rồi nhập lại.`,
  );
}

interface SheetPart {
  path: string;
  name: string;
  hidden: boolean;
  order: number;
}

/** A part read whole (workbook, relations, shared strings, styles), refused past `maxBytes` or with a wrong checksum. */
async function readWholePart(
  src: ByteSource,
  entry: ZipEntry,
  maxBytes: number,
  onBytes: (n: number) => void = () => {},
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await entryStream(src, entry);
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      onBytes(buffer.length);
      if (size > maxBytes) throw new PartTooLarge(maxBytes);
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  const data = Buffer.concat(chunks);
  if (crc32(data) !== entry.crc32 || size !== entry.uncompressedSize)
    throw new ZipFormatError(`crc mismatch in ${entry.name}`);
  return data.toString('utf8');
}

interface BookStructure {
  sheets: SheetPart[];
  /** Dates counted from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

/** The sheets in tab order, with their names and whether they are hidden, from workbook.xml and its relations. */
async function bookStructure(src: ByteSource, entries: ZipEntry[]): Promise<BookStructure> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const book = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return { sheets: [], date1904: false };
  const bookXml = await readWholePart(src, book, importLimits.maxPartBytes);
  const relsXml = await readWholePart(src, rels, importLimits.maxPartBytes);
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const m of bookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const name = decodeXmlText(attribute(attrs, 'name') ?? '');
    const rid = attribute(attrs, 'r:id') ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const state = attribute(attrs, 'state') ?? 'visible';
    const path = rid ? targets.get(rid) : undefined;
    if (path)
      sheets.push({ path: path.replace(/\/\.\//g, '/'), name, hidden: state !== 'visible', order: sheets.length });
  }
  const workbookPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(bookXml)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(workbookPr, 'date1904') ?? '');
  return { sheets, date1904 };
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

/** A damaged zip or part: its directory, its inflating, its checksum or its XML. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof ZipFormatError ||
    error instanceof SheetDamaged ||
    error instanceof XmlFormatError ||
    (typeof code === 'string' && (code.startsWith('Z_') || code === 'ERR_ZLIB'))
  );
}

async function sha256Of(src: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of src.stream()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads a workbook for import: refuses what is not an .xlsx/.xlsm (with a message for each kind), then reads
 * the shared strings, the date styles and every sheet in one pass each, bounding the size of every part and
 * sheet as it goes and checking every part's checksum.
 */
export async function readWorkbook(
  input: WorkbookInput,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<ReadWorkbook> {
  const name = 'path' in input ? basename(input.path) : basename(input.name);
  let src: ByteSource;
  try {
    src = 'path' in input ? await fileSource(input.path) : bufferSource(input.bytes);
  } catch (error) {
    const { why } = readFailureOf(error);
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
    if (isCompoundFile(head)) {
      const sheets = await readCompoundFile(src, name, onProgress, cancelled);
      if (sheets.every((s) => s.rows.size === 0))
        throw new UnreadableWorkbook('empty_workbook', `Sổ ${name} trống: không trang tính nào có dữ liệu.`);
      const sha256 = await sha256Of(src);
      onProgress(1);
      return { name, size: src.size, sha256, sheets };
    }
    if (!isZip && !isEmptyZip) refuseOther(head, name);

    let entries: ZipEntry[];
    try {
      entries = await readZipDirectory(src);
    } catch (error) {
      if (error instanceof ZipFormatError) throw corrupt(name);
      throw error;
    }
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) refuseZipWithoutWorkbook(entries, name);
    if (entries.some((e) => (e.flags & 1) === 1)) {
      throw new UnreadableWorkbook(
        'password',
        `Tệp ${name} được nén có mật khẩu nên ChiTieu không đọc được. Hãy giải nén hoặc lưu lại không đặt mật khẩu rồi nhập lại.`,
      );
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    const shared = byName.get('xl/sharedStrings.xml');
    if (shared && shared.uncompressedSize > importLimits.maxSharedStringsBytes) {
      throw new UnreadableWorkbook(
        'too_many_cells',
        `Tệp ${name} chứa quá nhiều chữ (${mb(shared.uncompressedSize)} MB) để là sổ báo cáo chỉ tiêu, nên ChiTieu không nhập tệp này.`,
      );
    }
    try {
      const book = await bookStructure(src, entries);
      const parts = book.sheets.flatMap((p) => {
        const entry = byName.get(p.path);
        return entry ? [{ ...p, entry }] : [];
      });
      if (parts.length === 0)
        throw new UnreadableWorkbook('empty_workbook', `Sổ ${name} không có trang tính nào để nhập.`);

      const styles = byName.get('xl/styles.xml');
      const total =
        [shared, styles, ...parts.map((p) => p.entry)].reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0) || 1;
      let inflated = 0;
      const onBytes = (n: number) => {
        inflated += n;
        onProgress(Math.min(0.98, (0.98 * inflated) / total));
      };
      const sharedStrings = shared
        ? readSharedStrings(await readWholePart(src, shared, importLimits.maxSharedStringsBytes, onBytes))
        : [];
      const numberStyles = styles
        ? readNumberStyles(await readWholePart(src, styles, importLimits.maxPartBytes, onBytes))
        : [];
      const ctx = { sharedStrings, numberStyles, date1904: book.date1904 };

      const sheets: SheetGrid[] = [];
      let cells = 0;
      for (const part of parts) {
        if (cancelled()) throw new UnreadableWorkbook('cannot_open', 'Đã hủy.');
        const limits = {
          maxRows: importLimits.maxRowsPerSheet,
          maxRowElements: importLimits.maxRowElementsPerSheet,
          maxCells: importLimits.maxCellsPerFile - cells,
          maxBytes: importLimits.maxPartBytes,
        };
        if (part.entry.uncompressedSize > importLimits.maxPartBytes) throw tooLarge(part.name, name);
        try {
          const read = await readSheet(
            await entryStream(src, part.entry),
            { crc32: part.entry.crc32, size: part.entry.uncompressedSize },
            part,
            ctx,
            limits,
            onBytes,
          );
          cells += read.cells;
          sheets.push(read.grid);
        } catch (error) {
          if (error instanceof SheetTooLarge)
            throw error.limit === 'rows' ? tooLong(part.name, name) : tooLarge(part.name, name);
          throw error;
        }
      }
      if (sheets.every((s) => s.rows.size === 0))
        throw new UnreadableWorkbook('empty_workbook', `Sổ ${name} trống: không trang tính nào có dữ liệu.`);
      const sha256 = await sha256Of(src);
      onProgress(1);
      return { name, size: src.size, sha256, sheets };
    } catch (error) {
      if (error instanceof UnreadableWorkbook) throw error;
      if (error instanceof PartTooLarge) throw inflatesTooLarge(name, error.limitBytes);
      if (isDamage(error)) throw corrupt(name);
      throw error;
    }
  } finally {
    await src.close();
  }
}
