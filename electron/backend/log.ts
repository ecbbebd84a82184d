import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event in DATA/logs/chitieu.log, in English, for whoever supports the clerk. */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'chitieu.log');
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    try {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`);
    } catch {
      // A full disk must not turn a logged failure into a second one; the caller already reports it.
    }
  };
  return {
    info: (event, fields) => write('info', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
