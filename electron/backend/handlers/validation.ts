import type { Handlers } from '../handler-types';
import {
  deleteRule,
  exportRules,
  importRules,
  listRules,
  listRuleSettings,
  noteFinding,
  runValidation,
  saveRule,
  setRuleSettings,
} from '../validation/validation-service';

export const validationHandlers: Pick<
  Handlers,
  | 'validation.run'
  | 'validation.note'
  | 'validation.rules.list'
  | 'validation.rules.save'
  | 'validation.rules.delete'
  | 'validation.rules.export'
  | 'validation.rules.import'
  | 'validation.settings.list'
  | 'validation.settings.set'
> = {
  'validation.run': (input, ctx) => runValidation(ctx, input),
  'validation.note': (input, ctx) => noteFinding(ctx, input),
  'validation.rules.list': (_input, { db }) => listRules(db),
  'validation.rules.save': (draft, { db }) => saveRule(db, draft),
  'validation.rules.delete': ({ id }, { db }) => deleteRule(db, id),
  'validation.rules.export': (_input, { db }) => exportRules(db),
  'validation.rules.import': (input, { db }) => importRules(db, input),
  'validation.settings.list': (_input, { db }) => listRuleSettings(db),
  'validation.settings.set': (input, { db }) => setRuleSettings(db, input),
};
