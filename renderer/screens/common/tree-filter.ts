import { keepMatchesWithAncestors } from '../../../shared/grid/filter-tree';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import type { TreeIndicator } from './use-catalog-tree';

/**
 * The rows a clerk asked for: those whose name, code or other names match the typed words (without
 * diacritics), and that pass the screen's own filter when one is on (holding figures, having findings …),
 * each with the rows above it.
 */
export function filterTree<T extends TreeIndicator>(
  rows: readonly T[],
  query: string,
  keep: ((row: T) => boolean) | null,
): T[] {
  if (query.trim() === '' && keep === null) return [...rows];
  return keepMatchesWithAncestors(
    rows,
    (row) => matchesFolded(`${row.nameVi} ${row.code} ${row.aliases.join(' ')}`, query) && (keep === null || keep(row)),
  );
}
