import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { parseRange, type CellRange } from '../../../shared/spreadsheet/cell-reference';
import { SheetGridBuilder, type SheetGrid } from '../../../shared/spreadsheet/sheet-grid';
import { readCell, type CellContext, type RawCell } from './read-cell';
import { XmlScanner } from './xml-scanner';
import { attribute, detached } from './xml-text';

export interface SheetLimits {
  /** Rows holding at least one value; rows that only carry formatting count against the next limit. */
  maxRows: number;
  maxRowElements: number;
  /** Cells holding a value, this sheet and the ones read before it together. */
  maxCells: number;
  /** Inflated bytes of the part: a zip bomb stops here. */
  maxBytes: number;
}

/** Why a sheet was not read to its end: too many rows with values, or too large in any other way. */
export class SheetTooLarge extends Error {
  constructor(readonly limit: 'rows' | 'size') {
    super(`sheet over its ${limit} limit`);
  }
}

/** The part's bytes do not match the checksum or size its zip entry declares. */
export class SheetDamaged extends Error {}

/** "AB12" → 28; 0 when the reference has no column letters. */
function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/**
 * Reads one sheet part as it inflates, in one pass and bounded memory: every cell through readCell, the merged
 * ranges, and the limits checked as it goes (it stops as soon as one is passed). The checksum and size of the
 * part are checked at its end, so a damaged part is refused rather than read half.
 */
export async function readSheet(
  stream: Readable,
  expected: { crc32: number; size: number },
  sheet: { name: string; hidden: boolean },
  ctx: CellContext,
  limits: SheetLimits,
  onBytes: (n: number) => void,
): Promise<{ grid: SheetGrid; cells: number }> {
  const grid = new SheetGridBuilder();
  const merges: CellRange[] = [];
  let rowsWithValues = 0;
  let rowElements = 0;
  let cells = 0;

  let rowNumber = 0;
  let rowCounted = false;
  let col = 0;
  let cell: RawCell | null = null;
  let inInline = false;
  let phonetic = 0;
  let capture: string[] | null = null;
  let captureOf: 'v' | 'f' | 't' | null = null;
  let inline: string[] = [];

  const countValue = () => {
    cells++;
    if (!rowCounted) {
      rowCounted = true;
      rowsWithValues++;
    }
  };

  const scanner = new XmlScanner({
    get wantsText() {
      return captureOf !== null;
    },
    text(text) {
      capture?.push(text);
    },
    open(name, tag) {
      switch (name) {
        case 'row': {
          rowElements++;
          const r = attribute(tag, 'r');
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          rowCounted = false;
          col = 0;
          break;
        }
        case 'c': {
          const r = attribute(tag, 'r');
          const fromRef = r === undefined ? 0 : columnOfRef(r);
          col = fromRef > 0 ? fromRef : col + 1;
          const style = attribute(tag, 's');
          cell = {
            type: attribute(tag, 't') ?? null,
            style: style === undefined ? 0 : Number(style),
            value: null,
            formula: null,
          };
          break;
        }
        case 'v':
          if (!cell) break;
          countValue();
          capture = [];
          captureOf = 'v';
          break;
        case 'f':
          if (!cell) break;
          capture = [];
          captureOf = 'f';
          break;
        case 'is':
          if (!cell) break;
          countValue();
          inInline = true;
          inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0) {
            capture = inline;
            captureOf = 't';
          }
          break;
        case 'mergeCell': {
          const range = parseRange(attribute(tag, 'ref') ?? '');
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          if (cell && captureOf === 'v') {
            const text = (capture ?? []).join('');
            // A number, a boolean or a shared string's index is not kept as text: nothing to copy out.
            cell.value =
              cell.type === null || cell.type === 'n' || cell.type === 's' || cell.type === 'b' ? text : detached(text);
          }
          captureOf = null;
          capture = null;
          break;
        case 'f':
          if (cell && captureOf === 'f') cell.formula = detached((capture ?? []).join(''));
          captureOf = null;
          capture = null;
          break;
        case 't':
          if (captureOf === 't') {
            captureOf = null;
            capture = null;
          }
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          if (cell) cell.value = detached(inline.join(''));
          inInline = false;
          break;
        case 'c': {
          if (!cell) break;
          const reading = readCell(cell, ctx);
          cell = null;
          if (reading === undefined || rowNumber < 1 || col < 1) break;
          grid.add(rowNumber, col, reading);
          break;
        }
      }
    },
  });

  const decoder = new StringDecoder('utf8');
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      inflated += buffer.length;
      crc = crc32(buffer, crc);
      onBytes(buffer.length);
      if (inflated > limits.maxBytes) throw new SheetTooLarge('size');
      scanner.write(decoder.write(buffer));
      if (rowsWithValues > limits.maxRows) throw new SheetTooLarge('rows');
      if (rowElements > limits.maxRowElements || cells > limits.maxCells) throw new SheetTooLarge('size');
    }
  } finally {
    stream.destroy();
  }
  scanner.write(decoder.end());
  scanner.end();
  if (rowsWithValues > limits.maxRows) throw new SheetTooLarge('rows');
  if (crc >>> 0 !== expected.crc32 || inflated !== expected.size)
    throw new SheetDamaged(`${sheet.name}: checksum or size differs`);
  return { grid: grid.finish(sheet.name, sheet.hidden, merges), cells };
}
