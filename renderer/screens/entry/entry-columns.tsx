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
  /**
   * The period runs from January (6 tháng, 9 tháng, năm…): its figure is its cumulative, so the cumulative
   * columns and their comparison would repeat this period's.
   */
  cumulative: boolean;
}

const helper = createColumnHelper<GridFeatures, EntryRow>();

function figure(row: EntryRow, pick: (f: GridRow) => number | null): string {
  return row.figures === null ? '' : showFigure(pick(row.figures), row.decimals);
}

function index(row: EntryRow, pick: (f: GridRow) => number | null): string {
  return row.figures === null ? '' : showIndex(pick(row.figures));
}

const numberSize = 80;
const indexSize = 68;
const fromCatalog = (label: string) => `Cột “${label}” lấy từ danh mục chỉ tiêu: sửa ở màn hình Danh mục chỉ tiêu.`;
const computed = (label: string, from: string) => `Cột “${label}” tính tự động: ${from}.`;

function catalogColumns() {
  return [
    helper.accessor('stt', {
      header: 'STT',
      size: 36,
      meta: { label: 'STT', sticky: true, readOnlyReason: fromCatalog('STT') },
    }),
    helper.accessor('nameVi', {
      header: 'Chỉ tiêu',
      size: 260,
      meta: { label: 'Chỉ tiêu', sticky: true, grow: true, readOnlyReason: fromCatalog('Chỉ tiêu') },
      cell: (info) => (
        <span className="grid-name" style={{ paddingLeft: info.row.original.depth * 14 }} title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    helper.accessor('unit', {
      header: 'Đơn vị tính',
      size: 74,
      meta: { label: 'Đơn vị tính', readOnlyReason: fromCatalog('Đơn vị tính') },
    }),
  ];
}

/** The columns typed in Nhập liệu: the year's plan, last year's same period and this period's figure. */
function enteredColumns(h: EntryHeaders) {
  const previousReason =
    h.previous === null
      ? 'Kỳ này không có kỳ trước.'
      : `Cột “Thực hiện kỳ trước” là số liệu của ${h.previous}: nhập ở kỳ đó.`;
  return [
    helper.accessor((row) => figure(row, (f) => f.plan), {
      id: 'plan',
      header: () => <HeaderText main="Kế hoạch năm" sub={h.planYear} />,
      size: numberSize,
      meta: { label: `Kế hoạch năm (kế hoạch giao ${h.planYear.toLowerCase()})`, numeric: true, editable: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.samePeriod), {
      id: 'samePeriod',
      header: () => <HeaderText main="Thực hiện cùng kỳ năm trước" sub={h.samePeriod} />,
      size: numberSize,
      meta: { label: `Thực hiện cùng kỳ năm trước (${h.samePeriod})`, numeric: true, editable: true },
    }),
    helper.accessor((row) => figure(row, (f) => f.previous), {
      id: 'previous',
      header: () => <HeaderText main="Thực hiện kỳ trước" sub={h.previous} />,
      size: numberSize,
      meta: { label: 'Thực hiện kỳ trước', numeric: true, readOnlyReason: previousReason },
    }),
    helper.accessor((row) => figure(row, (f) => f.value), {
      id: 'value',
      header: () => <HeaderText main={h.value} sub={h.valueSub} />,
      size: 112,
      meta: { label: h.value, numeric: true, editable: true },
      cell: (info) => <ValueCell row={info.row.original} text={info.getValue()} />,
    }),
  ];
}

function cumulativeColumns(h: EntryHeaders) {
  return [
    helper.accessor((row) => figure(row, (f) => f.ytd), {
      id: 'ytd',
      header: () => <HeaderText main="Lũy kế từ đầu năm" sub={h.ytd} />,
      size: numberSize,
      meta: {
        label: 'Lũy kế từ đầu năm',
        numeric: true,
        readOnlyReason: computed(
          'Lũy kế từ đầu năm',
          `cộng các tháng của ${h.ytd} (chỉ số, tỷ lệ: số nhập ở kỳ ${h.ytd})`,
        ),
      },
    }),
    helper.accessor((row) => figure(row, (f) => f.ytdSamePeriod), {
      id: 'ytdSamePeriod',
      header: () => <HeaderText main="Lũy kế cùng kỳ" sub={h.ytdSamePeriod} />,
      size: numberSize,
      meta: {
        label: 'Lũy kế cùng kỳ',
        numeric: true,
        readOnlyReason: computed('Lũy kế cùng kỳ', `cộng các tháng của ${h.ytdSamePeriod}`),
      },
    }),
  ];
}

function comparisonColumns(h: EntryHeaders) {
  const samePeriodPct = helper.accessor((row) => index(row, (f) => f.pctOfSamePeriod), {
    id: 'pctOfSamePeriod',
    header: h.cumulative ? 'So với cùng kỳ' : 'Kỳ này so với cùng kỳ',
    size: indexSize,
    meta: {
      label: 'Kỳ này so với cùng kỳ (%)',
      numeric: true,
      readOnlyReason: computed('So với cùng kỳ', `“${h.value}” chia “Thực hiện cùng kỳ năm trước”, nhân 100`),
    },
  });
  const ytdPct = helper.accessor((row) => index(row, (f) => f.pctYtdOfSamePeriod), {
    id: 'pctYtdOfSamePeriod',
    header: 'Lũy kế so với cùng kỳ',
    size: indexSize,
    meta: {
      label: 'Lũy kế so với cùng kỳ (%)',
      numeric: true,
      readOnlyReason: computed('Lũy kế so với cùng kỳ', '“Lũy kế từ đầu năm” chia “Lũy kế cùng kỳ”, nhân 100'),
    },
  });
  const planPct = helper.accessor((row) => index(row, (f) => f.pctOfPlan), {
    id: 'pctOfPlan',
    header: h.cumulative ? 'So với KH năm' : 'Lũy kế so với KH năm',
    size: indexSize,
    meta: {
      label: 'Lũy kế so với kế hoạch năm (%)',
      numeric: true,
      readOnlyReason: computed('So với kế hoạch năm', '“Lũy kế từ đầu năm” chia “Kế hoạch năm”, nhân 100'),
    },
  });
  return helper.group({
    id: 'compare',
    header: 'So sánh (%)',
    columns: h.cumulative ? helper.columns([samePeriodPct, planPct]) : helper.columns([samePeriodPct, ytdPct, planPct]),
  });
}

/**
 * The columns of a Vietnamese report. A period from January shows one figure and one comparison with last year,
 * not a cumulative equal to it beside it.
 */
export function entryColumns(h: EntryHeaders) {
  return helper.columns([
    ...catalogColumns(),
    ...enteredColumns(h),
    ...(h.cumulative ? [] : cumulativeColumns(h)),
    comparisonColumns(h),
  ]);
}
