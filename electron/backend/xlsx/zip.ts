import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** The bytes of a file to import: on disk (read in pieces), or sent by a browser (already in memory). */
export interface ByteSource {
  readonly size: number;
  read(start: number, length: number): Promise<Buffer>;
  /** The bytes from start to end (exclusive) as a stream. */
  stream(start?: number, end?: number): Readable;
  close(): Promise<void>;
}

export async function fileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(start, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - start)));
      if (buffer.length === 0) return buffer;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      return buffer.subarray(0, bytesRead);
    },
    stream(start = 0, end = size) {
      if (end <= start) return Readable.from([]);
      return createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 });
    },
    close: () => handle.close(),
  };
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (start, length) => Promise.resolve(bytes.subarray(start, Math.min(bytes.length, start + length))),
    stream(start = 0, end = bytes.length) {
      const chunks: Buffer[] = [];
      for (let at = start; at < end; at += 256 * 1024) chunks.push(bytes.subarray(at, Math.min(end, at + 256 * 1024)));
      return Readable.from(chunks);
    },
    close: () => Promise.resolve(),
  };
}

export interface ZipEntry {
  name: string;
  /** The name as stored, byte for byte (a rewritten package keeps it). */
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttributes: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

/** The signatures of the records a zip writer writes too. */
export const zipSignatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
const { local: LOCAL, central: CENTRAL, end: EOCD } = zipSignatures;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const tailLengthMax = 22 + 65535 + 20;

interface DirectoryPlace {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the zip64 end record is, when the plain one says to look there. */
  zip64At: number | null;
}

/** The end-of-directory record found in the last bytes of the file (`tail` ends where the file ends). */
function directoryPlace(tail: Buffer): DirectoryPlace {
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end of central directory');
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count !== 0xffff && cdSize !== 0xffffffff && cdOffset !== 0xffffffff)
    return { count, cdSize, cdOffset, zip64At: null };
  const locatorAt = at - 20;
  if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR)
    throw new ZipFormatError('zip64 locator missing');
  return { count, cdSize, cdOffset, zip64At: Number(tail.readBigUInt64LE(locatorAt + 8)) };
}

function zip64Place(record: Buffer): DirectoryPlace {
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
    throw new ZipFormatError('zip64 end of directory missing');
  return {
    count: Number(record.readBigUInt64LE(32)),
    cdSize: Number(record.readBigUInt64LE(40)),
    cdOffset: Number(record.readBigUInt64LE(48)),
    zip64At: null,
  };
}

function checkPlace(place: DirectoryPlace, size: number): void {
  if (place.cdOffset + place.cdSize > size || place.cdSize > 64 * 1024 * 1024)
    throw new ZipFormatError('central directory outside the file');
}

function parseDirectory(cd: Buffer, count: number, fileSize: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('damaged central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const time = cd.readUInt16LE(p + 12);
    const date = cd.readUInt16LE(p + 14);
    const crc32 = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const externalAttributes = cd.readUInt32LE(p + 38);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLength);
    // Zip64: sizes and offset too big for 32 bits are in the extra field, in this order, when marked so.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    if (localHeaderOffset + 30 > fileSize || localHeaderOffset + compressedSize > fileSize)
      throw new ZipFormatError('entry outside the file');
    const name = nameBytes.toString('utf8');
    entries.push({
      name,
      nameBytes,
      flags,
      method,
      time,
      date,
      crc32,
      compressedSize,
      uncompressedSize,
      externalAttributes,
      localHeaderOffset,
    });
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * The central directory of a zip (an .xlsx is one): where every part is and how big it is. Throws
 * ZipFormatError for a file cut short or with a damaged directory, before anything tries to inflate it.
 */
export async function readZipDirectory(src: ByteSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, tailLengthMax);
  let place = directoryPlace(await src.read(src.size - tailLength, tailLength));
  if (place.zip64At !== null) place = zip64Place(await src.read(place.zip64At, 56));
  checkPlace(place, src.size);
  return parseDirectory(await src.read(place.cdOffset, place.cdSize), place.count, src.size);
}

/** The same directory, of a zip held in memory (a template being filled). */
export function zipDirectoryOf(bytes: Buffer): ZipEntry[] {
  let place = directoryPlace(bytes.subarray(Math.max(0, bytes.length - tailLengthMax)));
  if (place.zip64At !== null) place = zip64Place(bytes.subarray(place.zip64At, place.zip64At + 56));
  checkPlace(place, bytes.length);
  return parseDirectory(bytes.subarray(place.cdOffset, place.cdOffset + place.cdSize), place.count, bytes.length);
}

/** Where an entry's stored bytes start, from its local header (whose name and extra lengths may differ from the directory's). */
function dataStart(header: Buffer, entry: ZipEntry, fileSize: number): number {
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
    throw new ZipFormatError(`damaged local header of ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw new ZipFormatError(`${entry.name} is cut short`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  return start;
}

/** The stored (still compressed) bytes of an entry of a zip held in memory. */
export function storedBytesOf(bytes: Buffer, entry: ZipEntry): Buffer {
  const start = dataStart(bytes.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30), entry, bytes.length);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The inflated bytes of one entry as a stream (stored or deflated, the two methods Office writes). */
export async function entryStream(src: ByteSource, entry: ZipEntry): Promise<Readable> {
  const start = dataStart(await src.read(entry.localHeaderOffset, 30), entry, src.size);
  const raw = src.stream(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}
