import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  parseExpression,
  type Expression,
  type PeriodOffset,
} from '../../shared/validation/expression';

const catalogCodes: ReadonlySet<string> = new Set(['XNK', 'XK', 'NK', 'BLHH', 'BLHH_HH', 'IIP']);

/** The tree of an expression the clerk typed; fails the test with the Vietnamese message if it is refused. */
function parsed(text: string, knownCodes?: ReadonlySet<string>): Expression {
  const result = parseExpression(text, knownCodes);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.message}`);
  return result.expression;
}

/** The Vietnamese message an expression is refused with; fails the test if it is accepted. */
function refusal(text: string, knownCodes?: ReadonlySet<string>): string {
  const result = parseExpression(text, knownCodes);
  if (result.ok) throw new Error(`"${text}" was accepted`);
  return result.message;
}

const ref = (code: string, offset: PeriodOffset = 'current'): Expression => ({ type: 'ref', code, offset });
const num = (value: number): Expression => ({ type: 'number', value });
const bin = (op: '+' | '-' | '*' | '/', left: Expression, right: Expression): Expression => ({
  type: 'binary',
  op,
  left,
  right,
});

/** Figures by code for the current period and by "CODE@offset" for the others. */
type Figures = Readonly<Record<string, number>>;

function evaluate(text: string, figures: Figures, missingAs: number | null = null): number | null {
  return evaluateExpression(
    parsed(text),
    (code, offset) => figures[offset === 'current' ? code : `${code}@${offset}`] ?? null,
    missingAs,
  );
}

describe('reading the expression of a rule', () => {
  it('reads "XK + NK" as export plus import of the period', () => {
    const result = parseExpression('XK + NK', catalogCodes);
    expect(result).toEqual({
      ok: true,
      expression: bin('+', ref('XK'), ref('NK')),
      refs: [
        { code: 'XK', offset: 'current' },
        { code: 'NK', offset: 'current' },
      ],
    });
  });

  it('reads "BLHH_HH × 100 ÷ BLHH" with the multiplication and division signs of a Vietnamese keyboard, left to right', () => {
    expect(parsed('BLHH_HH × 100 ÷ BLHH', catalogCodes)).toEqual(
      bin('/', bin('*', ref('BLHH_HH'), num(100)), ref('BLHH')),
    );
  });

  it('reads "(XK - NK) * 2" with the parentheses first', () => {
    expect(parsed('(XK - NK) * 2')).toEqual(bin('*', bin('-', ref('XK'), ref('NK')), num(2)));
  });

  it('reads "-XK" as the negative of export', () => {
    expect(parsed('-XK')).toEqual({ type: 'negate', arg: ref('XK') });
  });

  it('reads "XNK@cungky" as XNK of the same period last year and "XNK@kytruoc" as XNK of the previous period', () => {
    expect(parseExpression('XNK@cungky', catalogCodes)).toEqual({
      ok: true,
      expression: ref('XNK', 'samePeriod'),
      refs: [{ code: 'XNK', offset: 'samePeriod' }],
    });
    expect(parseExpression('XNK@kytruoc', catalogCodes)).toEqual({
      ok: true,
      expression: ref('XNK', 'previous'),
      refs: [{ code: 'XNK', offset: 'previous' }],
    });
  });

  it('lists every code with its period offset, so the rule editor can check them against the catalog', () => {
    const result = parseExpression('XNK - XNK@cungky', catalogCodes);
    expect(result.ok && result.refs).toEqual([
      { code: 'XNK', offset: 'current' },
      { code: 'XNK', offset: 'samePeriod' },
    ]);
  });

  it('reads codes typed in lower case as the catalog codes', () => {
    expect(parsed('xk + nk', catalogCodes)).toEqual(bin('+', ref('XK'), ref('NK')));
  });

  it('reads "XK x 2" with the letter x as a multiplication sign', () => {
    expect(parsed('XK x 2')).toEqual(bin('*', ref('XK'), num(2)));
  });

  it('reads constants in Vietnamese notation: "1.000,5" is one thousand and a half, "2.260" two thousand two hundred sixty', () => {
    expect(parsed('1.000,5')).toEqual(num(1000.5));
    expect(parsed('2.260')).toEqual(num(2260));
    expect(parsed('0,5')).toEqual(num(0.5));
    expect(parsed('XK × 1.000,5')).toEqual(bin('*', ref('XK'), num(1000.5)));
  });
});

describe('refusing an expression the clerk mistyped, in Vietnamese', () => {
  it('names a code that is not in the catalog', () => {
    expect(refusal('XK + KHONGCO', catalogCodes)).toBe('Không có chỉ tiêu mã KHONGCO trong danh mục.');
    expect(refusal('khongco@cungky', catalogCodes)).toBe('Không có chỉ tiêu mã KHONGCO trong danh mục.');
  });

  it('says that "XK +" stops before its end', () => {
    expect(refusal('XK +')).toBe('Biểu thức kết thúc giữa chừng.');
  });

  it('names the position of an opening parenthesis that is never closed in "(XK"', () => {
    expect(refusal('(XK')).toBe('Thiếu dấu ")" cho dấu "(" ở vị trí 1.');
  });

  it('names the position of the "@" in "XK @foo" and the unknown offset in "XK@foo", suggesting @cungky and @kytruoc', () => {
    expect(refusal('XK @foo')).toMatch(/"@".*vị trí 4/);
    const message = refusal('XK@foo');
    expect(message).toContain('"@foo"');
    expect(message).toContain('vị trí');
    expect(message).toContain('@cungky');
    expect(message).toContain('@kytruoc');
  });

  it('names the character and its position in "XK $ NK"', () => {
    expect(refusal('XK $ NK')).toBe('Ký tự "$" ở vị trí 4 không dùng được trong biểu thức.');
  });

  it('refuses an empty expression', () => {
    expect(refusal('')).toBe('Biểu thức trống.');
    expect(refusal('   ')).toBe('Biểu thức trống.');
  });

  it('names the position of a sign standing where a figure should be, and of a stray part after a complete expression', () => {
    expect(refusal('XK + × NK')).toBe('Dấu "*" ở vị trí 6 đứng không đúng chỗ.');
    expect(refusal('XK NK')).toBe('Thừa phần sau vị trí 4.');
  });

  it('refuses a number that is not Vietnamese notation with the reason', () => {
    expect(refusal('56..537,447')).toMatch(/^Số "56\.\.537,447" ở vị trí 1 không đọc được: /);
  });
});

describe('computing an expression', () => {
  const figures: Figures = { XNK: 2260, XK: 1200, NK: 1060, 'XNK@samePeriod': 1136.2, 'XNK@previous': 1800, ZERO: 0 };

  it('multiplies and divides before it adds and subtracts, and works left to right otherwise', () => {
    expect(evaluate('2 + 3 × 4', figures)).toBe(14);
    expect(evaluate('(2 + 3) × 4', figures)).toBe(20);
    expect(evaluate('10 - 4 - 3', figures)).toBe(3);
    expect(evaluate('12 ÷ 3 ÷ 2', figures)).toBe(2);
    expect(evaluate('XNK - XK - NK', figures)).toBe(0);
    expect(evaluate('XK + NK × 2', figures)).toBe(3320);
  });

  it('applies a leading minus to the figure after it', () => {
    expect(evaluate('-XK + NK', figures)).toBe(-140);
    expect(evaluate('-(XK - NK)', figures)).toBe(-140);
    expect(evaluate('2 - -3', figures)).toBe(5);
  });

  it('takes the figures of the same period last year and of the previous period', () => {
    expect(evaluate('XNK - XNK@cungky', figures)).toBeCloseTo(1123.8, 9);
    expect(evaluate('XNK@kytruoc', figures)).toBe(1800);
    expect(evaluate('XNK@cungky', {})).toBe(null);
  });

  it('gives no result when a figure is missing and missing figures count as nothing', () => {
    expect(evaluate('XK + KHONGSO', figures, null)).toBe(null);
    expect(evaluate('-KHONGSO', figures, null)).toBe(null);
  });

  it('counts a missing figure as 0 when asked to', () => {
    expect(evaluate('XK + KHONGSO', figures, 0)).toBe(1200);
    expect(evaluate('KHONGSO × 2 + 1', figures, 0)).toBe(1);
  });

  it('gives no result for a division by zero instead of infinity', () => {
    expect(evaluate('XK ÷ 0', figures)).toBe(null);
    expect(evaluate('XK ÷ ZERO', figures)).toBe(null);
    expect(evaluate('XK ÷ (NK - NK)', figures)).toBe(null);
    expect(evaluate('XK ÷ KHONGSO', figures, 0)).toBe(null);
    expect(evaluate('XK ÷ 0 + 5', figures)).toBe(null);
  });

  it('divides as a share: BLHH_HH × 100 ÷ BLHH', () => {
    expect(evaluate('BLHH_HH × 100 ÷ BLHH', { BLHH_HH: 10900, BLHH: 14659.9 })).toBeCloseTo(74.35, 2);
  });
});
