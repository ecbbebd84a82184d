import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../handler-types';

function notYet(): never {
  throw new AppError('internal', 'Báo cáo bằng lời đang được xây dựng.', {}, 'report engine not built yet');
}

export const reportHandlers: Pick<Handlers, 'report.build' | 'report.docx' | 'report.templates.list' | 'report.templates.save' | 'report.templates.reset'> = {
  'report.build': () => notYet(),
  'report.docx': () => notYet(),
  'report.templates.list': () => notYet(),
  'report.templates.save': () => notYet(),
  'report.templates.reset': () => notYet(),
};
