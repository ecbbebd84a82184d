import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { ApiClient } from '../../shared/api/client';
import type { OperationInput } from '../../shared/api/contract';
import type {
  ImportPreview,
  ImportResult,
  PreviewFile,
  PreviewRow,
  PreviewSheet,
  PreviewValue,
} from '../../shared/api/import-entities';

/** The real, empty workbooks of one department's reporting system, copied into the repository. */
export const samplesDir = fileURLToPath(new URL('../fixtures/samples/', import.meta.url));
export const sampleFiles = {
  thang01: join(samplesDir, 'bpc-thang-01.xlsx'),
  thang05: join(samplesDir, 'bpc-thang-05.xlsx'),
  xuatKhau: join(samplesDir, 'bpc-tinh-hinh-xuat-khau.xlsx'),
  tmdt: join(samplesDir, 'bpc-bao-cao-nam-tmdt.xlsx'),
};

export type Figure = number | string | null | { formula: string; result?: number | string };

/** What a filler gets for each indicator row: where it is and what the headings above its cells say. */
export interface RowInfo {
  sheet: string;
  row: number;
  name: string;
  unit: string;
  /** The heading of each column by letter (for two-row headings, the lower one). */
  headings: Record<string, string>;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

/**
 * A filled copy of a workbook: for every row under the header row that has a name, `fill` gives the figure of
 * each measure column (by letter); the file is written back with exceljs, as a real .xlsx.
 */
export async function fillWorkbook(
  source: string,
  target: string,
  options: {
    headerRow: number;
    firstDataRow: number;
    nameColumn: string;
    unitColumn?: string;
    measureColumns: string[];
  },
  fill: (info: RowInfo, column: string) => Figure | undefined,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  for (const ws of wb.worksheets) {
    const headings: Record<string, string> = {};
    for (const letter of options.measureColumns)
      headings[letter] = textOf(ws.getCell(`${letter}${options.headerRow}`).value);
    for (let r = options.firstDataRow; r <= ws.rowCount; r++) {
      const name = textOf(ws.getCell(`${options.nameColumn}${r}`).value);
      if (name === '') continue;
      const unit = options.unitColumn ? textOf(ws.getCell(`${options.unitColumn}${r}`).value).trim() : '';
      for (const letter of options.measureColumns) {
        const figure = fill({ sheet: ws.name, row: r, name, unit, headings }, letter);
        if (figure === undefined) continue;
        ws.getCell(`${letter}${r}`).value = figure as ExcelJS.CellValue;
      }
    }
  }
  await wb.xlsx.writeFile(target);
  return target;
}

/**
 * The monthly layout of bpc-thang-01 (E kỳ trước, F cùng kỳ, G kỳ báo cáo, H and I the percentages) filled as
 * the statistics office would: retail in triệu đồng, products in their own units, indices near 100, stated
 * percentages that agree, each figure far enough from the others to tell which cell it came from; `shift`
 * makes a revised copy.
 */
export function monthlyFiller(shift = 0): (info: RowInfo, column: string) => number | undefined {
  return (info, column) => {
    if (info.unit === '') return undefined;
    const index = info.unit === '%';
    const base = info.unit.toLowerCase().includes('triệu đồng')
      ? 14_659_900 + info.row * 1_000
      : index
        ? 100 + info.row
        : 1000 + info.row * 10;
    const current = base + shift;
    const previous = current - (index ? 1 : 100);
    const samePeriod = current - (index ? 2 : 200);
    const figures: Record<string, number> = {
      E: previous,
      F: samePeriod,
      G: current,
      H: Math.round((current / previous) * 1000) / 10,
      // An index already is "so với cùng kỳ": its comparison column states the index itself.
      I: index ? current : Math.round((current / samePeriod) * 1000) / 10,
    };
    return figures[column];
  };
}

/** The measure columns monthlyFiller fills, for fillWorkbook. */
export const monthlyLayout = {
  headerRow: 1,
  firstDataRow: 2,
  nameColumn: 'C',
  unitColumn: 'D',
  measureColumns: ['E', 'F', 'G', 'H', 'I'],
};

/** A workbook built cell by cell: `rows` are written from row 1 (null leaves a cell empty), with merges. */
export interface SheetSpec {
  name: string;
  rows: Figure[][];
  merges?: string[];
  hidden?: boolean;
  /** Number formats by cell address ("D2": "0.0%"). */
  formats?: Record<string, string>;
}

export async function writeWorkbook(target: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((value, j) => {
        if (value !== null) row.getCell(j + 1).value = value as ExcelJS.CellValue;
      });
      row.commit();
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
    for (const [address, numFmt] of Object.entries(spec.formats ?? {})) ws.getCell(address).numFmt = numFmt;
  }
  await wb.xlsx.writeFile(target);
  return target;
}

/** Reads files for import through the API and waits until every one is read or has failed. */
export async function readForImport(
  api: ApiClient,
  paths: string[],
): Promise<{ sessionId: string; fileIds: string[] }> {
  const { sessionId, files } = await api.call('import.readPaths', { files: paths.map((path) => ({ path })) });
  for (let i = 0; i < 6000; i++) {
    const progress = await api.call('import.progress', { sessionId });
    if (progress.done) return { sessionId, fileIds: files.map((f) => f.fileId) };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('reading the files did not finish');
}

type Choices = Omit<OperationInput<'import.preview'>, 'sessionId'>;

/** A sheet of the preview with every figure it would write, as the pages of import.values bring them. */
export type ListedSheet = PreviewSheet & { values: PreviewValue[] };
export type ListedPreview = Omit<ImportPreview, 'files'> & {
  files: (Omit<PreviewFile, 'sheets'> & { sheets: ListedSheet[] })[];
};

/** The preview for these choices, each sheet's figures fetched page by page. */
export async function listedPreview(api: ApiClient, input: OperationInput<'import.preview'>): Promise<ListedPreview> {
  const preview = await api.call('import.preview', input);
  const files = [];
  for (const file of preview.files) {
    const sheets: ListedSheet[] = [];
    for (const sheet of file.sheets) {
      const values: PreviewValue[] = [];
      for (;;) {
        const page = await api.call('import.values', {
          ...input,
          fileId: file.fileId,
          sheet: sheet.name,
          offset: values.length,
          limit: 5000,
        });
        values.push(...page.values);
        if (page.values.length === 0 || values.length >= page.total) break;
      }
      sheets.push({ ...sheet, values });
    }
    files.push({ ...file, sheets });
  }
  return { ...preview, files };
}

export async function previewImport(api: ApiClient, paths: string[], choices: Choices = {}): Promise<ListedPreview> {
  const { sessionId } = await readForImport(api, paths);
  return listedPreview(api, { sessionId, ...choices });
}

export async function commitImport(api: ApiClient, paths: string[], choices: Choices = {}): Promise<ImportResult> {
  const { sessionId } = await readForImport(api, paths);
  return api.call('import.commit', { sessionId, ...choices });
}

export function sheetOf(preview: ListedPreview, name: string, file = 0): ListedSheet {
  const sheet = preview.files[file]?.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in the preview`);
  return sheet;
}

export function rowAt(sheet: PreviewSheet, row: number): PreviewRow {
  const found = sheet.rows.find((r) => r.row === row);
  if (!found) throw new Error(`no row ${row} in sheet ${sheet.name}`);
  return found;
}

export function valueAt(sheet: ListedSheet, cell: string): PreviewValue {
  const found = sheet.values.find((v) => v.cell === cell);
  if (!found) throw new Error(`no value from cell ${cell} in sheet ${sheet.name}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Bad files

/**
 * A minimal Compound File (the container of .xls files and of password-protected .xlsx files) holding empty
 * streams with the given names: enough for any reader to see what it is.
 */
export function compoundFile(streamNames: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const dir = Buffer.alloc(sector, 0);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67);
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(0xfffffffe, at + 116);
  };
  entry(0, 'Root Entry', 5, streamNames.length > 0 ? 1 : 0xffffffff, 0xffffffff);
  streamNames
    .slice(0, 3)
    .forEach((name, i) =>
      entry(i + 1, name, 2, 0xffffffff, i + 2 <= Math.min(3, streamNames.length) ? i + 2 : 0xffffffff),
    );
  return Buffer.concat([header, fat, dir]);
}

export function writePasswordProtected(target: string): string {
  writeFileSync(target, compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
  return target;
}

export function writeNotAWorkbook(target: string): string {
  writeFileSync(target, 'Báo cáo tháng 5: xem tệp đính kèm.\n');
  return target;
}

/** The first part of a real workbook, as a download cut short leaves it. */
export function writeTruncated(source: string, target: string, keep = 0.6): string {
  const bytes = readFileSync(source);
  writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length * keep)));
  return target;
}

/** A real workbook with some bytes in the middle of its compressed data overwritten. */
export function writeCorrupted(source: string, target: string): string {
  const bytes = Buffer.from(readFileSync(source));
  const sheetAt = bytes.indexOf('xl/worksheets/sheet1.xml');
  const from = sheetAt > 0 ? sheetAt + 60 : Math.floor(bytes.length / 3);
  for (let i = from; i < Math.min(bytes.length - 200, from + 40); i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
  writeFileSync(target, bytes);
  return target;
}

export async function writeEmptyWorkbook(target: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  await wb.xlsx.writeFile(target);
  return target;
}

/** About `megabytes` MB: a small table plus an incompressible picture, as a workbook with scanned pages is. */
export async function writeHeavyWorkbook(target: string, megabytes: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 1');
  ws.addRow(['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo']);
  ws.addRow(['1', 'Kim ngạch xuất khẩu', 'Triệu USD', 61.1]);
  const image = wb.addImage({
    buffer: randomBytes(megabytes * 1024 * 1024) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  ws.addImage(image, 'F2:H10');
  await wb.xlsx.writeFile(target);
  return target;
}

/** A sheet of `rows` rows under an ordinary header, written with exceljs's streaming writer. */
export async function writeLongSheet(target: string, rows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo']).commit();
  for (let i = 1; i <= rows; i++) ws.addRow([i, `Chỉ tiêu ${i}`, 'tấn', i]).commit();
  ws.commit();
  await wb.commit();
  return target;
}

/** A short table in a template whose borders were drawn down `emptyRows` rows that hold nothing. */
export async function writeBorderedTemplate(target: string, emptyRows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('Biểu');
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  ws.addRow(['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo']).commit();
  ws.addRow([1, 'Điện sản xuất', 'triệu kWh', 130]).commit();
  for (let i = 0; i < emptyRows; i++) {
    const row = ws.addRow([]);
    for (let c = 1; c <= 4; c++) row.getCell(c).border = border;
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return target;
}
