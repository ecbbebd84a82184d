import { utilityProcess, type UtilityProcess } from 'electron';
import type { DataChange } from '../../shared/api/events';
import type { WorkerMessage, WorkerRequest } from '../backend/worker-protocol';

const stoppedResponse = {
  ok: false,
  error: { code: 'internal', message: 'Tiến trình xử lý dữ liệu của ChiTieu đã dừng; hãy mở lại ứng dụng.' },
};

/** Runs the backend in a utility process so that SQLite never blocks the window's main thread. */
export class BackendProcess {
  private readonly child: UtilityProcess;
  private readonly pending = new Map<number, (response: unknown) => void>();
  private nextId = 1;
  private readonly changeListeners = new Set<(change: DataChange) => void>();
  private exited = false;
  readonly ready: Promise<void>;

  constructor(entry: string, args: string[]) {
    this.child = utilityProcess.fork(entry, args, { serviceName: 'ChiTieu backend', stdio: 'inherit' });
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          resolve();
        } else if (message.type === 'fatal') {
          reject(new Error(message.message));
        } else if (message.type === 'change') {
          for (const listener of this.changeListeners) listener(message.change);
        } else {
          this.pending.get(message.id)?.(message.response);
          this.pending.delete(message.id);
        }
      });
      this.child.once('exit', (code) => {
        this.exited = true;
        for (const settle of this.pending.values()) settle(stoppedResponse);
        this.pending.clear();
        reject(new Error(`Tiến trình xử lý dữ liệu đã dừng (mã ${code}).`));
      });
    });
  }

  /** The backend's change events, for the windows to follow. */
  onChange(listener: (change: DataChange) => void): void {
    this.changeListeners.add(listener);
  }

  call(operation: string, input: unknown, origin?: string): Promise<unknown> {
    if (this.exited) return Promise.resolve(stoppedResponse);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const request: WorkerRequest = {
        type: 'call',
        id,
        operation,
        input,
        ...(origin === undefined ? {} : { origin }),
      };
      this.child.postMessage(request);
    });
  }

  /** Lets the backend finish what it was sent and close the database; kills it only if it hangs. */
  shutdown(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      // Closing takes a backup of the whole database first; a kill midway leaves only a scratch file, never a half backup.
      const timer = setTimeout(() => this.child.kill(), 30_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const request: WorkerRequest = { type: 'shutdown' };
      this.child.postMessage(request);
    });
  }
}
