/**
 * The clipboard format of Excel and LibreOffice: rows end with a newline, cells are separated by tabs,
 * and a cell holding a tab, a newline or a quote is wrapped in quotes with its quotes doubled.
 */

export function parseTsv(text: string): string[][] {
  const source = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= source.length) {
    let cell: string;
    if (source[i] === '"') {
      const quoted = readQuoted(source, i);
      if (quoted !== null) {
        cell = quoted.text;
        i = quoted.end;
      } else {
        const end = nextSeparator(source, i);
        cell = source.slice(i, end);
        i = end;
      }
    } else {
      const end = nextSeparator(source, i);
      cell = source.slice(i, end);
      i = end;
    }
    row.push(cell);
    const separator = source[i];
    i += 1;
    if (separator !== '\t') {
      rows.push(row);
      row = [];
      if (separator === undefined) break;
    }
  }
  // Spreadsheets end the copied block with a newline, which would otherwise read as one more empty row.
  const last = rows[rows.length - 1];
  if (rows.length > 1 && last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

function nextSeparator(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\t' || source[i] === '\n') return i;
  }
  return source.length;
}

/** A quoted cell, or null when the quote does not close right before a separator (then it is literal text). */
function readQuoted(source: string, start: number): { text: string; end: number } | null {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      if (source[i + 1] === '"') {
        text += '"';
        i += 2;
        continue;
      }
      const after = source[i + 1];
      return after === undefined || after === '\t' || after === '\n' ? { text, end: i + 1 } : null;
    }
    text += ch;
    i += 1;
  }
  return null;
}

function quoteIfNeeded(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteIfNeeded).join('\t')).join('\n');
}
