import { basename, resolve } from 'node:path';
import { deliverFile } from '../../backend/files/deliver-file';
import { reportHtml } from '../../../shared/report/report-html';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { endDayOf, requirePeriod } from '../period-option';
import { unitIdOption } from '../resolve-unit-option';

export const reportFormats = ['text', 'docx', 'html'] as const;
type ReportFormat = (typeof reportFormats)[number];

export interface ReportOptions {
  dataDir: string;
  period: string | undefined;
  unit: string | undefined;
  format: string | undefined;
  out: string | undefined;
  json: boolean;
}

function formatOption(text: string | undefined): ReportFormat {
  if (text === undefined) return 'text';
  if ((reportFormats as readonly string[]).includes(text)) return text as ReportFormat;
  throw new UsageError(`--format chỉ nhận text, docx hoặc html, không nhận "${text}".`);
}

/**
 * `chitieu report --period P [--unit U] [--format text|docx|html] [--out FILE] [--json]`: the period's report in
 * sentences. Text (the default) and HTML go to stdout unless --out names a file; a .docx always needs --out.
 * --json prints the report's parts (sections, sentences, skipped sentences and why, open findings).
 */
export async function reportCommand(options: ReportOptions): Promise<void> {
  const period = requirePeriod(options.period);
  const format = formatOption(options.format);
  if (format === 'docx' && !options.out)
    throw new UsageError('--format docx cần --out: tên tệp Word cần ghi (ví dụ --out bao-cao-6-thang.docx).');
  if (options.json && options.format !== undefined)
    throw new UsageError('--json in các phần của báo cáo; không dùng cùng --format.');
  const target = options.out === undefined ? undefined : resolve(options.out);

  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, endDayOf(period));
    if (format === 'docx' && target !== undefined) {
      const result = await api.call('report.docxToFile', { period, unitId, saveTo: target });
      process.stdout.write(`Đã ghi báo cáo (${result.fileName}) → ${result.path ?? ''}\n`);
      return;
    }
    const report = await api.call('report.build', { period, unitId });
    const content = options.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'html'
        ? reportHtml(report)
        : report.text;
    if (target === undefined) {
      process.stdout.write(content);
      return;
    }
    deliverFile(Buffer.from(content, 'utf8'), basename(target), target, null);
    process.stdout.write(`Đã ghi báo cáo ${report.periodLabel} (${report.unitName}) → ${target}\n`);
  } finally {
    backend.close();
  }
}
