import { randomUUID } from 'node:crypto';
import { findIndicator, listIndicators } from '../../../db/access/catalog';
import {
  addNote,
  deleteUserRule,
  latestNotes,
  listUserRules,
  ruleSettingsByIndicator,
  saveRuleSettings,
  saveUserRule,
} from '../../../db/access/validation';
import { writeGeneration } from '../../../db/access/write-generation';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { ChitieuDb } from '../../../db/connection';
import type { ReportingUnit } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import type { ReportedFinding, ValidationReport } from '../../../shared/api/validation-entities';
import { periodLabelVi, periodOrThrow } from '../../../shared/periods/period';
import { parseExpression } from '../../../shared/validation/expression';
import type { UserRule } from '../../../shared/validation/user-rule';
import { validatePeriod, validationSteps, type ValidationInput } from '../../../shared/validation/validate';
import type { Finding } from '../../../shared/validation/finding';
import type { FigureResolver } from '../../../shared/figures/resolve-figures';
import type { HandlerContext } from '../handler-types';
import type { CatalogCache } from '../catalog/catalog-cache';
import type { HistoryCache } from '../values/history-cache';
import { resolveUnit } from '../units/resolve-unit';
import { changeAuthor } from '../settings/settings-service';
import { planFiguresOf } from '../plans/plan-figures';

/** The findings of a unit and period, remembered until the data changes. */
export function validateUnitPeriod(
  db: ChitieuDb,
  history: HistoryCache,
  catalog: CatalogCache,
  unit: ReportingUnit,
  periodKey: string,
  resolver?: FigureResolver,
): ValidationReport {
  const reports = history.reports.ofNow();
  const key = `${unit.id}|${periodKey}`;
  let report = reports.get(key);
  if (report === undefined) {
    report = reportOf(
      db,
      unit,
      periodKey,
      validatePeriod(validationInput(db, history, catalog, unit, periodKey, resolver)),
    );
    reports.set(key, report);
  }
  return report;
}

const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same report, worked out in steps with other calls let in between: a save that arrives while the
 * header's count is being checked goes ahead instead of waiting. A write in between makes the check start
 * again on the new figures, since its report would describe data that no longer stands.
 */
export async function validateUnitPeriodStepwise(
  db: ChitieuDb,
  history: HistoryCache,
  catalog: CatalogCache,
  unit: ReportingUnit,
  periodKey: string,
): Promise<ValidationReport> {
  const key = `${unit.id}|${periodKey}`;
  for (;;) {
    const reports = history.reports.ofNow();
    const known = reports.get(key);
    if (known !== undefined) return known;
    const generation = writeGeneration(db);
    const steps = validationSteps(validationInput(db, history, catalog, unit, periodKey));
    let step = steps.next();
    while (!step.done && writeGeneration(db) === generation) {
      await letOthersIn();
      if (writeGeneration(db) === generation) step = steps.next();
    }
    if (!step.done) continue;
    const report = reportOf(db, unit, periodKey, step.value);
    reports.set(key, report);
    return report;
  }
}

function validationInput(
  db: ChitieuDb,
  history: HistoryCache,
  catalog: CatalogCache,
  unit: ReportingUnit,
  periodKey: string,
  resolver?: FigureResolver,
): ValidationInput {
  const period = periodOrThrow(periodKey);
  const settings = ruleSettingsByIndicator(db);
  return {
    indicators: catalog.all().map((i) => ({ ...i, settings: settings.get(i.code) })),
    period,
    today: new Date(),
    entered: history.entered(unit.id),
    plans: planFiguresOf(db, unit.id, period.year),
    userRules: listUserRules(db),
    ...(resolver ? { resolver } : {}),
  };
}

function reportOf(db: ChitieuDb, unit: ReportingUnit, periodKey: string, findings: Finding[]): ValidationReport {
  const notes = latestNotes(db, unit.id, periodKey);
  const reported: ReportedFinding[] = findings.map((f) => {
    const stored = notes.get(f.key);
    const note = stored ? { kind: stored.kind, text: stored.text, who: stored.who, at: stored.at } : null;
    const open = f.severity === 'error' ? note?.kind !== 'override' : f.severity === 'warning' ? note === null : false;
    return { ...f, note, open };
  });
  const count = (pred: (f: ReportedFinding) => boolean) => reported.filter(pred).length;
  return {
    unitId: unit.id,
    period: periodKey,
    periodLabel: periodLabelVi(periodOrThrow(periodKey)),
    findings: reported,
    counts: {
      error: count((f) => f.severity === 'error'),
      warning: count((f) => f.severity === 'warning'),
      info: count((f) => f.severity === 'info'),
      open: count((f) => f.open),
      openErrors: count((f) => f.open && f.severity === 'error'),
    },
  };
}

function checkRule(db: ChitieuDb, rule: Pick<UserRule, 'left' | 'right' | 'name'>): void {
  const known = new Set(listIndicators(db).map((i) => i.code));
  for (const [side, text] of [
    ['Vế trái', rule.left],
    ['Vế phải', rule.right],
  ] as const) {
    const parsed = parseExpression(text, known);
    if (!parsed.ok) {
      throw new AppError(
        'bad_input',
        `Quy tắc "${rule.name}", ${side.toLowerCase()}: ${parsed.message}`,
        { side, text },
        'invalid rule expression',
      );
    }
  }
}

export function runValidation(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { unitId, period }: ParsedInput<'validation.run'>,
): Promise<ValidationReport> {
  return validateUnitPeriodStepwise(db, history, catalog, resolveUnit(db, unitId), period);
}

/** A note on a finding, or the reason an error is overridden; the report after it. */
export function noteFinding(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { unitId, period, key, kind, text }: ParsedInput<'validation.note'>,
): ValidationReport {
  const unit = resolveUnit(db, unitId);
  const before = validateUnitPeriod(db, history, catalog, unit, period);
  const finding = before.findings.find((f) => f.key === key);
  if (!finding)
    throw new AppError(
      'not_found',
      'Không còn phát hiện này (số liệu có thể đã được sửa).',
      { key },
      'finding not found',
    );
  if (kind === 'override' && finding.severity !== 'error') {
    throw new AppError(
      'bad_input',
      'Chỉ lỗi mới cần lý do bỏ qua; với cảnh báo hãy ghi chú.',
      { key },
      'override on a non-error',
    );
  }
  addNote(db, {
    findingKey: key,
    unitId: unit.id,
    period,
    kind,
    text,
    who: changeAuthor(db),
    at: new Date().toISOString(),
  });
  return validateUnitPeriod(db, history, catalog, unit, period);
}

export function listRules(db: ChitieuDb): UserRule[] {
  return listUserRules(db);
}

export function saveRule(db: ChitieuDb, draft: ParsedInput<'validation.rules.save'>): UserRule {
  return db.transaction(
    () => {
      checkRule(db, draft);
      const rule: UserRule = { ...draft, id: draft.id ?? randomUUID() };
      saveUserRule(db, rule);
      return rule;
    },
    { behavior: 'immediate' },
  );
}

export function deleteRule(db: ChitieuDb, id: string): OperationOutput<'validation.rules.delete'> {
  return { deleted: deleteUserRule(db, id) };
}

export function exportRules(db: ChitieuDb): OperationOutput<'validation.rules.export'> {
  return { format: 'chitieu-validation-rules', version: 1, rules: listUserRules(db) };
}

/** A rules file taken in whole or not at all, beside the rules there are or in their place. */
export function importRules(
  db: ChitieuDb,
  { file, replace }: ParsedInput<'validation.rules.import'>,
): OperationOutput<'validation.rules.import'> {
  return db.transaction(
    () => {
      if (replace) for (const rule of listUserRules(db)) deleteUserRule(db, rule.id);
      for (const rule of file.rules) {
        checkRule(db, rule);
        saveUserRule(db, rule);
      }
      return { imported: file.rules.length };
    },
    { behavior: 'immediate' },
  );
}

export function listRuleSettings(db: ChitieuDb): OperationOutput<'validation.settings.list'> {
  return [...ruleSettingsByIndicator(db)].map(([code, settings]) => ({ code, settings }));
}

export function setRuleSettings(
  db: ChitieuDb,
  { code, settings }: ParsedInput<'validation.settings.set'>,
): OperationOutput<'validation.settings.set'> {
  if (!findIndicator(db, code))
    throw new AppError('not_found', `Không có chỉ tiêu mã ${code}.`, { code }, 'indicator not found');
  saveRuleSettings(db, code, settings);
  return { code, settings };
}
