import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { Indicator } from '../../../shared/api/entities';
import type { WithDepth } from '../../../shared/catalog/catalog-tree';
import { indicatorKindLabelsVi, indicatorKindShortLabelsVi } from '../../../shared/catalog/indicator-kinds';

export type CatalogRow = WithDepth<Indicator> & { hasChildren: boolean };

export const catalogFeatures = tableFeatures({});
const helper = createColumnHelper<typeof catalogFeatures, CatalogRow>();

export const catalogColumns = helper.columns([
  helper.accessor('stt', { header: 'STT' }),
  helper.accessor('nameVi', {
    header: 'Chỉ tiêu',
    cell: (info) => (
      <span style={{ display: 'block', paddingLeft: info.row.original.depth * 22 }}>{info.getValue()}</span>
    ),
  }),
  helper.accessor('unit', { header: 'Đơn vị tính' }),
  helper.accessor('kind', {
    header: 'Loại',
    cell: (info) => (
      <span title={indicatorKindLabelsVi[info.getValue()]}>{indicatorKindShortLabelsVi[info.getValue()]}</span>
    ),
  }),
  helper.accessor('decimals', {
    header: 'Số lẻ',
    cell: (info) => (info.row.original.kind === 'group' ? '' : info.getValue()),
  }),
  helper.accessor('code', { header: 'Mã' }),
]);
