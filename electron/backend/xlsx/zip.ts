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
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The central directory of a zip (an .xlsx is one): where every part is and how big it is. Throws
 * ZipFormatError for a file cut short or with a damaged directory, before anything tries to inflate it.
 */
export async function readZipDirectory(src: ByteSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, 22 + 65535 + 20);
  const tail = await src.read(src.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const eocd64Offset = Number(tail.readBigUInt64LE(locatorAt + 8));
    const eocd64 = await src.read(eocd64Offset, 56);
    if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('zip64 end of directory missing');
    count = Number(eocd64.readBigUInt64LE(32));
    cdSize = Number(eocd64.readBigUInt64LE(40));
    cdOffset = Number(eocd64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > src.size || cdSize > 64 * 1024 * 1024) throw new ZipFormatError('central directory outside the file');
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('damaged central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
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
    if (localHeaderOffset + 30 > src.size || localHeaderOffset + compressedSize > src.size) throw new ZipFormatError('entry outside the file');
    entries.push({ name, flags, method, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** The inflated bytes of one entry as a stream (stored or deflated, the two methods Office writes). */
export async function entryStream(src: ByteSource, entry: ZipEntry): Promise<Readable> {
  const header = await src.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`damaged local header of ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > src.size) throw new ZipFormatError(`${entry.name} is cut short`);
  const raw = src.stream(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}
