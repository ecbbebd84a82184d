import { parseNumberLoose } from '../numbers/vi-number';

export type PeriodOffset = 'current' | 'samePeriod' | 'previous';

export type Expression =
  | { type: 'number'; value: number }
  | { type: 'ref'; code: string; offset: PeriodOffset }
  | { type: 'negate'; arg: Expression }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Expression; right: Expression };

export type ParseResult =
  { ok: true; expression: Expression; refs: { code: string; offset: PeriodOffset }[] } | { ok: false; message: string };

const offsetNames: Record<string, PeriodOffset> = {
  cungky: 'samePeriod',
  ly: 'samePeriod',
  kytruoc: 'previous',
  prev: 'previous',
};

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'ref'; code: string; offset: PeriodOffset; at: number }
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; at: number };

const opOf: Record<string, '+' | '-' | '*' | '/' | '(' | ')'> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  x: '*',
  '/': '/',
  '÷': '/',
  ':': '/',
  '(': '(',
  ')': ')',
};

class ExpressionError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9][0-9.,]*/.exec(text.slice(i))![0];
      const parsed = parseNumberLoose(match);
      if (!parsed.ok) throw new ExpressionError(`Số "${match}" ở vị trí ${i + 1} không đọc được: ${parsed.reason}`);
      tokens.push({ kind: 'number', value: parsed.value, at: i });
      i += match.length;
    } else if (/[A-Za-z_]/.test(ch) && !(ch === 'x' && !/[A-Za-z0-9_]/.test(text[i + 1] ?? ''))) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(@[A-Za-z]+)?/.exec(text.slice(i))![0];
      const [code, offsetName] = match.split('@') as [string, string | undefined];
      let offset: PeriodOffset = 'current';
      if (offsetName !== undefined) {
        const found = offsetNames[offsetName.toLowerCase()];
        if (!found)
          throw new ExpressionError(
            `Không hiểu "@${offsetName}" ở vị trí ${i + 1}: dùng @cungky (cùng kỳ năm trước) hoặc @kytruoc (kỳ trước).`,
          );
        offset = found;
      }
      tokens.push({ kind: 'ref', code: code.toUpperCase(), offset, at: i });
      i += match.length;
    } else if (opOf[ch]) {
      tokens.push({ kind: 'op', op: opOf[ch], at: i });
      i++;
    } else {
      throw new ExpressionError(`Ký tự "${ch}" ở vị trí ${i + 1} không dùng được trong biểu thức.`);
    }
  }
  return tokens;
}

/** Recursive descent over + − × ÷ with the usual precedence, unary minus and parentheses. */
class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expression {
    if (this.tokens.length === 0) throw new ExpressionError('Biểu thức trống.');
    const expression = this.sum();
    const extra = this.tokens[this.index];
    if (extra) throw new ExpressionError(`Thừa phần sau vị trí ${extra.at + 1}.`);
    return expression;
  }

  private peekOp(): string | null {
    const t = this.tokens[this.index];
    return t?.kind === 'op' ? t.op : null;
  }

  private sum(): Expression {
    let left = this.product();
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.index++;
      left = { type: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  private product(): Expression {
    let left = this.factor();
    for (let op = this.peekOp(); op === '*' || op === '/'; op = this.peekOp()) {
      this.index++;
      left = { type: 'binary', op, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Expression {
    const t = this.tokens[this.index++];
    if (!t) throw new ExpressionError('Biểu thức kết thúc giữa chừng.');
    if (t.kind === 'number') return { type: 'number', value: t.value };
    if (t.kind === 'ref') return { type: 'ref', code: t.code, offset: t.offset };
    if (t.op === '-') return { type: 'negate', arg: this.factor() };
    if (t.op === '(') {
      const inner = this.sum();
      if (this.tokens[this.index]?.kind !== 'op' || this.peekOp() !== ')')
        throw new ExpressionError(`Thiếu dấu ")" cho dấu "(" ở vị trí ${t.at + 1}.`);
      this.index++;
      return inner;
    }
    throw new ExpressionError(`Dấu "${t.op}" ở vị trí ${t.at + 1} đứng không đúng chỗ.`);
  }
}

function collectRefs(e: Expression, out: { code: string; offset: PeriodOffset }[]): void {
  if (e.type === 'ref') out.push({ code: e.code, offset: e.offset });
  else if (e.type === 'negate') collectRefs(e.arg, out);
  else if (e.type === 'binary') {
    collectRefs(e.left, out);
    collectRefs(e.right, out);
  }
}

/** Reads an expression such as "XK + NK", "BLHH_HH × 100 ÷ BLHH" or "XNK - XNK@cungky"; unknown codes are refused. */
export function parseExpression(text: string, knownCodes?: ReadonlySet<string>): ParseResult {
  try {
    const expression = new Parser(tokenize(text)).parse();
    const refs: { code: string; offset: PeriodOffset }[] = [];
    collectRefs(expression, refs);
    const unknown = knownCodes ? refs.filter((r) => !knownCodes.has(r.code)).map((r) => r.code) : [];
    if (unknown.length > 0)
      return { ok: false, message: `Không có chỉ tiêu mã ${[...new Set(unknown)].join(', ')} trong danh mục.` };
    return { ok: true, expression, refs };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Evaluates with missing figures taken as `missingAs` (null: the result is missing too); ÷ 0 gives null. */
export function evaluateExpression(
  e: Expression,
  lookup: (code: string, offset: PeriodOffset) => number | null,
  missingAs: number | null,
): number | null {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'ref':
      return lookup(e.code, e.offset) ?? missingAs;
    case 'negate': {
      const v = evaluateExpression(e.arg, lookup, missingAs);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = evaluateExpression(e.left, lookup, missingAs);
      const r = evaluateExpression(e.right, lookup, missingAs);
      if (l === null || r === null) return null;
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}
