import { builtinRules } from '../../../shared/validation/builtin-rules';
import { defaultBand, type IndicatorRuleSettings } from '../../../shared/validation/rule-settings';

export type RequiredChoice = 'auto' | 'yes' | 'no';

export const requiredLabels: Record<RequiredChoice, string> = { auto: 'Theo cùng kỳ', yes: 'Có', no: 'Không' };

export function requiredChoiceOf(required: boolean | null): RequiredChoice {
  return required === null ? 'auto' : required ? 'yes' : 'no';
}

export function requiredOf(choice: RequiredChoice): boolean | null {
  return choice === 'auto' ? null : choice === 'yes';
}

export function isDefaultSettings(s: IndicatorRuleSettings): boolean {
  return s.required === null && s.bandLow === null && s.bandHigh === null && s.disabledRules.length === 0;
}

const titles = new Map<string, string>(builtinRules.map((r) => [r.id, r.titleVi]));

export function disabledRulesText(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.map((id) => titles.get(id) ?? id).join('; ');
}

/** "80–150%", with the rule's own default for a side left empty. */
export function bandText(s: IndicatorRuleSettings): string {
  if (s.bandLow === null && s.bandHigh === null) return `Mặc định (${defaultBand.low}–${defaultBand.high}%)`;
  return `${s.bandLow ?? defaultBand.low}–${s.bandHigh ?? defaultBand.high}%`;
}
