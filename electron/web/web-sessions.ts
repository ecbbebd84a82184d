import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionLifetimes {
  /** A session not used for this long ends: a browser left open in an empty office. */
  idleMs: number;
  /** A session ends this long after its login however busy it is, so a stolen cookie does not live forever. */
  absoluteMs: number;
}

export const defaultSessionLifetimes: SessionLifetimes = {
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
};

interface Session {
  startedAt: number;
  lastSeenAt: number;
  /** What the session was opened with (the access password's stored hash): a new password ends it. */
  grant: string;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The browser sessions a login opened: each expires when idle or old, and a logout revokes it at once. */
export class WebSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => number = Date.now,
  ) {}

  start(grant: string): string {
    const id = randomBytes(24).toString('hex');
    const at = this.now();
    this.sessions.set(id, { startedAt: at, lastSeenAt: at, grant });
    return id;
  }

  /**
   * Whether the presented id is a live session opened under the grant in force; a request (`use`) keeps it from
   * going idle, a look from an open event stream does not.
   */
  admits(presented: string, grant: string, use: 'request' | 'look' = 'request'): boolean {
    const at = this.now();
    for (const [id, session] of this.sessions) {
      const ended =
        at - session.lastSeenAt > this.lifetimes.idleMs ||
        at - session.startedAt > this.lifetimes.absoluteMs ||
        session.grant !== grant;
      if (ended) {
        this.sessions.delete(id);
        continue;
      }
      if (sameSecret(id, presented)) {
        if (use === 'request') session.lastSeenAt = at;
        return true;
      }
    }
    return false;
  }

  revoke(presented: string): void {
    for (const id of this.sessions.keys()) if (sameSecret(id, presented)) this.sessions.delete(id);
  }
}
