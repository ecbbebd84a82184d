/**
 * The second pass over a sheet's rows: suggestions leave out indicators other rows already are; when the clerk
 * accepts suggestions, a clear one is taken, in row order.
 */
import type { Suggestion } from '../api/import-entities';
import { unitFit } from './match';
import { stripStt } from './names';
import { settleRow, type RowWork } from './settle-row';
import type { SheetContext } from './sheet-context';

/**
 * "Accept suggestions" takes a suggestion only this alike: below it a name shares a word or two with the catalog's
 * ("Doanh thu" of an enterprise, "Hạt tiêu đen" beside Hạt điều nhân) and stays a question.
 */
const acceptableConfidence = 0.7;

export function settleSuggestions(work: readonly RowWork[], ctx: SheetContext): void {
  const taken = new Set(
    work.filter((w) => w.indicator && w.preview.state !== 'unit_mismatch').map((w) => w.indicator?.code ?? ''),
  );
  for (const w of work) {
    if (!w.fuzzy) continue;
    const suggestions: Suggestion[] = w.preview.suggestions.filter((s) => !taken.has(s.code));
    const fresh =
      suggestions.length > 0
        ? suggestions
        : ctx.matcher.suggest({ name: stripStt(w.preview.name), unit: w.unitText, code: '' }, taken, w.scope);
    w.preview.suggestions = fresh;
    if (fresh.length === 0) {
      w.preview.state = 'unrecognized';
      continue;
    }
    if (ctx.acceptSuggestions) acceptClearSuggestion(w, fresh, taken, ctx);
  }
}

/** The top suggestion, when it is alike enough and ahead of the next. */
function acceptClearSuggestion(w: RowWork, fresh: Suggestion[], taken: Set<string>, ctx: SheetContext): void {
  const top = fresh[0];
  const second = fresh[1];
  const clear = top && top.confidence >= acceptableConfidence && (!second || second.confidence < top.confidence);
  if (!clear) return;
  const indicator = ctx.matcher.indicator(top.code);
  if (!indicator) return;
  settleRow(
    w,
    { kind: 'matched', indicator, how: 'name', fit: unitFit(w.unitText, indicator) },
    'suggestion',
    top.confidence,
    ctx.matcher.tree,
  );
  w.preview.suggestions = fresh;
  taken.add(top.code);
}
