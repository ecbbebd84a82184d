import { useCallback, useMemo, useState } from 'react';
import type { ValueStatus } from '../../../shared/api/values-entities';
import {
  formatPeriodKey,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
  lastMonth,
  type Period,
} from '../../../shared/periods/period';
import { api, useApiQuery } from '../../api/api';
import { useHashParam } from '../../app/use-hash-param';
import { EditableGrid } from '../../grid/EditableGrid';
import type { CellEdit, WriteSource } from '../../grid/grid-features';
import { useUndoableWrites } from '../../grid/use-undoable-writes';
import { filterTree } from '../common/tree-filter';
import { useCatalogTree } from '../common/use-catalog-tree';
import { useUnitChoice } from '../common/use-unit-choice';
import { CellDetailPanel } from './CellDetailPanel';
import { entryColumns, type EntryHeaders } from './entry-columns';
import { EntryToolbar } from './EntryToolbar';
import { entryRowHeight, hasFigures, holdsValues, type EntryRow } from './entry-row';
import { defaultStatus, periodFromKey } from './period-choice';
import '../common/grid-screen.css';
import './entry.css';

const valueHeading: Record<ValueStatus, string> = { estimate: 'Ước thực hiện', actual: 'Thực hiện' };

/**
 * "Ước thực hiện" while the period's figures are estimates, "Thực hiện" once they are actual; both words
 * when the rows are mixed. With no figure yet, the status new figures will get decides.
 */
function valueHeader(rows: readonly EntryRow[], newStatus: ValueStatus): string {
  const statuses = new Set<ValueStatus>();
  for (const r of rows) if (r.figures !== null && r.figures.value !== null && r.figures.status !== null) statuses.add(r.figures.status);
  if (statuses.size === 0) return valueHeading[newStatus];
  if (statuses.size > 1) return 'Ước thực hiện / Thực hiện';
  const [only] = statuses;
  return only === undefined ? valueHeading[newStatus] : valueHeading[only];
}

function headersFor(period: Period, value: string): EntryHeaders {
  const previous = previousPeriod(period);
  return {
    planYear: `Năm ${period.year}`,
    samePeriod: periodLabelVi(samePeriodLastYear(period)),
    previous: previous === null ? null : periodLabelVi(previous),
    value,
    valueSub: periodLabelVi(period),
    ytd: periodLabelVi(ytdThrough(period.year, lastMonth(period))),
    ytdSamePeriod: periodLabelVi(ytdThrough(period.year - 1, lastMonth(period))),
  };
}

const rowId = (row: EntryRow) => row.code;
const rowLabel = (row: EntryRow) => `${row.nameVi} (${row.code})`;
const rowClassName = (row: EntryRow) => [row.hasChildren || row.kind === 'group' ? 'is-parent' : '', row.kind === 'group' ? 'is-group' : ''].join(' ');

export function EntryScreen() {
  const today = useMemo(() => new Date(), []);
  const { units, unit, setUnitId } = useUnitChoice();
  const [periodParam, setPeriodParam] = useHashParam('ky');
  const period = useMemo(() => periodFromKey(periodParam, today), [periodParam, today]);
  const periodKey = formatPeriodKey(period);
  const [statusChoice, setStatusChoice] = useState<{ periodKey: string; status: ValueStatus } | null>(null);
  const newStatus = statusChoice?.periodKey === periodKey ? statusChoice.status : defaultStatus(period, today);
  const [query, setQuery] = useState('');
  const [onlyWithFigures, setOnlyWithFigures] = useState(false);
  const [activeCode, setActiveCode] = useState<string | null>(null);

  const unitId = unit?.id;
  const catalog = useCatalogTree();
  const grid = useApiQuery('values.grid', { unitId, period: periodKey }, { enabled: unitId !== undefined });
  const writes = useUndoableWrites(`${unitId}|${periodKey}`);

  const allRows = useMemo<EntryRow[]>(() => {
    const figures = new Map((grid.data?.rows ?? []).map((r) => [r.code, r]));
    return catalog.tree.map((i) => ({ ...i, figures: i.kind === 'group' ? null : (figures.get(i.code) ?? null) }));
  }, [catalog.tree, grid.data]);
  const rows = useMemo(() => filterTree(allRows, query, onlyWithFigures ? hasFigures : null), [allRows, query, onlyWithFigures]);

  const heading = useMemo(() => valueHeader(allRows, newStatus), [allRows, newStatus]);
  const onPeriodChange = useCallback((p: Period) => setPeriodParam(formatPeriodKey(p)), [setPeriodParam]);
  const onNewStatusChange = useCallback((status: ValueStatus) => setStatusChoice({ periodKey, status }), [periodKey]);
  const columns = useMemo(() => entryColumns(headersFor(period, heading)), [period, heading]);

  const save = useCallback(
    (edits: CellEdit<EntryRow>[], source: WriteSource) =>
      api.call('values.set', {
        unitId,
        period: periodKey,
        source,
        entries: edits.map((e) => (e.value === null ? { code: e.row.code, value: null } : { code: e.row.code, value: e.value, status: newStatus })),
      }),
    [unitId, periodKey, newStatus],
  );

  const onActiveRowChange = useCallback((row: EntryRow | null) => setActiveCode(row?.code ?? null), []);
  const activeRow = allRows.find((r) => r.code === activeCode) ?? null;
  const error = catalog.error ?? grid.error;

  return (
    <section className="grid-screen" aria-label="Nhập liệu">
      <EntryToolbar
        units={units}
        unitId={unitId}
        onUnitChange={setUnitId}
        period={period}
        onPeriodChange={onPeriodChange}
        newStatus={newStatus}
        onNewStatusChange={onNewStatusChange}
        query={query}
        onQueryChange={setQuery}
        onlyWithFigures={onlyWithFigures}
        onOnlyWithFiguresChange={setOnlyWithFigures}
      />
      {error ? (
        <p role="alert" className="grid-error">
          {error.message}
        </p>
      ) : null}
      <EditableGrid<EntryRow>
        label={`Số liệu ${periodLabelVi(period)}`}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        rowLabel={rowLabel}
        rowClassName={rowClassName}
        isRowEditable={holdsValues}
        save={save}
        writes={writes}
        scopeKey={`${unitId}|${periodKey}`}
        loading={catalog.isLoading || grid.isLoading}
        emptyText={query || onlyWithFigures ? 'Không có chỉ tiêu nào khớp bộ lọc.' : 'Danh mục chưa có chỉ tiêu nào.'}
        onActiveRowChange={onActiveRowChange}
        rowHeight={entryRowHeight}
      />
      <CellDetailPanel row={activeRow} unitId={unitId} periodKey={periodKey} periodLabel={periodLabelVi(period)} writes={writes} />
    </section>
  );
}
