/**
 * A workbook cell as the import sees it, whatever the file format wrote: the backend's one cell-reading
 * function produces these, and everything above reads figures and texts from them by the rules below.
 */
import { cleanNumber, formatViNumber, parseViNumber } from '../numbers/vi-number';
import type { CellReading } from '../spreadsheet/cell-reading';

export type { CellReading } from '../spreadsheet/cell-reading';
export { cellAddress, columnLetter, columnNumber, parseRange } from '../spreadsheet/cell-reference';

export type CellFigure = { kind: 'none' } | { kind: 'number'; value: number } | { kind: 'problem'; reason: string };

/** What clerks put in a figure cell to say "no figure". */
const noFigure = new Set(['-', '–', '—', '--', 'x', 'X', '…', '...', '..', 'n/a', 'N/A']);

/** The figure in a cell: a number, nothing ("-", "x", empty), or a problem described for the clerk. */
export function figureInCell(cell: CellReading | undefined): CellFigure {
  if (cell === undefined) return { kind: 'none' };
  switch (cell.t) {
    case 'n': {
      if (!Number.isFinite(cell.v)) return { kind: 'problem', reason: 'Số không hợp lệ.' };
      if (cell.percent) return { kind: 'number', value: cleanNumber(cell.v * 100) };
      const v = cell.v;
      // Only a number of 16 or more digits can carry binary noise (105.78999999999999) worth cleaning.
      return { kind: 'number', value: Number.isInteger(v) || String(v).length < 16 ? v : cleanNumber(v) };
    }
    case 's': {
      const text = cell.v.replace(/\u00a0/g, ' ').trim();
      if (text === '' || noFigure.has(text)) return { kind: 'none' };
      const parsed = parseViNumber(text);
      if (parsed.ok) return { kind: 'number', value: parsed.value };
      return { kind: 'problem', reason: `Ô có "${shorten(text)}", không phải một số. ${parsed.reason}` };
    }
    case 'f':
      return {
        kind: 'problem',
        reason: `Ô có công thức =${shorten(cell.formula)} nhưng chưa có kết quả lưu sẵn (tệp chưa được Excel tính và lưu lại). Hãy mở tệp trong Excel, lưu lại rồi nhập lại.`,
      };
    case 'e':
      if (cell.v === '')
        return {
          kind: 'problem',
          reason: `Ô có công thức =${shorten(cell.formula ?? '')} cho kết quả lỗi (như #DIV/0!).`,
        };
      return {
        kind: 'problem',
        reason: `Ô có lỗi ${cell.v}${cell.formula ? ` (công thức =${shorten(cell.formula)})` : ''}.`,
      };
    case 'b':
      return { kind: 'problem', reason: `Ô có giá trị ${cell.v ? 'TRUE' : 'FALSE'}, không phải một số.` };
    case 'd':
      return { kind: 'problem', reason: `Ô có ngày ${cell.v}, không phải một số.` };
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The text of a cell as a label (name, unit, heading); numbers written plainly. */
export function textOfCell(cell: CellReading | undefined): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 's':
      return cell.v.replace(/\s+/g, ' ').trim();
    case 'n':
      return cell.percent ? `${cleanNumber(cell.v * 100)}%` : String(cleanNumber(cell.v));
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
    case 'd':
      return cell.v;
    case 'f':
      return '';
  }
}

/**
 * STT kept as text: a float STT (1.1000000000000001) is the 1.1 the clerk typed, and a text STT ("1.10",
 * "II") stays exactly as written.
 */
export function sttOfCell(cell: CellReading | undefined): string {
  if (cell === undefined) return '';
  if (cell.t === 'n') return String(Number(cell.v.toPrecision(12)));
  return textOfCell(cell);
}

/** How the cell looks to the clerk, for the preview ("2.260", "1.234,5", "-"). */
export function shownText(cell: CellReading | undefined): string {
  if (cell === undefined) return '';
  if (cell.t === 'n') {
    if (cell.percent) return `${shownText({ t: 'n', v: cleanNumber(cell.v * 100) })}%`;
    const plain = String(cell.v);
    const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(plain);
    if (m) return `${m[1]}${(m[2] ?? '').replace(/\B(?=(\d{3})+$)/g, '.')}${m[3] ? `,${m[3]}` : ''}`;
    const v = cleanNumber(cell.v);
    const decimals = Math.min(6, (String(v).split('.')[1] ?? '').length);
    return formatViNumber(v, decimals);
  }
  if (cell.t === 'f') return `=${cell.formula}`;
  return textOfCell(cell);
}
