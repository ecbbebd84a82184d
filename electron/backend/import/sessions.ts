import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { ImportFileSource, ImportProgress } from '../../../shared/api/import-entities';
import { AppError } from '../../../shared/api/errors';
import { readWorkbook, UnreadableWorkbook, type ReadWorkbook, type WorkbookInput } from './read-workbook';

export interface StagedFile {
  fileId: string;
  name: string;
  state: 'waiting' | 'reading' | 'read' | 'failed';
  fraction: number;
  size: number | null;
  workbook: ReadWorkbook | null;
  error: { code: string; message: string } | null;
}

export interface ImportSession {
  sessionId: string;
  files: StagedFile[];
  /** Settles when every file is read or has failed. */
  done: Promise<void>;
  finished: boolean;
  closed: boolean;
  lastUsed: number;
  /** The last preview, kept for the commit that follows it while nothing was written in between. */
  lastPreview: { key: string; preview: unknown } | null;
}

const maxSessions = 6;
const idleMillis = 60 * 60 * 1000;

/**
 * The workbooks of one import stay in memory until it is committed: a hundred communes' workbooks are a few
 * megabytes, while the per-file limit (importLimits) alone would let 500 files reach 20 GB.
 */
export const maxBytesPerImport = 200 * 1024 * 1024;

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The size on disk, or null when the file cannot even be looked at (readWorkbook then says why). */
async function sizeOnDisk(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

function overBudget(name: string, taken: number, size: number, maxBytes: number): UnreadableWorkbook {
  return new UnreadableWorkbook(
    'too_big',
    `Tệp ${name} (${mb(size)} MB) chưa được đọc: thêm nó, các tệp của lần nhập này sẽ nặng hơn ${mb(maxBytes)} MB, giới hạn của một lần nhập (các tệp trước nó đã ${mb(taken)} MB). Hãy bỏ tệp này ra và nhập nó ở lần sau.`,
  );
}

function displayName(source: ImportFileSource): string {
  const raw = 'path' in source ? source.path : source.name;
  return raw.split(/[\\/]/).pop() ?? raw;
}

/**
 * Workbooks read for import, held in the backend's memory between the preview and the commit. Reading is
 * asynchronous (parts inflate as streams), while every operation answers at once: the screen polls import.progress.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  constructor(
    private readonly log: (message: string, fields: Record<string, unknown>) => void = () => {},
    private readonly maxBytes = maxBytesPerImport,
  ) {}

  start(sources: ImportFileSource[]): ImportSession {
    this.sweep();
    const files: StagedFile[] = sources.map((s) => ({
      fileId: randomUUID(),
      name: displayName(s),
      state: 'waiting',
      fraction: 0,
      size: null,
      workbook: null,
      error: null,
    }));
    const session: ImportSession = {
      sessionId: randomUUID(),
      files,
      done: Promise.resolve(),
      finished: false,
      closed: false,
      lastUsed: Date.now(),
      lastPreview: null,
    };
    session.done = this.readAll(session, sources);
    this.sessions.set(session.sessionId, session);
    return session;
  }

  private async readAll(session: ImportSession, sources: ImportFileSource[]): Promise<void> {
    // One file at a time: memory stays that of the largest file, not of all of them.
    let taken = 0;
    for (const [i, source] of sources.entries()) {
      const file = session.files[i];
      if (!file) continue;
      if (session.closed) break;
      file.state = 'reading';
      try {
        const input: WorkbookInput =
          'path' in source
            ? { path: source.path }
            : { name: source.name, bytes: Buffer.from(source.contentBase64, 'base64') };
        const size = 'path' in input ? await sizeOnDisk(input.path) : input.bytes.length;
        if (size !== null && taken + size > this.maxBytes) throw overBudget(file.name, taken, size, this.maxBytes);
        file.workbook = await readWorkbook(
          input,
          (f) => (file.fraction = f),
          () => session.closed,
        );
        file.size = file.workbook.size;
        taken += file.workbook.size;
        file.state = 'read';
        file.fraction = 1;
      } catch (error) {
        file.state = 'failed';
        file.fraction = 1;
        if (error instanceof UnreadableWorkbook) {
          file.error = { code: error.kind, message: error.message };
        } else {
          this.log('import read failed', {
            file: file.name,
            message: error instanceof Error ? error.message : String(error),
          });
          file.error = {
            code: 'corrupt',
            message: `Không đọc được tệp ${file.name}: tệp bị hỏng hoặc không phải sổ Excel.`,
          };
        }
      }
    }
    session.finished = true;
  }

  get(sessionId: string): ImportSession {
    const session = this.sessions.get(sessionId);
    if (!session || session.closed) {
      throw new AppError(
        'not_found',
        'Không còn phiên nhập này (đã nhập xong, đã đóng hoặc để quá lâu). Hãy chọn lại tệp.',
        { sessionId },
        'import session not found',
      );
    }
    session.lastUsed = Date.now();
    return session;
  }

  /** The session with every file read; refused while reading goes on. */
  ready(sessionId: string): ImportSession {
    const session = this.get(sessionId);
    if (!session.finished) {
      throw new AppError(
        'conflict',
        'Đang đọc tệp; hãy chờ đọc xong rồi xem trước hoặc nhập.',
        { sessionId },
        'import files still being read',
      );
    }
    return session;
  }

  progress(sessionId: string): ImportProgress {
    const session = this.get(sessionId);
    const total = session.files.length || 1;
    return {
      sessionId,
      done: session.finished,
      fraction: Math.min(1, session.files.reduce((n, f) => n + f.fraction, 0) / total),
      files: session.files.map((f) => ({
        fileId: f.fileId,
        name: f.name,
        size: f.size,
        state: f.state,
        fraction: f.fraction,
        error: f.error,
      })),
    };
  }

  close(sessionId: string): boolean {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    session.closed = true;
    session.lastPreview = null;
    for (const f of session.files) f.workbook = null;
    this.sessions.delete(sessionId);
    return true;
  }

  /** Every session, when the database they were read for closes. */
  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, s] of this.sessions) if (now - s.lastUsed > idleMillis) this.close(id);
    while (this.sessions.size >= maxSessions) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!oldest) break;
      this.close(oldest.sessionId);
    }
  }
}
