import { Checkbox, DatePicker, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { MAX_YEAR, MIN_YEAR } from '../../../shared/periods/period';
import { planFigureLabelVi, rangeBreachOf } from '../../../shared/validation/figure-range';
import { api, useApiQuery } from '../../api/api';
import { useHashParam } from '../../app/use-hash-param';
import { EditableGrid } from '../../grid/EditableGrid';
import type { CellEdit, WriteSource } from '../../grid/grid-features';
import { useUndoableWrites } from '../../grid/use-undoable-writes';
import { filterTree } from '../common/tree-filter';
import { useCatalogTree } from '../common/use-catalog-tree';
import { useUnitChoice } from '../common/use-unit-choice';
import { UnitSelect } from '../common/UnitSelect';
import { planColumns, planLevelOfColumn } from './plan-columns';
import { hasPlan, takesPlan, type PlanRow } from './plan-row';
import '../common/grid-screen.css';

function yearFromParam(param: string | null, today: Date): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : today.getFullYear();
}

const rowId = (row: PlanRow) => row.code;
const rowLabel = (row: PlanRow) => `${row.nameVi} (${row.code})`;
const groupRowReason = (row: PlanRow) =>
  `“${row.nameVi}” là dòng nhóm (tiêu đề): không có kế hoạch riêng, kế hoạch nhập ở các dòng con.`;
const whyReadOnly = (row: PlanRow) => (takesPlan(row) ? null : groupRowReason(row));
const rowClassName = (row: PlanRow) =>
  [row.hasChildren || row.kind === 'group' ? 'is-parent' : '', row.kind === 'group' ? 'is-group' : ''].join(' ');

export function PlansScreen() {
  const today = useMemo(() => new Date(), []);
  const { units, unit, setUnitId } = useUnitChoice();
  const [yearParam, setYearParam] = useHashParam('nam');
  const year = yearFromParam(yearParam, today);
  const [query, setQuery] = useState('');
  const [onlyWithPlans, setOnlyWithPlans] = useState(false);

  const unitId = unit?.id;
  const catalog = useCatalogTree();
  const plans = useApiQuery('plans.grid', { unitId, year }, { enabled: unitId !== undefined });
  const writes = useUndoableWrites(`${unitId}|${year}`);

  const allRows = useMemo<PlanRow[]>(() => {
    const byCode = new Map((plans.data?.rows ?? []).map((r) => [r.code, r]));
    return catalog.tree.map((i) => ({
      ...i,
      plan: i.kind === 'group' ? null : (byCode.get(i.code) ?? { code: i.code, giao: null, phanDau: null }),
    }));
  }, [catalog.tree, plans.data]);
  const rows = useMemo(
    () => filterTree(allRows, query, onlyWithPlans ? hasPlan : null),
    [allRows, query, onlyWithPlans],
  );
  const columns = useMemo(() => planColumns(year), [year]);

  const save = useCallback(
    (edits: CellEdit<PlanRow>[], source: WriteSource) =>
      api.call('plans.set', {
        unitId,
        year,
        source,
        entries: edits.flatMap((e) => {
          const level = planLevelOfColumn[e.columnId];
          return level === undefined ? [] : [{ code: e.row.code, level, value: e.value }];
        }),
      }),
    [unitId, year],
  );

  // The rule the import and the backend apply, asked before a plan is sent, so the editor keeps the text.
  const refusal = useCallback(
    (row: PlanRow, columnId: string, value: number) => {
      const level = planLevelOfColumn[columnId];
      return level === undefined
        ? null
        : (rangeBreachOf(row, value, () => planFigureLabelVi(level, year))?.message ?? null);
    },
    [year],
  );

  const error = catalog.error ?? plans.error;
  return (
    <section className="grid-screen" aria-label="Kế hoạch">
      <div className="grid-toolbar">
        <UnitSelect units={units} value={unitId} onChange={setUnitId} />
        <Space size={6}>
          <span>Năm kế hoạch</span>
          <DatePicker
            aria-label="Năm kế hoạch"
            picker="year"
            allowClear={false}
            style={{ width: 96 }}
            value={dayjs(`${year}-01-01`)}
            onChange={(date) => {
              if (date !== null) setYearParam(String(date.year()));
            }}
          />
        </Space>
        <Input.Search
          allowClear
          aria-label="Lọc chỉ tiêu"
          placeholder="Lọc theo tên (gõ không dấu cũng được)"
          style={{ width: 260 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Checkbox checked={onlyWithPlans} onChange={(e) => setOnlyWithPlans(e.target.checked)}>
          Chỉ dòng có kế hoạch
        </Checkbox>
      </div>
      {error ? (
        <p role="alert" className="grid-error">
          {error.message}
        </p>
      ) : null}
      <EditableGrid<PlanRow>
        label={`Kế hoạch năm ${year}`}
        columns={columns}
        rows={rows}
        getRowId={rowId}
        rowLabel={rowLabel}
        rowClassName={rowClassName}
        isRowEditable={takesPlan}
        whyReadOnly={whyReadOnly}
        save={save}
        refusal={refusal}
        writes={writes}
        scopeKey={`${unitId}|${year}`}
        loading={catalog.isLoading || plans.isLoading}
        emptyText={query || onlyWithPlans ? 'Không có chỉ tiêu nào khớp bộ lọc.' : 'Danh mục chưa có chỉ tiêu nào.'}
      />
    </section>
  );
}
