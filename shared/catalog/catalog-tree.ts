export interface TreeItem {
  code: string;
  parentCode: string | null;
  sortOrder: number;
}

export type WithDepth<T> = T & { depth: number };

/**
 * Orders a catalog as a report prints it: each parent followed by its children, siblings by sortOrder.
 * Rows whose parent is missing from the list are treated as top-level so that nothing disappears.
 */
export function orderAsTree<T extends TreeItem>(items: readonly T[]): WithDepth<T>[] {
  const codes = new Set(items.map((i) => i.code));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentCode !== null && codes.has(item.parentCode) ? item.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const out: WithDepth<T>[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const item of children.get(parent) ?? []) {
      out.push({ ...item, depth });
      visit(item.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
