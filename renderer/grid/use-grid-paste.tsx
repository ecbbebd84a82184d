import type { Column, Row, RowData } from '@tanstack/react-table';
import { App } from 'antd';
import { useCallback } from 'react';
import type { CellPos, GridSize } from '../../shared/grid/cell-range';
import { pasteTargets, readPastedCells, type UnlandedCell } from '../../shared/grid/plan-paste';
import { parseTsv, toTsv } from '../../shared/grid/tsv';
import type { GridFeatures } from './grid-features';
import type { GridCells } from './use-grid-cells';
import type { GridSelection } from './use-grid-selection';
import type { GridSubmit, Written } from './use-grid-submit';

export interface GridPasteOptions<TRow extends RowData> {
  rows: readonly Row<GridFeatures, TRow>[];
  columns: readonly Column<GridFeatures, TRow>[];
  size: GridSize;
  selection: GridSelection;
  cells: GridCells;
  submit: GridSubmit<TRow>['submit'];
  /** Why a readable figure may not go into a cell; null when it may. */
  refusal?(row: TRow, columnId: string, value: number): string | null;
}

/** At most this many refused cells are named; the count says how many more. */
const namedRefusals = 5;

function RefusedPaste({ lines, count }: { lines: string[]; count: number }) {
  const more = count > lines.length ? [`… và ${count - lines.length} ô khác.`] : [];
  return (
    <div style={{ textAlign: 'left' }}>
      <div>Không dán: {count} ô không ghi được. Chưa lưu ô nào.</div>
      {[...lines, ...more].map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/** Paste of a block copied from Excel (one write, all or nothing) and Ctrl+C of the selection as TSV. */
export function useGridPaste<TRow extends RowData>({
  rows,
  columns,
  size,
  selection,
  cells,
  submit,
  refusal,
}: GridPasteOptions<TRow>) {
  const { message } = App.useApp();
  const { cellName, cellText, inputColumns, whyReadOnly } = cells;

  const refuse = useCallback(
    (lines: string[], count: number) =>
      void message.error({ key: 'grid-paste', duration: 10, content: <RefusedPaste lines={lines} count={count} /> }),
    [message],
  );

  const unlandedLine = useCallback(
    (c: UnlandedCell) =>
      c.at === null
        ? `Ô dòng ${c.blockRow + 1}, cột ${c.blockCol + 1} của khối dán (“${c.text}”): ${c.reason}`
        : `${cellName(c.at)}: “${c.text}”: ${c.reason}`,
    [cellName],
  );

  const paste = useCallback(
    (text: string) => {
      const grid = { size, inputColumns, whyRefused: whyReadOnly };
      const targets = pasteTargets(parseTsv(text), selection.range, grid);
      if (targets.unlanded.length > 0) {
        refuse(targets.unlanded.slice(0, namedRefusals).map(unlandedLine), targets.unlanded.length);
        return;
      }
      if (targets.cells.length === 0) {
        void message.info({ content: 'Khối dán chỉ có ô trống, không có gì để ghi.', key: 'grid-paste' });
        return;
      }
      const read = readPastedCells(targets.cells, (cell, value) => {
        const row = rows[cell.row];
        const columnId = columns[cell.col]?.id;
        return row === undefined || columnId === undefined || refusal === undefined
          ? null
          : refusal(row.original, columnId, value);
      });
      if (!read.ok) {
        refuse(
          read.refused.slice(0, namedRefusals).map((c) => `${cellName(c)}: “${c.text}”: ${c.reason}`),
          read.refused.length,
        );
        return;
      }
      const textAt = new Map(targets.cells.map((c) => [`${c.row}:${c.col}`, c.text]));
      const written = read.cells.flatMap((c): Written<TRow>[] => {
        const row = rows[c.row];
        const column = columns[c.col];
        if (row === undefined || column === undefined) return [];
        return [
          {
            rowId: row.id,
            columnId: column.id,
            row: row.original,
            value: c.value,
            text: textAt.get(`${c.row}:${c.col}`) ?? '',
          },
        ];
      });
      const first = targets.cells[0];
      const last = targets.cells[targets.cells.length - 1];
      if (first !== undefined && last !== undefined)
        selection.selectRange({ row: first.row, col: selection.range.left }, last);
      void submit(written, 'pasted').then((result) => {
        if (result === null) return;
        const skippedText = targets.skipped > 0 ? `; bỏ qua ${targets.skipped} ô không nhận số liệu` : '';
        void message.success({
          content: `Đã dán ${written.length} ô${skippedText}. Ctrl+Z để hoàn tác.`,
          key: 'grid-paste',
        });
      });
    },
    [
      size,
      inputColumns,
      whyReadOnly,
      selection,
      refuse,
      unlandedLine,
      message,
      rows,
      columns,
      refusal,
      cellName,
      submit,
    ],
  );

  const copySelection = useCallback(() => {
    const { top, bottom, left, right } = selection.range;
    const block: string[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: string[] = [];
      for (let col = left; col <= right; col++) line.push(cellText({ row, col } satisfies CellPos));
      block.push(line);
    }
    return toTsv(block);
  }, [selection.range, cellText]);

  return { paste, copySelection };
}
