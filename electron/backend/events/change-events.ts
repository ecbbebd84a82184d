import type { ChitieuDb } from '../../../db/connection';
import { dataVersion } from '../../../db/access/validation';
import { invalidatedBy, readOperationNames, type OperationName, type ParsedInput } from '../../../shared/api/contract';
import type { ChangedFigures, DataChange } from '../../../shared/api/events';
import type { Logger } from '../log';

export type ChangeListener = (change: DataChange) => void;

/** How often a backend with listeners looks whether another process committed to its file. */
export const otherWritersPollMs = 500;

/** The figures a call names, where its input says so at no cost; null for the others. */
export function figuresOf<K extends OperationName>(operation: K, input: ParsedInput<K>): ChangedFigures | null {
  if (operation === 'values.set') {
    const i = input as ParsedInput<'values.set'>;
    return { unitId: i.unitId ?? null, period: i.period, year: null, codes: i.entries.map((e) => e.code) };
  }
  if (operation === 'plans.set') {
    const i = input as ParsedInput<'plans.set'>;
    return { unitId: i.unitId ?? null, period: null, year: i.year, codes: [...new Set(i.entries.map((e) => e.code))] };
  }
  return null;
}

/**
 * The change events of one backend: one after each committed call that changes what some read answers, and
 * one when another process (the command line, a second server) committed to the same file, which SQLite's
 * data_version tells. The file is looked at only while someone listens.
 */
export class ChangeEvents {
  private readonly listeners = new Set<ChangeListener>();
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private watched: { db: ChitieuDb; version: number } | null = null;

  constructor(
    private readonly currentDb: () => ChitieuDb,
    private readonly log: Logger,
  ) {}

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (this.timer === null) {
      this.watched = null;
      this.lookForOtherWriters();
      this.timer = setInterval(() => this.lookForOtherWriters(), otherWritersPollMs);
      // Listening must not keep a process alive that has nothing else to do.
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** After a call committed: tells it if it changed what some read answers. */
  committed<K extends OperationName>(operation: K, input: ParsedInput<K>, origin: string | null): void {
    const invalidates = invalidatedBy(operation);
    if (invalidates.length === 0 || this.listeners.size === 0) return;
    this.tell({ operation, invalidates: [...invalidates], origin, figures: figuresOf(operation, input) });
  }

  close(): void {
    this.stop();
    this.listeners.clear();
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.watched = null;
  }

  private lookForOtherWriters(): void {
    const db = this.currentDb();
    let version: number;
    try {
      version = dataVersion(db);
    } catch (error) {
      // Closed for a moment (a restore reopens the file): the next look reads the new connection.
      this.log.error('data_version unreadable', { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    // A new connection (after a restore) starts its own count: its first value is not a change.
    const changed = this.watched !== null && this.watched.db === db && this.watched.version !== version;
    this.watched = { db, version };
    if (changed) this.tell({ operation: null, invalidates: [...readOperationNames], origin: null, figures: null });
  }

  private tell(change: Omit<DataChange, 'seq' | 'at'>): void {
    const event: DataChange = { ...change, seq: ++this.seq, at: new Date().toISOString() };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error('change listener failed', { message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
