/**
 * Folding for search: clerks type without diacritics ("ban le") or with a different input method
 * than the one the catalog was written with, so matching is done on text without tones or marks.
 */

export function foldVietnamese(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // đ is a letter of its own, not d with a combining mark, so NFD leaves it alone.
      .replace(/đ/g, 'd')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * True when every word of the query occurs somewhere in the haystack, in any order and as part
 * of a longer word ("hoa ban" matches "Bán lẻ hàng hóa"). An empty query matches everything, so
 * a cleared search box shows the whole list.
 */
export function matchesFolded(haystack: string, query: string): boolean {
  const words = foldVietnamese(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const folded = foldVietnamese(haystack);
  return words.every((w) => folded.includes(w));
}
