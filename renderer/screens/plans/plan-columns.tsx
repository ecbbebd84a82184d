import { createColumnHelper } from '@tanstack/react-table';
import type { PlanLevel } from '../../../shared/api/values-entities';
import { planLevelLabelsVi } from '../../../shared/api/values-entities';
import type { GridFeatures } from '../../grid/grid-features';
import { showFigure } from '../common/figure-format';
import { HeaderText } from '../common/HeaderText';
import type { PlanRow } from './plan-row';

const helper = createColumnHelper<GridFeatures, PlanRow>();

/** The grid's editable columns are the two plan levels, by column id. */
export const planLevelOfColumn: Readonly<Record<string, PlanLevel>> = { giao: 'giao', phanDau: 'phan_dau' };

export function planColumns(year: number) {
  return helper.columns([
    helper.accessor('stt', { header: 'STT', size: 46, meta: { label: 'STT', sticky: true } }),
    helper.accessor('nameVi', {
      header: 'Chỉ tiêu',
      size: 300,
      meta: { label: 'Chỉ tiêu', sticky: true, grow: true },
      cell: (info) => (
        <span className="grid-name" style={{ paddingLeft: info.row.original.depth * 16 }} title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    helper.accessor('unit', { header: 'Đơn vị tính', size: 90, meta: { label: 'Đơn vị tính' } }),
    helper.accessor((row) => (row.plan === null ? '' : showFigure(row.plan.giao, row.decimals)), {
      id: 'giao',
      header: () => <HeaderText main={planLevelLabelsVi.giao} sub={`Năm ${year}`} />,
      size: 140,
      meta: { label: planLevelLabelsVi.giao, numeric: true, editable: true },
    }),
    helper.accessor((row) => (row.plan === null ? '' : showFigure(row.plan.phanDau, row.decimals)), {
      id: 'phanDau',
      header: () => <HeaderText main={planLevelLabelsVi.phan_dau} sub={`Năm ${year}`} />,
      size: 140,
      meta: { label: planLevelLabelsVi.phan_dau, numeric: true, editable: true },
    }),
  ]);
}
