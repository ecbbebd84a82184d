import { scanXml } from './xml-scanner';
import { attribute, decodeXmlText } from './xml-text';

/** How a cell style shows a number: as a date (a finding in a figure cell), as a percentage (0,392 shows 39,2%), or plainly. */
export type NumberStyle = 'date' | 'percent' | 'number';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ones). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Built-in 0% and 0.00%. */
const builtInPercentFormats = new Set([9, 10]);

/** A format code without its quoted text, [colour]/[locale] brackets and escaped characters: what it really shows. */
function formatSymbols(code: string): string {
  return code
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
}

/** A format code that shows a date or time: d, m, y, h or s outside quoted text and [colour]/[locale] brackets. */
export function isDateFormatCode(code: string): boolean {
  return /[dmyhs]/i.test(formatSymbols(code));
}

/** A format code that multiplies by a hundred and shows "%": a % sign outside quoted text and brackets. */
export function isPercentFormatCode(code: string): boolean {
  return formatSymbols(code).includes('%');
}

/** How a number format code shows its number; the .xls reader, whose cells carry their code, asks this too. */
export function styleOfCode(code: string): NumberStyle {
  if (isDateFormatCode(code)) return 'date';
  return isPercentFormatCode(code) ? 'percent' : 'number';
}

function builtInStyle(id: number): NumberStyle {
  if (builtInDateFormats.has(id)) return 'date';
  return builtInPercentFormats.has(id) ? 'percent' : 'number';
}

/**
 * How each cell style (the `s` index of a cell) shows its number, from xl/styles.xml: a date in a figure cell
 * is a finding, and a percentage is read as the clerk sees it (39,2, not the 0,392 stored).
 */
export function readNumberStyles(xml: string): NumberStyle[] {
  const custom = new Map<number, NumberStyle>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    wantsText: false,
    open(name, tag) {
      if (name === 'numFmt') {
        const id = Number(attribute(tag, 'numFmtId'));
        custom.set(id, styleOfCode(decodeXmlText(attribute(tag, 'formatCode') ?? '')));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? builtInStyle(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}
