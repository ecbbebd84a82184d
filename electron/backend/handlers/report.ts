import {
  reportTemplates,
  resetReportTemplate,
  saveReportTemplate,
  unitReport,
  unitReportDocx,
} from '../report/report-service';
import type { Handlers } from '../handler-types';
import { printDocument } from '../report/print-service';

export const reportHandlers: Pick<
  Handlers,
  | 'report.build'
  | 'report.print'
  | 'report.docx'
  | 'report.docxToFile'
  | 'report.templates.list'
  | 'report.templates.save'
  | 'report.templates.reset'
> = {
  'report.build': ({ period, unitId }, ctx) => unitReport(ctx, period, unitId),
  'report.print': (input, ctx) => printDocument(ctx, input),
  /** The bytes stay in the backend: what crosses a door is the path written or the base64 to download. */
  'report.docx': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await unitReportDocx(ctx, input);
    return output;
  },
  'report.docxToFile': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await unitReportDocx(ctx, input);
    return output;
  },
  'report.templates.list': (_input, ctx) => reportTemplates(ctx),
  'report.templates.save': ({ key, text }, ctx) => saveReportTemplate(ctx, key, text),
  'report.templates.reset': ({ key }, ctx) => resetReportTemplate(ctx, key),
};
