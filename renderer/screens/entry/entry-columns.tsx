import { createColumnHelper } from '@tanstack/react-table';
import type { GridRow } from '../../../shared/api/values-entities';
import type { GridFeatures } from '../../grid/grid-features';
import { showFigure, showIndex } from '../common/figure-format';
import { HeaderText } from '../common/HeaderText';
import type { EntryRow } from './entry-row';
import { ValueCell } from './ValueCell';

/** Header wording that depends on the period chosen. */
export interface EntryHeaders {
  planYear: string;
  samePeriod: string;
  previous: string | null;
  value: string;
  valueSub: string;
  ytd: string;
  ytdSamePeriod: string;
}

const helper = createColumnHelper<GridFeatures, EntryRow>();

function figure(row: EntryRow, pick: (f: GridRow) => number | null): string {
  return row.figures === null ? '' : showFigure(pick(row.figures), row.decimals);
}

function index(row: EntryRow, pick: (f: GridRow) => number | null): string {
  return row.figures === null ? '' : showIndex(pick(row.figures));
}

const numberSize = 84;
const indexSize = 74;

export function entryColumns(h: EntryHeaders) {
  return helper.columns([
    helper.accessor('stt', { header: 'STT', size: 40, meta: { label: 'STT', sticky: true } }),
    helper.accessor('nameVi', {
      header: 'Chỉ tiêu',
      size: 230,
      meta: { label: 'Chỉ tiêu', sticky: true, grow: true },
      cell: (info) => (
        <span className="grid-name" style={{ paddingLeft: info.row.original.depth * 16 }} title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    helper.accessor('unit', { header: 'Đơn vị tính', size: 76, meta: { label: 'Đơn vị tính' } }),
    helper.accessor((row) => figure(row, (f) => f.plan), {
      id: 'plan',
      header: () => <HeaderText main="Kế hoạch năm" sub={h.planYear} />,
      size: numberSize,
      meta: { label: 'Kế hoạch năm', numeric: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.samePeriod), {
      id: 'samePeriod',
      header: () => <HeaderText main="Thực hiện cùng kỳ năm trước" sub={h.samePeriod} />,
      size: numberSize,
      meta: { label: 'Thực hiện cùng kỳ năm trước', numeric: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.previous), {
      id: 'previous',
      header: () => <HeaderText main="Thực hiện kỳ trước" sub={h.previous} />,
      size: numberSize,
      meta: { label: 'Thực hiện kỳ trước', numeric: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.value), {
      id: 'value',
      header: () => <HeaderText main={h.value} sub={h.valueSub} />,
      size: 124,
      meta: { label: h.value, numeric: true, editable: true },
      cell: (info) => <ValueCell row={info.row.original} text={info.getValue()} />,
    }),
    helper.accessor((row) => figure(row, (f) => f.ytd), {
      id: 'ytd',
      header: () => <HeaderText main="Lũy kế từ đầu năm" sub={h.ytd} />,
      size: numberSize,
      meta: { label: 'Lũy kế từ đầu năm', numeric: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.ytdSamePeriod), {
      id: 'ytdSamePeriod',
      header: () => <HeaderText main="Lũy kế cùng kỳ" sub={h.ytdSamePeriod} />,
      size: numberSize,
      meta: { label: 'Lũy kế cùng kỳ', numeric: true },
    }),
    helper.group({
      id: 'compare',
      header: 'So sánh (%)',
      columns: helper.columns([
        helper.accessor((row) => index(row, (f) => f.pctOfSamePeriod), {
          id: 'pctOfSamePeriod',
          header: 'Kỳ này so với cùng kỳ',
          size: indexSize,
          meta: { label: 'Kỳ này so với cùng kỳ (%)', numeric: true },
        }),
        helper.accessor((row) => index(row, (f) => f.pctYtdOfSamePeriod), {
          id: 'pctYtdOfSamePeriod',
          header: 'Lũy kế so với cùng kỳ',
          size: indexSize,
          meta: { label: 'Lũy kế so với cùng kỳ (%)', numeric: true },
        }),
        helper.accessor((row) => index(row, (f) => f.pctOfPlan), {
          id: 'pctOfPlan',
          header: 'Lũy kế so với KH năm',
          size: indexSize,
          meta: { label: 'Lũy kế so với kế hoạch năm (%)', numeric: true },
        }),
      ]),
    }),
  ]);
}
