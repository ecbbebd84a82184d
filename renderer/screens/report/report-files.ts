import type { ReportDocxOutput } from '../../../shared/api/report-entities';
import { bytesOfBase64, saveFile } from '../common/save-file';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The Word file the backend wrote, handed to the browser (or Electron) as a download. */
export function downloadDocx(file: ReportDocxOutput): void {
  if (file.contentBase64 === null) throw new Error('Tệp Word không có nội dung để tải về.');
  saveFile(file.fileName, new Blob([bytesOfBase64(file.contentBase64)], { type: docxType }));
}

/** The report's text to the clipboard, ready to paste into the department's own document. */
export async function copyText(text: string): Promise<void> {
  // Only a secure context has the clipboard API: the desktop window and http://127.0.0.1 both are.
  if (!('clipboard' in navigator))
    throw new Error('Trình duyệt không cho phép ghi vào bộ nhớ tạm; hãy chọn văn bản rồi nhấn Ctrl+C.');
  await navigator.clipboard.writeText(text);
}
