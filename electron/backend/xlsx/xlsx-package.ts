/**
 * An .xlsx as the zip of parts it is, read and written again part by part: a filled template changes the XML
 * of the cells it fills and nothing else, so every other part (styles, drawings, charts, macros, printer
 * settings, parts no library knows) leaves with the very bytes it came with.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { storedBytesOf, zipDirectoryOf, zipSignatures } from './zip';

const { local: LOCAL, central: CENTRAL, end: EOCD } = zipSignatures;

export interface PackagePart {
  name: string;
  /** The name as stored, byte for byte. */
  nameBytes: Buffer;
  /** The bytes as stored in the zip (compressed with `method`). */
  stored: Buffer;
  method: number;
  crc: number;
  size: number;
  flags: number;
  time: number;
  date: number;
  externalAttributes: number;
  /** Replaced content, written instead of `stored` (deflated). */
  replaced?: Buffer;
}

/** The parts of an .xlsx held in memory, through the one zip reader the import uses too. */
export function readPackage(bytes: Buffer): PackagePart[] {
  return zipDirectoryOf(bytes).map((entry) => ({
    name: entry.name,
    nameBytes: entry.nameBytes,
    stored: storedBytesOf(bytes, entry),
    method: entry.method,
    crc: entry.crc32,
    size: entry.uncompressedSize,
    flags: entry.flags,
    time: entry.time,
    date: entry.date,
    externalAttributes: entry.externalAttributes,
  }));
}

/** The content of a part, inflated. */
export function partContent(part: PackagePart): Buffer {
  if (part.replaced) return part.replaced;
  return part.method === 0 ? part.stored : inflateRawSync(part.stored);
}

export function partText(part: PackagePart): string {
  return partContent(part).toString('utf8');
}

export function replacePart(part: PackagePart, text: string): void {
  part.replaced = Buffer.from(text, 'utf8');
}

/** The zip again: unchanged parts with their stored bytes, replaced ones deflated; no data descriptors. */
export function writePackage(parts: readonly PackagePart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = part.nameBytes;
    const replaced = part.replaced;
    const data = replaced ? deflateRawSync(replaced, { level: 6 }) : part.stored;
    const method = replaced ? 8 : part.method;
    const crc = replaced ? crc32(replaced) >>> 0 : part.crc;
    const size = replaced ? replaced.length : part.size;
    // Bit 3 (sizes in a data descriptor after the data) is cleared: the sizes are in the headers.
    const flags = part.flags & ~0x0008;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(part.time, 10);
    local.writeUInt16LE(part.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(part.time, 12);
    entry.writeUInt16LE(part.date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(part.externalAttributes, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBytes, end]);
}
