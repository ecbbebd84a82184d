import { describe, expect, it } from 'vitest';
import {
  cleanNumber,
  figureDecimals,
  formatViFigure,
  formatViNumber,
  formatViPercent,
  parseNumberLoose,
  ownDecimals,
  parseViNumber,
  percentOf,
  roundDecimal,
  type ViNumberResult,
} from '../../shared/numbers/vi-number';

function valueOf(result: ViNumberResult): number {
  if (!result.ok) throw new Error(`expected a number, got the refusal: ${result.reason}`);
  return result.value;
}

function reasonOf(result: ViNumberResult): string {
  if (result.ok) throw new Error(`expected a refusal, got the number ${result.value}`);
  return result.reason;
}

// Seeded so that a failing random case can be reproduced.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('reading numbers typed in Vietnamese notation', () => {
  it('reads 14.659,9 as fourteen thousand six hundred fifty-nine point nine', () => {
    expect(valueOf(parseViNumber('14.659,9'))).toBe(14659.9);
  });

  it('reads 14659,9 without the thousands dot the same way', () => {
    expect(valueOf(parseViNumber('14659,9'))).toBe(14659.9);
  });

  it('reads 2.260 as two thousand two hundred and sixty, not 2.26', () => {
    expect(valueOf(parseViNumber('2.260'))).toBe(2260);
  });

  it('reads -5,3 as minus five point three', () => {
    expect(valueOf(parseViNumber('-5,3'))).toBe(-5.3);
  });

  it('reads 1.234.567 with several thousands dots', () => {
    expect(valueOf(parseViNumber('1.234.567'))).toBe(1234567);
  });

  it('reads 0 and 0,5', () => {
    expect(valueOf(parseViNumber('0'))).toBe(0);
    expect(valueOf(parseViNumber('0,5'))).toBe(0.5);
  });

  it('reads -0 as plain zero, so it never shows as "-0"', () => {
    expect(Object.is(valueOf(parseViNumber('-0')), 0)).toBe(true);
    expect(Object.is(valueOf(parseViNumber('-0,0')), 0)).toBe(true);
  });

  it('ignores spaces, tabs and no-break spaces around the number', () => {
    expect(valueOf(parseViNumber('  14.659,9 '))).toBe(14659.9);
    expect(valueOf(parseViNumber('\t2.260\u00A0'))).toBe(2260);
  });

  it('accepts the typographic minus sign −', () => {
    expect(valueOf(parseViNumber('−5,3'))).toBe(-5.3);
  });

  it('accepts spaces or no-break spaces between groups of three digits, as in 14 659,9', () => {
    expect(valueOf(parseViNumber('14 659,9'))).toBe(14659.9);
    expect(valueOf(parseViNumber('14\u00A0659,9'))).toBe(14659.9);
    expect(valueOf(parseViNumber('1\u202F234\u202F567'))).toBe(1234567);
  });

  it('keeps every decimal that was typed, exactly', () => {
    expect(valueOf(parseViNumber('56.537,447'))).toBe(56537.447);
    expect(valueOf(parseViNumber('105,79'))).toBe(105.79);
    expect(valueOf(parseViNumber('0,1'))).toBe(0.1);
  });
});

describe('a number too long to be held exactly', () => {
  it('keeps 15 significant digits exactly: 123.456.789.012,345', () => {
    expect(valueOf(parseViNumber('123.456.789.012,345'))).toBe(123456789012.345);
    expect(valueOf(parseViNumber('0,000000000000001'))).toBe(1e-15);
  });

  it('refuses a 16th significant digit rather than cut it, typed or on the command line', () => {
    expect(reasonOf(parseViNumber('1.234.567.890.123,456'))).toBe(
      'Số có hơn 15 chữ số có nghĩa: máy tính (cũng như Excel) không giữ đúng được; hãy bớt chữ số.',
    );
    expect(reasonOf(parseNumberLoose('1234567890123456'))).toContain('15 chữ số có nghĩa');
    expect(reasonOf(parseNumberLoose('1234567890.123456'))).toContain('15 chữ số có nghĩa');
  });

  it('counts neither leading nor trailing zeros: 1.000.000.000.000.000.000 is one digit', () => {
    expect(valueOf(parseViNumber('1.000.000.000.000.000.000'))).toBe(1e18);
  });
});

describe('refusing what is not a number, and saying why', () => {
  it('says there is no number in an empty cell', () => {
    expect(reasonOf(parseViNumber(''))).toMatch(/không có số/i);
    expect(reasonOf(parseViNumber('   '))).toMatch(/không có số/i);
  });

  it('refuses 2.26 as ambiguous and offers both readings, 2,26 and 2.260', () => {
    const reason = reasonOf(parseViNumber('2.26'));
    expect(reason).toContain('ba chữ số');
    expect(reason).toContain('2,26');
    expect(reason).toContain('2.260');
  });

  it('refuses 1234.567 because the first group is longer than three digits', () => {
    expect(reasonOf(parseViNumber('1234.567'))).toMatch(/nhóm chữ số đầu dài hơn 3/i);
  });

  it('refuses 56..537,447 because of the two dots in a row', () => {
    expect(reasonOf(parseViNumber('56..537,447'))).toMatch(/hai dấu chấm liền nhau/i);
  });

  it('refuses 12,3,4 because it has more than one decimal comma', () => {
    expect(reasonOf(parseViNumber('12,3,4'))).toMatch(/nhiều hơn một dấu phẩy/i);
  });

  it('refuses abc as not a number', () => {
    expect(reasonOf(parseViNumber('abc'))).toMatch(/không phải là số/i);
  });

  it('refuses 8.290 tỷ đồng and says to type only the number, since the unit belongs to the indicator', () => {
    const reason = reasonOf(parseViNumber('8.290 tỷ đồng'));
    expect(reason).toContain('chỉ gõ số');
    expect(reason).toContain('đơn vị tính thuộc về chỉ tiêu');
    expect(reasonOf(parseViNumber('8.290 tỷ đồng (↓3,32%)'))).toContain('chỉ gõ số');
    expect(reasonOf(parseViNumber('35,1%'))).toContain('chỉ gõ số');
  });

  it('refuses 1,2.3 because a dot comes after the decimal comma', () => {
    expect(reasonOf(parseViNumber('1,2.3'))).toMatch(/dấu chấm đứng sau dấu phẩy/i);
  });

  it('refuses --5 and 5- because the minus sign belongs once, at the start', () => {
    expect(reasonOf(parseViNumber('--5'))).toMatch(/dấu trừ/i);
    expect(reasonOf(parseViNumber('5-'))).toMatch(/dấu trừ/i);
  });

  it('refuses 1e5 and asks for all the digits', () => {
    expect(reasonOf(parseViNumber('1e5'))).toMatch(/số mũ/i);
  });

  it('refuses ,5 and asks for 0,5', () => {
    expect(reasonOf(parseViNumber(',5'))).toContain('0,5');
  });

  it('refuses 0.5 and suggests 0,5, since a thousands group never starts with 0', () => {
    expect(reasonOf(parseViNumber('0.5'))).toContain('0,5');
    expect(reasonOf(parseViNumber('0.500'))).toContain('0,500');
  });

  it('refuses the placeholders clerks put in empty cells: "-" and "x"', () => {
    expect(parseViNumber('-').ok).toBe(false);
    expect(parseViNumber('x').ok).toBe(false);
  });

  it.each(['5,', '5.', '.5', '0.500', '2.26,5', '1.2345', '1.234 567', '14  659', '+5', '1 2,5', '1,2 3'])(
    'refuses %j with a reason',
    (text) => {
      expect(reasonOf(parseViNumber(text)).length).toBeGreaterThan(0);
    },
  );
});

describe('reading numbers typed on the command line', () => {
  it('reads plain notation 3798.3 and 2.26 when the Vietnamese reading is impossible', () => {
    expect(valueOf(parseNumberLoose('3798.3'))).toBe(3798.3);
    expect(valueOf(parseNumberLoose('2.26'))).toBe(2.26);
    expect(valueOf(parseNumberLoose('-2.26'))).toBe(-2.26);
  });

  it('still reads 2.260 as 2260: the Vietnamese reading wins', () => {
    expect(valueOf(parseNumberLoose('2.260'))).toBe(2260);
  });

  it('reads Vietnamese notation as usual', () => {
    expect(valueOf(parseNumberLoose('14.659,9'))).toBe(14659.9);
    expect(valueOf(parseNumberLoose('42'))).toBe(42);
  });

  it('keeps refusing 1234.567, where the dot is followed by exactly three digits', () => {
    expect(parseNumberLoose('1234.567').ok).toBe(false);
  });

  it('gives the Vietnamese reason for anything else', () => {
    expect(parseNumberLoose('8.290 tỷ đồng')).toEqual(parseViNumber('8.290 tỷ đồng'));
    expect(parseNumberLoose('12,3,4')).toEqual(parseViNumber('12,3,4'));
  });
});

describe('cleaning computed results', () => {
  it('turns 0.1 + 0.2 into 0.3', () => {
    expect(cleanNumber(0.1 + 0.2)).toBe(0.3);
    expect(cleanNumber(266.03 + 200)).toBe(466.03);
  });

  it('leaves NaN and infinities alone', () => {
    expect(cleanNumber(Number.NaN)).toBeNaN();
    expect(cleanNumber(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(cleanNumber(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('rounding as people do on paper', () => {
  it('rounds 1.005 to 1.01 and 2.675 to 2.68 at two decimals', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(2.675, 2)).toBe(2.68);
  });

  it('rounds halves away from zero: -5.25 becomes -5.3 at one decimal', () => {
    expect(roundDecimal(-5.25, 1)).toBe(-5.3);
    expect(roundDecimal(0.5, 0)).toBe(1);
    expect(roundDecimal(-0.5, 0)).toBe(-1);
  });

  it('rounds 59.499999 to 59.5 at one decimal', () => {
    expect(roundDecimal(59.499999, 1)).toBe(59.5);
  });

  it('carries into the whole number: 9.96 becomes 10 at one decimal, 999.5 becomes 1000', () => {
    expect(roundDecimal(9.96, 1)).toBe(10);
    expect(roundDecimal(999.5, 0)).toBe(1000);
  });

  it('handles numbers that JavaScript writes with an exponent', () => {
    expect(roundDecimal(1.5e-7, 7)).toBe(2e-7);
    expect(roundDecimal(1e-7, 2)).toBe(0);
    expect(roundDecimal(1.23e21, 0)).toBe(1.23e21);
  });

  it('never gives minus zero', () => {
    expect(Object.is(roundDecimal(-0.04, 1), 0)).toBe(true);
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundDecimal(1, -1)).toThrow(RangeError);
    expect(() => roundDecimal(1, 1.5)).toThrow(RangeError);
  });
});

describe('writing numbers in Vietnamese notation', () => {
  it.each<[number, number, string]>([
    [14659.9, 1, '14.659,9'],
    [2260, 0, '2.260'],
    [2260, 1, '2.260,0'],
    [-5.3, 1, '-5,3'],
    [0.30000000000000004, 1, '0,3'],
    [1234567, 0, '1.234.567'],
    [-0.04, 1, '0,0'],
    [0, 2, '0,00'],
    [999.96, 1, '1.000,0'],
    [105.79, 2, '105,79'],
    [1.005, 2, '1,01'],
    [123, 0, '123'],
    [-1234.5, 0, '-1.235'],
  ])('writes %d with %d decimals as %s', (x, decimals, text) => {
    expect(formatViNumber(x, decimals)).toBe(text);
  });

  it('writes a percentage with one decimal by default: 121,9%', () => {
    expect(formatViPercent(121.9)).toBe('121,9%');
    expect(formatViPercent(59.499999)).toBe('59,5%');
    expect(formatViPercent(105.79, 2)).toBe('105,79%');
  });

  it('writes nothing for a value that cannot exist', () => {
    expect(formatViNumber(Number.NaN, 1)).toBe('');
    expect(formatViPercent(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('showing a stored figure: the indicator’s decimals, never fewer than the figure’s own', () => {
  it.each<[number, number, string]>([
    [14659.9, 0, '14.659,9'],
    [56537.447, 0, '56.537,447'],
    [2260, 1, '2.260,0'],
    [14659.9, 1, '14.659,9'],
    [105.79, 1, '105,79'],
    [0.1 + 0.2, 1, '0,3'],
    [-5, 0, '-5'],
    [1e-7, 0, '0,0000001'],
  ])('shows %d of an indicator kept with %d decimals as %s', (x, decimals, text) => {
    expect(formatViFigure(x, decimals)).toBe(text);
  });

  it('counts the decimals a figure was written with, without floating-point noise', () => {
    expect(ownDecimals(14659.9)).toBe(1);
    expect(ownDecimals(2260)).toBe(0);
    expect(ownDecimals(0.1 + 0.2)).toBe(1);
    expect(ownDecimals(1e-7)).toBe(7);
    expect(figureDecimals(56537.447, 0)).toBe(3);
    expect(figureDecimals(2260, 1)).toBe(1);
  });

  it('reads back what it shows as the very figure stored', () => {
    const random = seededRandom(15);
    for (let i = 0; i < 2000; i++) {
      const d = Math.floor(random() * 5);
      const typed = Number((Math.floor(random() * 2e9) / 10 ** d).toFixed(d));
      const shownAt = Math.floor(random() * 3);
      expect(valueOf(parseViNumber(formatViFigure(typed, shownAt)))).toBe(typed);
    }
  });
});

describe('what is written can be read back', () => {
  it.each<[number, number]>([
    [14659.9, 1],
    [2260, 0],
    [-5.3, 1],
    [1.005, 2],
    [0.30000000000000004, 1],
    [1234567.891, 2],
  ])('reads back %d written with %d decimals as the rounded value', (x, d) => {
    expect(valueOf(parseViNumber(formatViNumber(x, d)))).toBe(roundDecimal(x, d));
  });

  it('reads back many random values of every size and sign as their rounded value', () => {
    const random = seededRandom(20230630);
    for (let i = 0; i < 5000; i++) {
      const magnitude = 10 ** Math.floor(random() * 12 - 3);
      const x = (random() - 0.5) * 2 * magnitude;
      const d = Math.floor(random() * 5);
      const text = formatViNumber(x, d);
      const rounded = roundDecimal(x, d);
      expect(valueOf(parseViNumber(text)), `${x} at ${d} decimals written as ${text}`).toBe(rounded);
      expect(Math.abs(rounded - x), `${x} at ${d} decimals`).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-15);
    }
  });

  it('reads back random values typed with a few decimals exactly as typed', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const d = Math.floor(random() * 4);
      const typed = Number((Math.floor(random() * 2e9) / 10 ** d).toFixed(d));
      expect(roundDecimal(typed, d)).toBe(typed);
      expect(valueOf(parseViNumber(formatViNumber(typed, d)))).toBe(typed);
    }
  });
});

describe('percent of a whole', () => {
  it('gives 59,5 for 2.260 of a plan of 3.798,3', () => {
    expect(formatViNumber(percentOf(2260, 3798.3) ?? Number.NaN, 1)).toBe('59,5');
  });

  it('removes floating-point noise from the result', () => {
    expect(percentOf(0.3, 1)).toBe(30);
    expect(percentOf(1, 3)).toBe(33.3333333333333);
  });

  it('gives nothing when the whole is zero or missing, or the part is missing', () => {
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(5, undefined)).toBeNull();
    expect(percentOf(null, 5)).toBeNull();
    expect(percentOf(undefined, 5)).toBeNull();
  });

  it('gives zero for a zero part', () => {
    expect(percentOf(0, 5)).toBe(0);
  });
});
