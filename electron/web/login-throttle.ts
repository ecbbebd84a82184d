/** How many wrong passwords an address may give before each further try has to wait, and how long at most. */
export interface ThrottlePolicy {
  freeFailures: number;
  firstWaitMs: number;
  longestWaitMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  freeFailures: 5,
  firstWaitMs: 2_000,
  longestWaitMs: 15 * 60 * 1000,
  windowMs: 60 * 60 * 1000,
};

interface Failures {
  count: number;
  lastAt: number;
}

/**
 * Wrong passwords counted per address and for the door as a whole: past the free tries, each further wrong
 * password doubles the wait before the next is even checked. The whole door's count stops a guesser who changes
 * address; its free tries are ten times an address's, so one clerk's typos do not lock the office out.
 */
export class LoginThrottle {
  private readonly byAddress = new Map<string, Failures>();
  private readonly door: Failures = { count: 0, lastAt: 0 };
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs one login check of an address after the ones before it: guesses sent all at once are checked one by one,
   * each counted before the next is looked at, while logins from other addresses go on.
   */
  inTurn<T>(address: string, check: () => Promise<T>): Promise<T> {
    const before = this.turns.get(address) ?? Promise.resolve();
    const mine = before.then(check, check);
    const settled = mine.catch(() => undefined);
    this.turns.set(address, settled);
    void settled.then(() => {
      if (this.turns.get(address) === settled) this.turns.delete(address);
    });
    return mine;
  }

  /** Milliseconds this address must still wait before a password of it is checked; 0 when it may try now. */
  waitFor(address: string): number {
    return Math.max(this.remaining(this.byAddress.get(address), 1), this.remaining(this.door, 10));
  }

  /** Counts an attempt before its password is checked; the right password takes it back (succeeded). */
  attempted(address: string): void {
    const at = this.now();
    for (const [known, entry] of this.byAddress)
      if (at - entry.lastAt > this.policy.windowMs) this.byAddress.delete(known);
    const entry = this.fresh(this.byAddress.get(address), at);
    this.byAddress.set(address, { count: entry.count + 1, lastAt: at });
    const door = this.fresh(this.door, at);
    this.door.count = door.count + 1;
    this.door.lastAt = at;
  }

  /** The right password: its attempt is taken back, and the address starts afresh. */
  succeeded(address: string): void {
    this.byAddress.delete(address);
    this.door.count = Math.max(0, this.door.count - 1);
  }

  private fresh(entry: Failures | undefined, at: number): Failures {
    return entry === undefined || at - entry.lastAt > this.policy.windowMs ? { count: 0, lastAt: at } : entry;
  }

  private remaining(entry: Failures | undefined, scale: number): number {
    if (entry === undefined) return 0;
    const at = this.now();
    if (at - entry.lastAt > this.policy.windowMs) return 0;
    const over = entry.count - this.policy.freeFailures * scale;
    if (over < 0) return 0;
    const wait = Math.min(this.policy.firstWaitMs * 2 ** over, this.policy.longestWaitMs);
    return Math.max(0, entry.lastAt + wait - at);
  }
}
