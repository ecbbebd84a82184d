export interface TreeLink {
  readonly code: string;
  readonly parentCode: string | null;
}

/**
 * Keeps the rows that match and the rows above them, in their tree order, so a found row still reads
 * under its parent ("Hạt điều nhân" under "Kim ngạch xuất khẩu", not alone and ambiguous).
 */
export function keepMatchesWithAncestors<T extends TreeLink>(ordered: readonly T[], matches: (row: T) => boolean): T[] {
  const byCode = new Map(ordered.map((row) => [row.code, row]));
  const keep = new Set<string>();
  for (const row of ordered) {
    if (!matches(row)) continue;
    let current: T | undefined = row;
    while (current !== undefined && !keep.has(current.code)) {
      keep.add(current.code);
      current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
    }
  }
  return ordered.filter((row) => keep.has(row.code));
}
