export interface WriteSource {
  kind: 'typed' | 'pasted' | 'imported' | 'cli' | 'undo';
  file?: string | null;
  sha256?: string | null;
  sheet?: string | null;
  cell?: string | null;
}

/** The source columns that values, plans and the change log share. */
export function sourceColumns(source: WriteSource) {
  return {
    sourceKind: source.kind,
    sourceFile: source.file ?? null,
    sourceSha256: source.sha256 ?? null,
    sourceSheet: source.sheet ?? null,
    sourceCell: source.cell ?? null,
  };
}
