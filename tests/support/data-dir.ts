import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh, empty data directory for the current test, removed when the test finishes. */
export function makeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }));
  return dir;
}
