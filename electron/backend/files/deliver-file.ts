import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { foldVietnamese } from '../../../shared/text/fold-vietnamese';

/** A name of a unit as it can stand in a file name on any system: "Tỉnh Lạng Sơn" → "tinh-lang-son". */
export function fileSlug(text: string): string {
  return (
    foldVietnamese(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'don-vi'
  );
}

export interface DeliveredFile {
  fileName: string;
  /** Where it was written; null when its bytes travel back to the caller instead. */
  path: string | null;
  contentBase64: string | null;
  size: number;
}

/**
 * Writes a file the backend made to the path the clerk chose, or hands its bytes back (a download in the
 * browser mode). A file that cannot be written is said in the clerk's words: the usual cause is the same
 * file still open in Excel or Word, which locks it on Windows.
 */
export function deliverFile(
  bytes: Buffer,
  fileName: string,
  saveTo: string | undefined,
  openIn: 'Excel' | 'Word' | null,
): DeliveredFile {
  if (saveTo === undefined)
    return { fileName, path: null, contentBase64: bytes.toString('base64'), size: bytes.length };
  try {
    writeFileSync(saveTo, bytes);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const why =
      code === 'ENOENT'
        ? 'thư mục không tồn tại'
        : code === 'EACCES' || code === 'EPERM'
          ? 'không có quyền ghi'
          : code === 'EISDIR'
            ? 'đây là một thư mục'
            : code === 'EBUSY'
              ? `tệp đang mở trong chương trình khác${openIn === null ? '' : ` (hãy đóng ${openIn})`}`
              : 'không ghi được';
    throw new AppError(
      'bad_input',
      `Không ghi được tệp ${saveTo}: ${why}.`,
      { path: saveTo, code },
      'cannot write output file',
    );
  }
  return { fileName: basename(saveTo), path: saveTo, contentBase64: null, size: bytes.length };
}
