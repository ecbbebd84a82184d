import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';

/** One ChiTieu process that has the data folder's database open, as it wrote itself down in DATA/locks. */
export const presenceSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  program: z.string(),
  startedAt: z.string(),
});
export type Presence = z.infer<typeof presenceSchema>;

function locksDir(dataDir: string): string {
  return join(dataDir, 'locks');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a clerk would call this process: the desktop app, or the command that is running. */
function thisProgram(): string {
  if (process.versions['electron']) return 'ứng dụng ChiTieu';
  const script = basename(process.argv[1] ?? '');
  const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (script === 'bin.mjs' || script.startsWith('chitieu'))
    return command ? `lệnh "chitieu ${command}"` : 'lệnh chitieu';
  return `ChiTieu (${script || 'node'})`;
}

function readPresences(dataDir: string): Presence[] {
  let names: string[];
  try {
    names = readdirSync(locksDir(dataDir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const parsed = presenceSchema.safeParse(JSON.parse(readFileSync(join(locksDir(dataDir), name), 'utf8')));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Writes down that this process has the database open, so that a write refused because the file is locked can
 * say which other ChiTieu has it open; a folder that cannot be written to simply gets no note.
 */
export function announcePresence(dataDir: string): { others(): Presence[]; withdraw(): void } {
  const host = hostname();
  const me: Presence = { pid: process.pid, host, program: thisProgram(), startedAt: new Date().toISOString() };
  const file = join(locksDir(dataDir), `${host}-${process.pid}.json`);
  try {
    mkdirSync(locksDir(dataDir), { recursive: true });
    for (const gone of readPresences(dataDir).filter(
      (p) => p.host === host && p.pid !== process.pid && !isAlive(p.pid),
    )) {
      rmSync(join(locksDir(dataDir), `${gone.host}-${gone.pid}.json`), { force: true });
    }
    writeFileSync(file, JSON.stringify(me));
  } catch {
    // A read-only folder is told when the database is opened; the note is only a courtesy.
  }
  return {
    // A process killed without closing leaves its note: on this machine it is known to be gone.
    others: () =>
      readPresences(dataDir).filter((p) => !(p.host === host && (p.pid === process.pid || !isAlive(p.pid)))),
    withdraw: () => {
      try {
        rmSync(file, { force: true });
      } catch {
        // Left behind, it names a process that is gone, which others() leaves out on this machine.
      }
    },
  };
}

/** "Đang mở tệp này: …" in the clerk's words, or what is known when no other ChiTieu has it open. */
export function describeHolders(holders: Presence[]): string {
  if (holders.length === 0) {
    return 'Không có chương trình ChiTieu nào khác ghi tên đang mở tệp này, nên có thể đó là một công cụ khác đang mở chitieu.db (như DB Browser for SQLite).';
  }
  const list = holders
    .map((p) => {
      const at = new Date(p.startedAt);
      const since = Number.isNaN(at.getTime())
        ? ''
        : ` từ ${at.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })} ngày ${at.toLocaleDateString('vi-VN')}`;
      return `${p.program} (tiến trình ${p.pid} trên máy ${p.host}${since})`;
    })
    .join('; ');
  return `Đang mở tệp này: ${list}.`;
}
