import { maxFilesPerImport, type ImportFileBytes } from '../../../shared/api/import-entities';
import { maxWorkbookBytes } from '../../../shared/import/limits';

/**
 * The bytes of every file go to the backend in one request, as base64 (a third larger). The browser door takes
 * at most 64 MiB per request, so one reading is kept under 45 MiB of workbooks, leaving room for the encoding.
 */
const maxBytesPerReading = 45 * 1024 * 1024;

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** What the files before this one already take of a reading. */
export interface TakenSoFar {
  files: number;
  bytes: number;
}

/** The Vietnamese reason a file is not sent, or null; worded as the backend words the same refusal. */
export function refusalBeforeSending(file: File, taken: TakenSoFar): string | null {
  // A file over the backend's limit is not worth sending.
  if (file.size > maxWorkbookBytes) {
    return `Tệp ${file.name} nặng ${mb(file.size)} MB, vượt giới hạn ${mb(maxWorkbookBytes)} MB của một sổ báo cáo. Nếu sổ có ảnh hoặc trang tính không cần nhập, hãy xóa bớt (hoặc chép riêng các biểu cần nhập sang tệp mới) rồi nhập lại.`;
  }
  if (taken.files >= maxFilesPerImport) {
    return `Một lần nhập nhận tối đa ${maxFilesPerImport} tệp: hãy nhập tệp ${file.name} ở lần sau.`;
  }
  if (taken.bytes + file.size > maxBytesPerReading) {
    return `Các tệp đã chọn nặng hơn ${mb(maxBytesPerReading)} MB cho một lần nhập: hãy nhập tệp ${file.name} ở lần sau.`;
  }
  return null;
}

/** The file as the API's {name, contentBase64}; the browser's own encoder keeps a 40 MB file fast. */
export function fileSource(file: File): Promise<ImportFileBytes> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`Không đọc được tệp ${file.name} trên máy này.`));
    reader.readAsDataURL(file);
  });
}
