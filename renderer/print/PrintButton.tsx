import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { printDocumentLabelsVi, type ReportPrintInput } from '../../shared/api/print-entities';
import { api } from '../api/api';
import { printPage } from './print-page';

/** "In / Lưu PDF": the document laid out on A4 by the backend, then the print dialog (where PDF is a printer). */
export function PrintButton({ input, disabled }: { input: ReportPrintInput; disabled?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const label = `In / Lưu PDF ${printDocumentLabelsVi[input.document]}`;
  const print = () => {
    setBusy(true);
    api
      .call('report.print', input)
      .then((page) => printPage(page.html, page.fileName.replace(/\.pdf$/, '')))
      .catch(
        (error: unknown) =>
          void message.error({
            content: `Chưa in được: ${error instanceof Error ? error.message : String(error)}`,
            key: 'print',
          }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<PrinterOutlined />} aria-label={label} loading={busy} disabled={disabled} onClick={print}>
      In / Lưu PDF
    </Button>
  );
}
