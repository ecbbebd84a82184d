import { appInfo } from '../app-info/app-info-service';
import type { Handlers } from '../handler-types';

export const appInfoHandlers: Pick<Handlers, 'app.info'> = {
  'app.info': (_input, ctx) => appInfo(ctx),
};
