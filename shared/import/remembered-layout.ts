import { columnRoleSchema } from '../api/import-entities';
import type { ColumnRole } from './roles';
import type { RememberedLayout } from './sheet-context';

/**
 * A layout's remembered mappings as stored: a column whose role no longer parses (written by an older release) is
 * left out, so that it is asked again rather than read wrong.
 */
export function rememberedLayoutOf(
  stored: { columns: Record<string, unknown>; rows: Record<string, string | null> } | undefined,
): RememberedLayout | null {
  if (!stored) return null;
  const columns: Record<string, ColumnRole> = {};
  for (const [letter, role] of Object.entries(stored.columns)) {
    const parsed = columnRoleSchema.safeParse(role);
    if (parsed.success) columns[letter] = parsed.data;
  }
  return { columns, rows: stored.rows };
}
