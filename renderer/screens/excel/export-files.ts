import { formatViNumber } from '../../../shared/numbers/vi-number';
import { bytesOfBase64, saveFile } from '../common/save-file';

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

/** Hands the workbook to the browser (or Electron) as a download. */
export function downloadWorkbook(fileName: string, contentBase64: string): void {
  saveFile(
    fileName,
    new Blob([bytesOfBase64(contentBase64)], { type: /\.xlsm$/i.test(fileName) ? xlsmType : xlsxType }),
  );
}

export function fileSizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${formatViNumber(Math.max(bytes / 1024, 0.1), 1)} KB`
    : `${formatViNumber(bytes / 1024 / 1024, 1)} MB`;
}
