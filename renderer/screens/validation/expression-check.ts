import { parseExpression, type PeriodOffset } from '../../../shared/validation/expression';

export type ExpressionCheck = { status: 'empty' } | { status: 'ok' | 'error'; text: string };

const offsetWords: Record<PeriodOffset, string> = {
  current: '',
  samePeriod: ' cùng kỳ năm trước',
  previous: ' kỳ trước',
};

/** What the clerk reads under an expression while typing it: the parser's Vietnamese error, or the codes it uses. */
export function checkExpression(text: string, codes: ReadonlySet<string>): ExpressionCheck {
  if (text.trim() === '') return { status: 'empty' };
  const parsed = parseExpression(text, codes);
  if (!parsed.ok) return { status: 'error', text: parsed.message };
  const used = [...new Set(parsed.refs.map((r) => `${r.code}${offsetWords[r.offset]}`))];
  return {
    status: 'ok',
    text: used.length === 0 ? 'Hợp lệ: chỉ có hằng số, không dùng chỉ tiêu nào' : `Hợp lệ: dùng ${used.join(', ')}`,
  };
}
