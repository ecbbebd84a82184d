import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportProgress } from '../../../shared/api/import-entities';
import { api } from '../../api/api';
import { localPathsOf } from '../../api/transport';
import { fileSource, refusalBeforeSending } from './import-file-bytes';

/** A file the clerk chose or dropped; `refusal` says why it was not even sent (too large). */
export interface StagedFile {
  key: string;
  file: File;
  refusal: string | null;
}

interface Reading {
  sessionId: string;
  /** The panel's key of each file sent, to the backend's id of it. */
  fileIds: Map<string, string>;
}

const keyOf = (file: File) => `${file.name}|${file.size}|${file.lastModified}`;

/** The refusals are worked out again over the whole list: removing a large file can make room for another. */
function withRefusals(files: readonly File[]): StagedFile[] {
  const taken = { files: 0, bytes: 0 };
  return files.map((file) => {
    const refusal = refusalBeforeSending(file, taken);
    if (refusal === null) {
      taken.files += 1;
      taken.bytes += file.size;
    }
    return { key: keyOf(file), file, refusal };
  });
}

function closeQuietly(sessionId: string): void {
  // Closing only frees the backend's memory early; it forgets idle sessions by itself, so a failure is harmless.
  api.call('import.close', { sessionId }).catch(() => undefined);
}

/**
 * The files of one import and their reading by the backend. Every change to the list reads the files again
 * in a new session (the backend reads a session's files once); the bytes go as base64 in both the desktop app
 * and the browser. Progress is polled until every file is read or has failed.
 */
export function useImportSession() {
  const [staged, setStaged] = useState<StagedFile[]>([]);
  const [reading, setReading] = useState<Reading | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const generation = useRef(0);
  const current = useRef<Reading | null>(null);

  const start = useCallback(async (list: StagedFile[]) => {
    const mine = ++generation.current;
    if (current.current) closeQuietly(current.current.sessionId);
    current.current = null;
    setReading(null);
    setSendError(null);
    const sendable = list.filter((s) => s.refusal === null);
    if (sendable.length === 0) {
      setSending(false);
      return;
    }
    setSending(true);
    try {
      // The desktop app reads the workbooks from the disk itself; a browser sends their bytes.
      const paths = localPathsOf(sendable.map((s) => s.file));
      const out = paths
        ? await api.call('import.readPaths', { files: paths.map((path) => ({ path })) })
        : await api.call('import.read', { files: await Promise.all(sendable.map((s) => fileSource(s.file))) });
      if (mine !== generation.current) {
        closeQuietly(out.sessionId);
        return;
      }
      const fileIds = new Map<string, string>();
      sendable.forEach((s, i) => {
        const sent = out.files[i];
        if (sent) fileIds.set(s.key, sent.fileId);
      });
      current.current = { sessionId: out.sessionId, fileIds };
      setReading(current.current);
    } catch (error) {
      if (mine === generation.current) setSendError(error instanceof Error ? error.message : String(error));
    } finally {
      if (mine === generation.current) setSending(false);
    }
  }, []);

  // The list of record: two drops in a row must both count, before React has drawn the first.
  const stagedRef = useRef<StagedFile[]>([]);
  const setList = useCallback((next: StagedFile[]) => {
    stagedRef.current = next;
    setStaged(next);
  }, []);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      const known = new Set(stagedRef.current.map((s) => s.key));
      const fresh = files.filter((f) => !known.has(keyOf(f)));
      if (fresh.length === 0) return;
      const next = withRefusals([...stagedRef.current.map((s) => s.file), ...fresh]);
      setList(next);
      void start(next);
    },
    [start, setList],
  );

  const removeFile = useCallback(
    (key: string) => {
      const next = withRefusals(stagedRef.current.filter((s) => s.key !== key).map((s) => s.file));
      setList(next);
      void start(next);
    },
    [start, setList],
  );

  const clear = useCallback(() => {
    generation.current++;
    if (current.current) closeQuietly(current.current.sessionId);
    current.current = null;
    setList([]);
    setReading(null);
    setSending(false);
    setSendError(null);
  }, [setList]);

  useEffect(
    () => () => {
      if (current.current) closeQuietly(current.current.sessionId);
    },
    [],
  );

  const sessionId = reading?.sessionId ?? null;
  const progress = useQuery<ImportProgress>({
    queryKey: ['import.progress', sessionId],
    queryFn: () => api.call('import.progress', { sessionId: sessionId ?? '' }),
    enabled: sessionId !== null,
    refetchInterval: (query) => (query.state.data?.done ? false : 150),
  });
  const done = sessionId !== null && progress.data?.sessionId === sessionId && progress.data.done;

  // Which files name their period in a title: asked once, with no period chosen, right after reading.
  const probe = useQuery({
    queryKey: ['import.preview', sessionId, 'titles'],
    queryFn: () => api.call('import.preview', { sessionId: sessionId ?? '' }),
    enabled: done,
  });
  const titled = useMemo(
    () => new Set((probe.data?.files ?? []).filter((f) => f.period?.how === 'cell').map((f) => f.fileId)),
    [probe.data],
  );

  return {
    staged,
    reading,
    sending,
    sendError:
      sendError ?? (progress.error ? progress.error.message : null) ?? (probe.error ? probe.error.message : null),
    progress: progress.data?.sessionId === sessionId ? progress.data : undefined,
    /** Read, and the titles looked at: the preview can be asked for. */
    ready: done && probe.isSuccess,
    titled,
    addFiles,
    removeFile,
    clear,
  };
}
