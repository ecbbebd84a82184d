import { Button } from 'antd';
import type { ReactNode } from 'react';
import { downloadWorkbook, fileSizeText } from './export-files';

interface DeliveredWorkbook {
  fileName: string;
  path: string | null;
  contentBase64: string | null;
  size: number;
}

/**
 * Where a made workbook went: written to the place the clerk chose (the desktop's save dialog), or downloaded,
 * with a button to fetch it again from the bytes still at hand.
 */
export function DeliveredFile({ output, children }: { output: DeliveredWorkbook; children?: ReactNode }) {
  return (
    <span>
      Tệp <strong>{output.fileName}</strong> ({fileSizeText(output.size)}){' '}
      {output.path === null ? 'đã được tải về' : `đã được lưu vào ${output.path}`}
      {children}{' '}
      {output.contentBase64 === null ? null : (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => downloadWorkbook(output.fileName, output.contentBase64 ?? '')}
        >
          Tải lại tệp
        </Button>
      )}
    </span>
  );
}
