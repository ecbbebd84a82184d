import { inArray } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { importFiles } from '../schema';

/** Per sheet of one imported file: why each row is its indicator and each column its period. */
export type FileEvidence = Record<string, { rows: Record<string, string>; columns: Record<string, string> }>;

export function encodeEvidence(evidence: FileEvidence): string {
  return JSON.stringify(evidence);
}

function decode(text: string | null): FileEvidence | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as FileEvidence;
  } catch {
    return null;
  }
}

/** The evidence of imported files by their sha256, for the figures a screen shows. */
export function evidenceOfFiles(db: ChitieuDb, sha256s: readonly string[]): Map<string, FileEvidence> {
  const out = new Map<string, FileEvidence>();
  if (sha256s.length === 0) return out;
  const rows = db
    .select({ sha256: importFiles.sha256, evidence: importFiles.evidence })
    .from(importFiles)
    .where(inArray(importFiles.sha256, [...new Set(sha256s)]))
    .all();
  for (const r of rows) {
    const parsed = decode(r.evidence);
    if (parsed) out.set(r.sha256, parsed);
  }
  return out;
}

/** "Dòng là XK: … Cột E (…) là Tháng 8/2025 (ước tính)." for a cell of an imported file, when it was kept. */
export function evidenceOfCell(
  evidence: FileEvidence | undefined,
  sheet: string | null,
  cell: string | null,
): string | null {
  const m = cell ? /^([A-Z]{1,3})(\d+)$/.exec(cell) : null;
  const s = sheet ? evidence?.[sheet] : undefined;
  if (!m?.[1] || !m[2] || !s) return null;
  const parts = [s.rows[m[2]], s.columns[m[1]]].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ') : null;
}
