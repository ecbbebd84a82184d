import { useMemo, useRef } from 'react';
import type { GridFinding, GridRow, ValueGrid } from '../../../shared/api/values-entities';
import type { ValidationReport } from '../../../shared/api/validation-entities';
import type { TreeIndicator } from '../common/use-catalog-tree';
import type { EntryRow } from './entry-row';
import { findingsByCode } from './findings-by-code';

const noFindings: GridFinding[] = [];

interface Built {
  item: TreeIndicator;
  figures: GridRow | undefined;
  findings: GridFinding[];
  row: EntryRow;
}

/**
 * The catalog tree with each row's figures and findings. A save changes a few rows: the others keep their
 * objects, so that building the rows after each save is a lookup per row rather than a copy of thousands.
 */
export function useEntryRows(
  tree: readonly TreeIndicator[],
  grid: ValueGrid | undefined,
  report: ValidationReport | undefined,
): EntryRow[] {
  const figures = useMemo(() => new Map((grid?.rows ?? []).map((r) => [r.code, r])), [grid]);
  const findings = useMemo(() => findingsByCode(report?.findings ?? []), [report]);
  const built = useRef(new Map<string, Built>());
  return useMemo(() => {
    const next = new Map<string, Built>();
    const rows = tree.map((item) => {
      const own = item.kind === 'group' ? undefined : figures.get(item.code);
      const ownFindings = findings.get(item.code) ?? noFindings;
      const before = built.current.get(item.code);
      const row: EntryRow =
        before !== undefined && before.item === item && before.figures === own && before.findings === ownFindings
          ? before.row
          : { ...item, figures: own === undefined ? null : { ...own, findings: ownFindings } };
      next.set(item.code, { item, figures: own, findings: ownFindings, row });
      return row;
    });
    built.current = next;
    return rows;
  }, [tree, figures, findings]);
}
