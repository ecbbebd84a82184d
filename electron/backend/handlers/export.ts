import { exportReport, fillTemplate } from '../export/export-service';
import type { Handlers } from '../handler-types';

/** The file's bytes stay in the backend: what crosses a door is the path written or the base64 to download. */
export const exportHandlers: Pick<
  Handlers,
  'export.report' | 'export.reportToFile' | 'export.fillTemplate' | 'export.fillTemplateToFile'
> = {
  'export.report': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await exportReport(ctx, input);
    return output;
  },
  'export.reportToFile': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await exportReport(ctx, input);
    return output;
  },
  'export.fillTemplate': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await fillTemplate(ctx, input);
    return output;
  },
  'export.fillTemplateToFile': async (input, ctx) => {
    const { bytes: _bytes, ...output } = await fillTemplate(ctx, input);
    return output;
  },
};
