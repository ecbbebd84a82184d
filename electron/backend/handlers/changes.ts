import { revertBatch } from '../changes/changes-service';
import type { Handlers } from '../handler-types';

export const changeHandlers: Pick<Handlers, 'changes.revert'> = {
  'changes.revert': ({ batchId }, ctx) => revertBatch(batchId, ctx),
};
