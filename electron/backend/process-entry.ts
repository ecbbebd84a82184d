import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { createBackend, type Backend } from './backend';
import { workerRequestSchema, type WorkerMessage } from './worker-protocol';

/** The slice of Electron's utility-process parent port this entry uses; it is a global, not an import. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: WorkerMessage): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('backend-process must run as an Electron utility process');
const port = parentPort;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { data: { type: 'string' }, 'native-binding': { type: 'string' } },
  strict: false,
});

let backend: Backend | null = null;
try {
  backend = createBackend({
    dataDir: String(values.data),
    automaticBackups: true,
    ...(typeof values['native-binding'] === 'string' ? { nativeBinding: values['native-binding'] } : {}),
  });
  backend.onChange((change) => port.postMessage({ type: 'change', change }));
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({
    type: 'fatal',
    message:
      error instanceof AppError
        ? error.message
        : `Không mở được cơ sở dữ liệu: ${error instanceof Error ? error.message : String(error)}`,
  });
}

const inFlight = new Set<Promise<void>>();
let closing = false;

// Messages are handled in order and every write commits before its call first awaits, so by the time
// 'shutdown' arrives every save the window sent before closing is committed; a workbook still being written
// is let finish before the database closes.
port.on('message', ({ data }) => {
  const request = workerRequestSchema.safeParse(data);
  if (!request.success) return;
  if (request.data.type === 'shutdown') {
    closing = true;
    void Promise.allSettled([...inFlight]).then(() => {
      backend?.close();
      backend = null;
      process.exit(0);
    });
    return;
  }
  if (!backend || closing) return;
  const { id } = request.data;
  const done = backend.call(request.data.operation, request.data.input, request.data.origin).then((response) => {
    port.postMessage({ type: 'response', id, response });
    inFlight.delete(done);
  });
  inFlight.add(done);
});

process.on('exit', () => backend?.close());
