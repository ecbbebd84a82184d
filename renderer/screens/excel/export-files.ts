import { formatViNumber } from '../../../shared/numbers/vi-number';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsmType = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** A workbook chosen on this computer, as the browser door carries it: its name and its bytes in base64. */
export interface ChosenWorkbook {
  name: string;
  contentBase64: string;
  size: number;
}

/** Reads a chosen file as base64; the data URL is the browser's own encoder, fast for files of many megabytes. */
export function readAsBase64(file: File): Promise<ChosenWorkbook> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Không đọc được tệp ${file.name}.`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, contentBase64: url.slice(url.indexOf(',') + 1), size: file.size });
    };
    reader.readAsDataURL(file);
  });
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Hands the workbook to the browser as a download. In the browser mode it lands in the downloads folder; in
 * the desktop app Electron's default download handling asks where to save it.
 */
export function downloadWorkbook(fileName: string, contentBase64: string): void {
  const type = /\.xlsm$/i.test(fileName) ? xlsmType : xlsxType;
  const url = URL.createObjectURL(new Blob([bytesOf(contentBase64)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; a later revoke frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function fileSizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${formatViNumber(Math.max(bytes / 1024, 0.1), 1)} KB` : `${formatViNumber(bytes / 1024 / 1024, 1)} MB`;
}
