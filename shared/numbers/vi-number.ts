/**
 * Vietnamese number notation: the dot groups thousands, the comma is the decimal mark
 * (14.659,9). Text cells in real workbooks hold numbers written this way, and "2.260" in such
 * a cell is two thousand two hundred and sixty, never 2.26.
 *
 * Every value is produced from a plain decimal string handed to Number(), and all rounding is
 * done on decimal strings, so a figure a clerk typed or sees is the figure that is stored.
 */

export type ViNumberResult = { ok: true; value: number } | { ok: false; reason: string };

const MAX_DECIMALS = 20;
const MAX_SIGNIFICANT_DIGITS = 15;

// Thousands may also be grouped with spaces: ordinary, no-break, and narrow no-break, the last
// two being what Word and some exports insert.
const SPACE_SEPARATORS = new Set([' ', '\u00A0', '\u202F']);

function refuse(reason: string): ViNumberResult {
  return { ok: false, reason };
}

// "-0" typed in a cell, or -0.04 rounded to one decimal, must not come back later as "-0".
function withoutNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}

export function parseViNumber(text: string): ViNumberResult {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return refuse('Ô trống: không có số.');

  if (/^[-+]?\d+(?:[.,]\d+)?e[-+]?\d+$/i.test(trimmed)) {
    return refuse('Không dùng dạng số mũ (như 1e5): hãy gõ đủ các chữ số.');
  }

  const offending = [...trimmed].find((ch) => !/[0-9.,-]/.test(ch) && !SPACE_SEPARATORS.has(ch));
  if (offending !== undefined) {
    if (/[\p{L}%]/u.test(offending)) {
      return /\d/.test(trimmed)
        ? refuse('Ô có chữ hoặc đơn vị: chỉ gõ số; đơn vị tính thuộc về chỉ tiêu.')
        : refuse('Không phải là số.');
    }
    return refuse(`Ký tự không hợp lệ trong số: '${offending}'.`);
  }

  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1) : trimmed;
  if (body.includes('-')) return refuse('Dấu trừ chỉ được đặt một lần, ở đầu số.');
  if (!/\d/.test(body)) return refuse('Không có chữ số nào.');

  const commaParts = body.split(',');
  if (commaParts.length > 2) return refuse('Có nhiều hơn một dấu phẩy thập phân.');
  const intText = commaParts[0] ?? '';
  const fracText = commaParts[1];

  if (fracText !== undefined) {
    if (fracText.includes('.')) {
      return refuse('Dấu chấm đứng sau dấu phẩy thập phân: dấu chấm chỉ dùng để tách hàng nghìn, đặt trước dấu phẩy.');
    }
    if (fracText === '') return refuse('Thiếu chữ số sau dấu phẩy thập phân.');
    if (!/^\d+$/.test(fracText)) return refuse('Phần thập phân chỉ được có chữ số.');
    if (intText === '') return refuse('Thiếu chữ số trước dấu phẩy (gõ 0,5 thay vì ,5).');
  }

  const intDigits = readIntegerPart(intText, fracText === undefined);
  if (!intDigits.ok) return intDigits;

  const tooLong = tooManyDigits(`${intDigits.digits}${fracText ?? ''}`);
  if (tooLong) return tooLong;

  const plain = `${negative ? '-' : ''}${intDigits.digits}${fracText === undefined ? '' : `.${fracText}`}`;
  return { ok: true, value: withoutNegativeZero(Number(plain)) };
}

/** Beyond 15 significant digits a number is no longer held exactly (Excel stops at 15 too): refused, never cut. */
function tooManyDigits(digits: string): ViNumberResult | null {
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
  return significant.length > MAX_SIGNIFICANT_DIGITS
    ? refuse(
        `Số có hơn ${MAX_SIGNIFICANT_DIGITS} chữ số có nghĩa: máy tính (cũng như Excel) không giữ đúng được; hãy bớt chữ số.`,
      )
    : null;
}

type IntegerDigits = { ok: true; digits: string } | { ok: false; reason: string };

function readIntegerPart(intText: string, isWholeNumber: boolean): IntegerDigits {
  if (/^\d+$/.test(intText)) return { ok: true, digits: intText };

  if (intText.includes('..')) return { ok: false, reason: 'Có hai dấu chấm liền nhau.' };
  const usesDots = intText.includes('.');
  const usesSpaces = [...intText].some((ch) => SPACE_SEPARATORS.has(ch));
  if (usesDots && usesSpaces) {
    return { ok: false, reason: 'Dùng lẫn dấu chấm và khoảng trắng để tách hàng nghìn: chỉ dùng một loại.' };
  }

  const groups = usesDots ? intText.split('.') : intText.split(/[ \u00A0\u202F]/);
  const first = groups[0] ?? '';
  const rest = groups.slice(1);
  if (first === '') {
    return {
      ok: false,
      reason: usesDots ? 'Số không được bắt đầu bằng dấu chấm.' : 'Thiếu chữ số trước khoảng trắng.',
    };
  }
  if (rest.some((g) => g === '')) {
    return {
      ok: false,
      reason: usesDots
        ? 'Dấu chấm phải có ba chữ số theo sau.'
        : 'Khoảng trắng tách hàng nghìn phải đứng giữa các nhóm ba chữ số.',
    };
  }
  if (first.length > 3) {
    return {
      ok: false,
      reason:
        'Nhóm chữ số đầu dài hơn 3: dấu chấm chỉ dùng để tách hàng nghìn (nhóm 3 chữ số); dấu thập phân là dấu phẩy.',
    };
  }
  // "0.500" is 0,5 to anyone used to English notation; as a thousands group it would be 500.
  if (first.startsWith('0')) {
    const example = usesDots && isWholeNumber && rest.length === 1 ? ` (${first},${rest[0] ?? ''})` : '';
    return {
      ok: false,
      reason: `Số có tách hàng nghìn không được bắt đầu bằng 0: nếu là số thập phân, dùng dấu phẩy${example}.`,
    };
  }

  const badGroup = rest.find((g) => g.length !== 3);
  if (badGroup !== undefined) {
    // A single dot with the wrong number of digits after it is the common case of someone typing
    // a decimal the English way, so say which two readings are possible.
    if (usesDots && isWholeNumber && rest.length === 1 && badGroup.length < 3) {
      const asDecimal = `${first},${badGroup}`;
      const asThousands = `${first}.${badGroup.padEnd(3, '0')}`;
      return {
        ok: false,
        reason: `Sau dấu chấm phải có đúng ba chữ số: có thể là ${asDecimal} hoặc ${asThousands}.`,
      };
    }
    return {
      ok: false,
      reason: usesDots
        ? 'Sau mỗi dấu chấm phải có đúng ba chữ số (dấu chấm tách hàng nghìn; dấu thập phân là dấu phẩy).'
        : 'Mỗi nhóm sau khoảng trắng phải có đúng ba chữ số.',
    };
  }

  return { ok: true, digits: groups.join('') };
}

/**
 * For the command line, where people also type plain notation (3798.3). The Vietnamese reading
 * wins whenever it succeeds, so "2.260" is still 2260; plain notation is only tried for a dot that
 * cannot be a thousands separator because it is not followed by exactly three digits.
 */
export function parseNumberLoose(text: string): ViNumberResult {
  const vi = parseViNumber(text);
  if (vi.ok) return vi;
  const plain = text.trim().replace(/\u2212/g, '-');
  const dotted = /^-?\d+\.(\d+)$/.exec(plain);
  if ((dotted !== null && dotted[1]?.length !== 3) || /^-?\d+$/.test(plain)) {
    return tooManyDigits(plain.replace(/[-.]/g, '')) ?? { ok: true, value: withoutNegativeZero(Number(plain)) };
  }
  return vi;
}

/** Removes binary floating-point noise from a computed result (0.1 + 0.2 → 0.3). */
export function cleanNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(x.toPrecision(15));
}

/** Writes a finite non-negative number as a plain decimal string, without exponent notation. */
function plainDecimalString(abs: number): string {
  const s = String(abs);
  const m = /^(\d+)(?:\.(\d+))?e([-+]\d+)$/.exec(s);
  if (m === null) return s;
  const intPart = m[1] ?? '';
  const fracPart = m[2] ?? '';
  const digits = intPart + fracPart;
  const pointAt = intPart.length + Number(m[3]);
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Adds one to a string of decimal digits, carrying as on paper. */
function incrementDigits(digits: string): string {
  const out = [...digits];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals} (phải từ 0 đến ${MAX_DECIMALS}).`);
  }
}

/**
 * The rounded magnitude of x as a decimal string with exactly `decimals` fraction digits,
 * plus its sign. Working on String(x) rounds the number as it is displayed: 1.005 is stored as
 * 1.00499999999999989…, but people see 1.005 and expect 1.01.
 */
function roundedDecimalString(x: number, decimals: number): { negative: boolean; intPart: string; fracPart: string } {
  const [intText, fracText = ''] = plainDecimalString(Math.abs(x)).split('.');
  let intPart = intText ?? '0';
  let fracPart = fracText;
  if (fracPart.length > decimals) {
    const roundUp = (fracPart[decimals] ?? '0') >= '5';
    fracPart = fracPart.slice(0, decimals);
    if (roundUp) {
      const bumped = incrementDigits(intPart + fracPart);
      intPart = bumped.slice(0, bumped.length - decimals);
      fracPart = bumped.slice(bumped.length - decimals);
    }
  }
  fracPart = fracPart.padEnd(decimals, '0');
  const isZero = /^0*$/.test(intPart + fracPart);
  return { negative: x < 0 && !isZero, intPart, fracPart };
}

/** Rounds half away from zero on the decimal digits of x, never by scaling with 10^decimals. */
export function roundDecimal(x: number, decimals: number): number {
  checkDecimals(decimals);
  if (!Number.isFinite(x)) return x;
  const { negative, intPart, fracPart } = roundedDecimalString(x, decimals);
  const plain = `${negative ? '-' : ''}${intPart}${fracPart === '' ? '' : `.${fracPart}`}`;
  return withoutNegativeZero(Number(plain));
}

function groupThousands(intPart: string): string {
  const trimmed = intPart.replace(/^0+(?=\d)/, '');
  return trimmed.replace(/\B(?=(\d{3})+$)/g, '.');
}

/**
 * Vietnamese notation with exactly `decimals` decimals (2260 at 1 → "2.260,0"). Non-finite
 * values give an empty string: a blank cell is what a report shows for a figure that cannot exist.
 */
export function formatViNumber(x: number, decimals: number): string {
  checkDecimals(decimals);
  if (!Number.isFinite(x)) return '';
  const { negative, intPart, fracPart } = roundedDecimalString(x, decimals);
  return `${negative ? '-' : ''}${groupThousands(intPart)}${fracPart === '' ? '' : `,${fracPart}`}`;
}

/**
 * How many decimals a figure has as written (14659.9 → 1, 2260 → 0), after removing floating-point noise:
 * the precision the clerk gave it, which no display may cut.
 */
export function ownDecimals(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const fraction = plainDecimalString(Math.abs(cleanNumber(x))).split('.')[1] ?? '';
  return Math.min(MAX_DECIMALS, fraction.length);
}

/** The decimals a figure is shown with: its indicator's, or more when the figure itself has more. */
export function figureDecimals(x: number, indicatorDecimals: number): number {
  return Math.max(indicatorDecimals, ownDecimals(x));
}

/**
 * A stored figure in Vietnamese notation. An indicator's decimals are how its figures are shown, never a
 * reason to change one: 2260 at 1 decimal is "2.260,0", and 14659.9 at 0 decimals stays "14.659,9".
 */
export function formatViFigure(x: number, indicatorDecimals: number): string {
  return formatViNumber(cleanNumber(x), figureDecimals(x, indicatorDecimals));
}

export function formatViPercent(x: number, decimals = 1): string {
  const text = formatViNumber(x, decimals);
  return text === '' ? '' : `${text}%`;
}

/** part as a percentage of whole (121,9 means 21,9% more); null when it cannot be computed. */
export function percentOf(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined) return null;
  if (whole === 0 || !Number.isFinite(part) || !Number.isFinite(whole)) return null;
  return cleanNumber((part / whole) * 100);
}
