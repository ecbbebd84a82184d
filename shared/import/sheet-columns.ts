/**
 * The columns of a sheet as an import reads them: each one's role (by hand, remembered for the layout, or from
 * its heading), the target and status of each data column, and the evidence shown for them.
 */
import type { PreviewColumn } from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import { formatPeriodKey, lastMonth, type Period } from '../periods/period';
import { resolveTarget, statusWordsVi, targetKey, type ColumnRole, type ResolvedTarget, type Target } from './roles';
import type { SheetContext } from './sheet-context';
import type { SheetFindings } from './sheet-findings';
import type { TableLayout } from './table';
import { figureStatusOf, keyOfTarget, periodOfKey, targetLabel } from './target-periods';

export interface ColumnUse {
  col: number;
  letter: string;
  heading: string;
  role: ColumnRole | null;
}

export interface SheetColumns {
  /** As the preview shows them, in column order. */
  preview: PreviewColumn[];
  nameCol: number | null;
  unitCol: number | null;
  codeCol: number | null;
  sttCol: number | null;
  /** The columns of figures and of stated percentages, in the layout's order. */
  data: ColumnUse[];
  unknown: ColumnUse[];
  /** By letter: each data column's target (null: its period cannot be told), key and status. */
  resolved: Map<string, ResolvedTarget | null>;
  keyOf: Map<string, string>;
  statusOf: Map<string, ValueStatus | null>;
  evidence: Map<string, string>;
  /** By letter: the unit a data column's heading states. */
  unitOf: Map<string, string>;
  /** Those units, once each. */
  units: string[];
}

/** The role of a column in words, for one report period. */
export function describeRole(role: ColumnRole | null, report: Period): string {
  if (!role) return 'Không nhận ra';
  switch (role.role) {
    case 'stt':
      return 'Số thứ tự';
    case 'name':
      return 'Tên chỉ tiêu';
    case 'unit':
      return 'Đơn vị tính';
    case 'code':
      return 'Mã chỉ tiêu';
    case 'note':
      return 'Ghi chú (không nhập)';
    case 'ignore':
      return 'Bỏ qua';
    case 'data': {
      const target = resolveTarget(role.target, report);
      if (!target) return 'Kỳ không xác định được';
      const status = role.status ? ` (${statusWordsVi[role.status]})` : '';
      return `${targetLabel(target)}${status}`;
    }
    case 'percent': {
      const of = resolveTarget(role.of, report);
      const to = resolveTarget(role.to, report);
      if (!of || !to) return 'Kiểm tra: kỳ không xác định được';
      return `Kiểm tra: ${targetLabel(of)} so với ${targetLabel(to)} (%)`;
    }
  }
}

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** For an index (IIP), "so với cùng kỳ (%)" of a period is the index of that period itself. */
export function indexTargetOf(role: Extract<ColumnRole, { role: 'percent' }>): Target | null {
  if (role.of.kind !== 'value' || role.to.kind !== 'value') return null;
  const back: Target = {
    kind: 'value',
    at:
      role.of.at.year !== undefined
        ? { ...role.of.at, year: role.of.at.year - 1 }
        : { ...role.of.at, yearsBack: (role.of.at.yearsBack ?? 0) + 1 },
  };
  return sameTarget(back, role.to) ? role.of : null;
}

export function readColumns(layout: TableLayout, ctx: SheetContext, findings: SheetFindings): SheetColumns {
  const { preview, uses } = columnRoles(layout, ctx);
  const firstOf = (role: string) => uses.find((u) => u.role?.role === role)?.col ?? null;
  const data = uses.filter((u) => u.role?.role === 'data' || u.role?.role === 'percent');
  const { resolved, keyOf, statusOf } = resolveDataColumns(data, ctx, findings);
  carryEstimateToCumulative(data, resolved, statusOf, ctx.report);
  markEstimatedLabels(preview, statusOf);
  const unitOf = new Map<string, string>();
  for (const u of data) if (u.role?.role === 'data' && u.role.unit) unitOf.set(u.letter, u.role.unit);
  return {
    preview,
    nameCol: firstOf('name'),
    unitCol: firstOf('unit'),
    codeCol: firstOf('code'),
    sttCol: firstOf('stt'),
    data,
    unknown: uses.filter((u) => u.role === null),
    resolved,
    keyOf,
    statusOf,
    evidence: columnEvidence(data, preview, resolved, statusOf, ctx.report),
    unitOf,
    units: [...new Set(unitOf.values())],
  };
}

/** Each column's role: by hand, else remembered for the layout, else from the heading. */
function columnRoles(layout: TableLayout, ctx: SheetContext): { preview: PreviewColumn[]; uses: ColumnUse[] } {
  const preview: PreviewColumn[] = [];
  const uses: ColumnUse[] = [];
  for (const c of layout.columns) {
    const manual = ctx.manualColumns.get(c.letter);
    const remembered = ctx.remembered?.columns[c.letter];
    const role = manual ?? remembered ?? c.role;
    const how = manual ? 'manual' : remembered ? 'layout' : c.role ? 'heading' : null;
    preview.push({
      column: c.letter,
      cell: c.cell,
      heading: c.heading,
      role,
      how,
      label: describeRole(role, ctx.report),
    });
    uses.push({ col: c.col, letter: c.letter, heading: c.heading, role });
  }
  for (const [letter, role] of ctx.manualColumns) {
    if (preview.some((c) => c.column === letter)) continue;
    let col = 0;
    for (const ch of letter) col = col * 26 + (ch.charCodeAt(0) - 64);
    preview.push({
      column: letter,
      cell: null,
      heading: '',
      role,
      how: 'manual',
      label: describeRole(role, ctx.report),
    });
    uses.push({ col, letter, heading: '', role });
  }
  preview.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { preview, uses };
}

/** The target, key and status of each data column; a column whose period cannot be told is said so. */
function resolveDataColumns(
  data: readonly ColumnUse[],
  ctx: SheetContext,
  findings: SheetFindings,
): Pick<SheetColumns, 'resolved' | 'keyOf' | 'statusOf'> {
  const resolved = new Map<string, ResolvedTarget | null>();
  const keyOf = new Map<string, string>();
  const statusOf = new Map<string, ValueStatus | null>();
  for (const u of data) {
    if (u.role?.role !== 'data') continue;
    const t = resolveTarget(u.role.target, ctx.report);
    resolved.set(u.letter, t);
    if (t) keyOf.set(u.letter, targetKey(t));
    if (t) statusOf.set(u.letter, figureStatusOf(t, u.role.status, ctx.today));
    if (!t)
      findings.add(
        'warning',
        'column-period',
        `Cột ${u.letter} "${u.heading}": không xác định được kỳ của cột với kỳ báo cáo này; số liệu trong cột không được nhập.`,
        null,
      );
  }
  return { resolved, keyOf, statusOf };
}

/**
 * "Ước thực hiện tháng 8" beside "Lũy kế 8 tháng": the cumulative holds the estimate of August, so it is an
 * estimate too, unless its heading says otherwise.
 */
function carryEstimateToCumulative(
  dataCols: readonly ColumnUse[],
  resolved: ReadonlyMap<string, ResolvedTarget | null>,
  statusOfColumn: Map<string, ValueStatus | null>,
  report: Period,
): void {
  const reportKey = formatPeriodKey(report);
  const periodOfColumn = (u: ColumnUse): string => {
    if (u.role?.role === 'data') return keyOfTarget(resolved.get(u.letter));
    const own = u.role?.role === 'percent' ? indexTargetOf(u.role) : null;
    return own ? keyOfTarget(resolveTarget(own, report)) : '';
  };
  const headingStatus = (u: ColumnUse): ValueStatus | null | undefined =>
    u.role?.role === 'data' ? u.role.status : u.role?.role === 'percent' ? (u.role.status ?? null) : undefined;
  for (const u of dataCols)
    if (u.role?.role === 'percent' && u.role.status) statusOfColumn.set(u.letter, u.role.status);
  const estimated = dataCols.some((u) => headingStatus(u) === 'estimate' && periodOfColumn(u) === reportKey);
  if (!estimated) return;
  for (const u of dataCols) {
    if (headingStatus(u) !== null) continue;
    const period = periodOfKey(periodOfColumn(u));
    if (period?.kind === 'ytd' && period.year === report.year && period.throughMonth >= lastMonth(report))
      statusOfColumn.set(u.letter, 'estimate');
  }
}

/** A column taken for an estimate though its heading does not say so is labelled as one. */
function markEstimatedLabels(preview: PreviewColumn[], statusOf: ReadonlyMap<string, ValueStatus | null>): void {
  for (const c of preview) {
    if (c.role?.role === 'data' && c.role.status === null && statusOf.get(c.column) === 'estimate')
      c.label = `${c.label} (ước tính)`;
  }
}

/** Why each data column is read as it is, for the evidence of its figures. */
function columnEvidence(
  data: readonly ColumnUse[],
  preview: readonly PreviewColumn[],
  resolved: ReadonlyMap<string, ResolvedTarget | null>,
  statusOf: ReadonlyMap<string, ValueStatus | null>,
  report: Period,
): Map<string, string> {
  const evidence = new Map<string, string>();
  for (const u of data) {
    const t = resolved.get(u.letter);
    const status = statusOf.get(u.letter);
    const how = preview.find((c) => c.column === u.letter)?.how;
    const read =
      how === 'manual' ? 'chọn bằng tay' : how === 'layout' ? 'theo mẫu biểu đã nhớ' : `tiêu đề «${u.heading}»`;
    if (t)
      evidence.set(
        u.letter,
        `Cột ${u.letter} (${read}) là ${targetLabel(t)}${status ? ` (${statusWordsVi[status]})` : ''}.`,
      );
    const own = u.role?.role === 'percent' ? indexTargetOf(u.role) : null;
    const index = own ? resolveTarget(own, report) : null;
    if (index)
      evidence.set(
        u.letter,
        `Cột ${u.letter} (${read}) so với cùng kỳ năm trước: với một chỉ số, đó là chỉ số của ${targetLabel(index)}.`,
      );
  }
  return evidence;
}
