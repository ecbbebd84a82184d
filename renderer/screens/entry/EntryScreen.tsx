import { useCallback, useMemo, useState } from 'react';
import type { ValueStatus } from '../../../shared/api/values-entities';
import { planFigureLabelVi, rangeBreachOf } from '../../../shared/validation/figure-range';
import { periodLabelVi } from '../../../shared/periods/period';
import { useApiQuery } from '../../api/api';
import { focusRowParam } from '../../app/links';
import { useHashParam } from '../../app/use-hash-param';
import { EditableGrid } from '../../grid/EditableGrid';
import type { CellEdit, WriteSource } from '../../grid/grid-features';
import { useUndoableWrites } from '../../grid/use-undoable-writes';
import { filterTree } from '../common/tree-filter';
import { useCatalogTree } from '../common/use-catalog-tree';
import { usePeriodChoice } from '../common/use-period-choice';
import { useUnitChoice } from '../common/use-unit-choice';
import { CellDetailPanel } from './CellDetailPanel';
import { entryColumns } from './entry-columns';
import { headersFor, valueHeader } from './entry-headers';
import { entryTargets, writeEntryEdits } from './entry-writes';
import { EntryToolbar } from './EntryToolbar';
import { entryRowHeight, hasFigures, hasFindings, holdsValues, type EntryRow } from './entry-row';
import { defaultStatus } from './period-choice';
import { useEntryRows } from './use-entry-rows';
import { useEntryLocks } from './use-entry-locks';
import { useRowRefresh } from './use-row-refresh';
import { useValidationReport } from '../validation/use-validation-report';
import '../common/grid-screen.css';
import { entryGridInput } from './entry-grid-input';
import './entry.css';

const rowId = (row: EntryRow) => row.code;
const rowLabel = (row: EntryRow) => `${row.nameVi} (${row.code})`;
const groupRowReason = (row: EntryRow) =>
  `“${row.nameVi}” là dòng nhóm (tiêu đề): không có số liệu riêng, số liệu nhập ở các dòng con.`;
const rowClassName = (row: EntryRow) =>
  [row.hasChildren || row.kind === 'group' ? 'is-parent' : '', row.kind === 'group' ? 'is-group' : ''].join(' ');

function rowFilter(onlyWithFigures: boolean, onlyWithFindings: boolean): ((row: EntryRow) => boolean) | null {
  if (onlyWithFigures && onlyWithFindings) return (row) => hasFigures(row) && hasFindings(row);
  if (onlyWithFigures) return hasFigures;
  if (onlyWithFindings) return hasFindings;
  return null;
}

export function EntryScreen() {
  const { units, unit, setUnitId } = useUnitChoice();
  const { period, periodKey, setPeriod, today } = usePeriodChoice();
  const [focusCode, setFocusCode] = useHashParam(focusRowParam);
  const [statusChoice, setStatusChoice] = useState<{ periodKey: string; status: ValueStatus } | null>(null);
  const newStatus = statusChoice?.periodKey === periodKey ? statusChoice.status : defaultStatus(period, today);
  const [query, setQuery] = useState('');
  const [onlyWithFigures, setOnlyWithFigures] = useState(false);
  const [onlyWithFindings, setOnlyWithFindings] = useState(false);
  const [activeCode, setActiveCode] = useState<string | null>(null);

  const unitId = unit?.id;
  const catalog = useCatalogTree();
  // The findings come from the report the header's count reads too, so one check serves both.
  const gridInput = useMemo(() => entryGridInput(unitId, periodKey), [unitId, periodKey]);
  const grid = useApiQuery('values.grid', gridInput, { enabled: unitId !== undefined });
  const report = useValidationReport(unitId, periodKey);
  const refreshRows = useRowRefresh(gridInput);
  const writes = useUndoableWrites(`${unitId}|${periodKey}`, refreshRows);

  const allRows = useEntryRows(catalog.tree, grid.data, report.data);
  const rows = useMemo(
    () => filterTree(allRows, query, rowFilter(onlyWithFigures, onlyWithFindings)),
    [allRows, query, onlyWithFigures, onlyWithFindings],
  );

  const heading = useMemo(() => valueHeader(allRows, newStatus), [allRows, newStatus]);
  const onNewStatusChange = useCallback((status: ValueStatus) => setStatusChoice({ periodKey, status }), [periodKey]);
  const columns = useMemo(() => entryColumns(headersFor(period, heading)), [period, heading]);

  const targets = useMemo(() => entryTargets(period, newStatus), [period, newStatus]);
  const locks = useEntryLocks(unitId, targets);
  const save = useCallback(
    (edits: CellEdit<EntryRow>[], source: WriteSource) => writeEntryEdits(unitId, targets, edits, source),
    [unitId, targets],
  );
  const whyReadOnly = useCallback(
    (row: EntryRow, columnId: string) => (holdsValues(row) ? (locks.get(columnId) ?? null) : groupRowReason(row)),
    [locks],
  );

  // The rule the import and the backend apply, asked before a figure is sent, so the editor keeps the text.
  const refusal = useCallback(
    (row: EntryRow, columnId: string, value: number) => {
      const target = targets[columnId];
      const label = () =>
        target?.kind === 'plan' ? planFigureLabelVi('giao', target.year) : (target?.label ?? periodLabelVi(period));
      return rangeBreachOf(row, value, label)?.message ?? null;
    },
    [targets, period],
  );

  const onActiveRowChange = useCallback((row: EntryRow | null) => setActiveCode(row?.code ?? null), []);
  const activeRow = allRows.find((r) => r.code === activeCode) ?? null;
  const error = catalog.error ?? grid.error;
  // A link from a finding names its row; it is selected once the unit, the rows and their figures are in.
  const loaded = unitId !== undefined && !catalog.isLoading && !grid.isLoading;
  const onRowFocused = useCallback(() => setFocusCode(null), [setFocusCode]);

  return (
    <section className="grid-screen" aria-label="Nhập liệu">
      <EntryToolbar
        units={units}
        unitId={unitId}
        onUnitChange={setUnitId}
        period={period}
        onPeriodChange={setPeriod}
        newStatus={newStatus}
        onNewStatusChange={onNewStatusChange}
        query={query}
        onQueryChange={setQuery}
        onlyWithFigures={onlyWithFigures}
        onOnlyWithFiguresChange={setOnlyWithFigures}
        onlyWithFindings={onlyWithFindings}
        onOnlyWithFindingsChange={setOnlyWithFindings}
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
        whyReadOnly={whyReadOnly}
        startColumnId="value"
        save={save}
        refusal={refusal}
        writes={writes}
        scopeKey={`${unitId}|${periodKey}`}
        loading={catalog.isLoading || grid.isLoading}
        emptyText={
          query || onlyWithFigures || onlyWithFindings
            ? 'Không có chỉ tiêu nào khớp bộ lọc.'
            : 'Danh mục chưa có chỉ tiêu nào.'
        }
        onActiveRowChange={onActiveRowChange}
        focusRowId={loaded ? focusCode : null}
        onRowFocused={onRowFocused}
        rowHeight={entryRowHeight}
      />
      <CellDetailPanel
        row={activeRow}
        unitId={unitId}
        periodKey={periodKey}
        periodLabel={periodLabelVi(period)}
        writes={writes}
      />
    </section>
  );
}
