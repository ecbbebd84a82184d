/**
 * Two cells giving the same indicator and period (two columns of one period, a row repeated, two files of one
 * unit): one figure is written if they agree (the others are marked duplicate); if they disagree none is
 * (all are marked conflict), and the clerk is told where.
 */
import type { ImportFinding } from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import { formatAsWritten } from './figure-precision';
import type { PlannedValues } from './planned-values';
import { targetKey } from './roles';
import { targetLabel } from './target-periods';

/** The figures of one sheet with the file and sheet they come from. */
export interface PlacedValues {
  fileName: string;
  sheet: string;
  values: PlannedValues;
}

/** One figure of them. */
export interface PlacedValue<P extends PlacedValues = PlacedValues> {
  place: P;
  index: number;
}

export function settleDuplicates<P extends PlacedValues>(
  sheets: readonly P[],
  report: (finding: ImportFinding, places: readonly PlacedValue<P>[]) => void,
): void {
  const offsets = figureOffsets(sheets);
  for (const figures of duplicateGroups(sheets, offsets)) {
    const list = figures.map((figure) => placeOf(sheets, offsets, figure));
    const [head, ...rest] = list;
    if (!head) continue;
    const agree = rest.every((p) => valueOf(p) === valueOf(head) && statusOf(p) === statusOf(head));
    if (agree) {
      for (const p of rest) p.place.values.setChange(p.index, 'duplicate');
      continue;
    }
    for (const p of list) p.place.values.setChange(p.index, 'conflict');
    report(conflictFinding(head, list), list);
  }
}

/** Where each sheet's figures start when the figures of all the sheets are numbered one after another. */
function figureOffsets(sheets: readonly PlacedValues[]): number[] {
  const offsets: number[] = [];
  let total = 0;
  for (const s of sheets) {
    offsets.push(total);
    total += s.values.length;
  }
  return offsets;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** The figures (by their number across the sheets) that share an indicator and target with an earlier one. */
function duplicateGroups(sheets: readonly PlacedValues[], offsets: readonly number[]): Iterable<number[]> {
  // Every indicator and target gets one number across the sheets, so that a figure's key is a number, not a string.
  const codeIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const local = sheets.map((s) => ({
    codes: s.values.codes.map((c) => idOf(codeIds, c)),
    targets: s.values.targets.map((t) => idOf(targetIds, targetKey(t))),
  }));
  const width = Math.max(1, targetIds.size);
  const first = new Map<number, number>();
  const groups = new Map<number, number[]>();
  sheets.forEach((s, k) => {
    const ids = local[k];
    if (!ids) return;
    for (let i = 0; i < s.values.length; i++) {
      const key = (ids.codes[s.values.codeIdAt(i)] ?? 0) * width + (ids.targets[s.values.targetIdAt(i)] ?? 0);
      const figure = (offsets[k] ?? 0) + i;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, figure);
        continue;
      }
      let list = groups.get(earlier);
      if (!list) groups.set(earlier, (list = [earlier]));
      list.push(figure);
    }
  });
  return groups.values();
}

function placeOf<P extends PlacedValues>(
  sheets: readonly P[],
  offsets: readonly number[],
  figure: number,
): PlacedValue<P> {
  let lo = 0;
  let hi = sheets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((offsets[mid] ?? 0) <= figure) lo = mid;
    else hi = mid - 1;
  }
  return { place: sheets[lo] as P, index: figure - (offsets[lo] ?? 0) };
}

function valueOf(p: PlacedValue): number {
  return p.place.values.valueAt(p.index);
}

function statusOf(p: PlacedValue): ValueStatus | null {
  return p.place.values.statusAt(p.index);
}

function statusWords(status: ValueStatus | null): string {
  return status === 'estimate' ? 'ước tính' : status === 'actual' ? 'thực hiện' : '';
}

/** Cells that disagree, told at the first: where each is, what each says, and a hint when they share a row. */
function conflictFinding(head: PlacedValue, list: readonly PlacedValue[]): ImportFinding {
  const files = new Set(list.map((p) => p.place.fileName));
  const where = list
    .map((p) => `${files.size > 1 ? `${p.place.fileName}: ` : ''}${p.place.sheet}!${p.place.values.cellAt(p.index)}`)
    .join(', ');
  const code = head.place.values.codeAt(head.index);
  const label = targetLabel(head.place.values.targetAt(head.index));
  // Equal numbers differ by status alone: say which is the estimate.
  const sameNumbers = list.every((p) => valueOf(p) === valueOf(head));
  const oneRow =
    files.size === 1 &&
    list.every(
      (p) =>
        p.place.sheet === head.place.sheet && p.place.values.rowAt(p.index) === head.place.values.rowAt(head.index),
    );
  // Two columns of one row read as one period most often means the report period chosen is off by one.
  const hint = oneRow
    ? ` Các cột ${list.map((p) => p.place.values.columnAt(p.index)).join(', ')} cùng được hiểu là số của ${label}: hãy kiểm tra kỳ báo cáo đã chọn và cách đọc các cột.`
    : '';
  return {
    severity: 'error',
    kind: 'conflicting-cells',
    message: `${code} ${label}: các ô ${where} ghi số khác nhau (${list.map((p) => `${formatAsWritten(valueOf(p))}${sameNumbers ? ` ${statusWords(statusOf(p))}` : ''}`).join('; ')}); không nhập số nào của chỉ tiêu và kỳ này.${hint}`,
    sheet: head.place.sheet,
    cell: head.place.values.cellAt(head.index),
    code,
  };
}
