import type { ChitieuDb } from '../../../db/connection';
import { evidenceOfCell, evidenceOfFiles, type FileEvidence } from '../../../db/access/import-evidence';
import { findValue, valuesOfPeriod, writeValue, type StoredValue, type ValueState } from '../../../db/access/values';
import type { Indicator } from '../../../shared/api/entities';
import type { GridFinding, ValueStatus } from '../../../shared/api/values-entities';
import { computeGridRows, type ValueDetail } from '../../../shared/figures/grid-rows';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import {
  formatPeriodKey,
  lastMonth,
  periodLabelVi,
  periodOrThrow,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../../../shared/periods/period';
import { AppError } from '../../../shared/api/errors';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../handler-types';
import type { HistoryCache } from './history-cache';
import type { EnteredFigures } from '../../../shared/figures/entered-figures';
import { assertWritable } from '../periods/period-states';
import { newBatch } from '../changes/new-batch';
import { enteredNumber, refuseDuplicates, refuseOutOfRange, writableIndicator } from './entry-rules';
import { staleFigureRefusal, stillAsSeen } from './stale-figure';
import { planFiguresOf } from '../plans/plan-figures';
import { resolveUnit } from '../units/resolve-unit';
import { validateUnitPeriod } from '../validation/validation-service';

/** A period still running (or in the future) is reported as an estimate; one that is over, as actual. */
export function defaultStatus(period: Period, today: Date): ValueStatus {
  const current = today.getFullYear() * 12 + today.getMonth();
  const end = period.year * 12 + (lastMonth(period) - 1);
  return end < current ? 'actual' : 'estimate';
}

function sameState(a: ValueState | null, b: ValueState | null): boolean {
  if (a === null || b === null) return a === b;
  return a.value === b.value && a.status === b.status && a.comment === b.comment;
}

function detailOf(v: StoredValue, evidence: ReadonlyMap<string, FileEvidence>): ValueDetail {
  const why =
    v.sourceKind === 'imported' && v.sourceSha256
      ? evidenceOfCell(evidence.get(v.sourceSha256), v.sourceSheet, v.sourceCell)
      : null;
  return {
    comment: v.comment,
    updatedBy: v.updatedBy,
    updatedAt: v.updatedAt,
    source: { kind: v.sourceKind, file: v.sourceFile, sheet: v.sourceSheet, cell: v.sourceCell, evidence: why },
  };
}

function evidenceFor(db: ChitieuDb, values: readonly StoredValue[]): Map<string, FileEvidence> {
  return evidenceOfFiles(
    db,
    values.flatMap((v) => (v.sourceKind === 'imported' && v.sourceSha256 ? [v.sourceSha256] : [])),
  );
}

/** The indicators asked for and all their ancestors, in the catalog's tree order, active ones only. */
function withAncestors(indicators: readonly Indicator[], codes: readonly string[]): Indicator[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const wanted = new Set<string>();
  for (const code of codes) {
    if (!byCode.has(code))
      throw new AppError(
        'not_found',
        `Không có chỉ tiêu mã ${code} trong danh mục.`,
        { code },
        'unknown indicator code',
      );
    for (
      let at = byCode.get(code);
      at !== undefined && !wanted.has(at.code);
      at = at.parentCode === null ? undefined : byCode.get(at.parentCode)
    ) {
      wanted.add(at.code);
    }
  }
  return indicators.filter((i) => i.active && wanted.has(i.code));
}

/** The unit's entered figures, and the resolver that works out the sums and derived figures from them. */
function enteredFiguresOf(
  history: HistoryCache,
  indicators: readonly Indicator[],
  unitId: number,
): { figures: EnteredFigures; resolver: FigureResolver } {
  const figures = history.entered(unitId);
  return {
    figures,
    resolver: new FigureResolver(
      indicators,
      (code, key) => figures.get(code)?.get(key)?.value,
      (code) => figures.get(code),
    ),
  };
}

export function valuesGrid(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { unitId, period: periodKey, withFindings }: ParsedInput<'values.grid'>,
): OperationOutput<'values.grid'> {
  const unit = resolveUnit(db, unitId);
  const period = periodOrThrow(periodKey);
  const indicators = catalog.all();
  const { figures, resolver } = enteredFiguresOf(history, indicators, unit.id);
  const stored = valuesOfPeriod(db, unit.id, periodKey);
  const evidence = evidenceFor(db, stored);
  const details = new Map(stored.map((v) => [v.indicatorCode, detailOf(v, evidence)]));
  const previous = previousPeriod(period);
  const findings = new Map<string, GridFinding[]>();
  const report = withFindings ? validateUnitPeriod(db, history, catalog, unit, periodKey, resolver) : null;
  for (const f of report?.findings ?? []) {
    const list = findings.get(f.indicatorCode) ?? [];
    list.push({ key: f.key, ruleId: f.ruleId, severity: f.severity, message: f.message, open: f.open });
    findings.set(f.indicatorCode, list);
  }
  return {
    unitId: unit.id,
    period: periodKey,
    periodLabel: periodLabelVi(period),
    samePeriod: formatPeriodKey(samePeriodLastYear(period)),
    previousPeriod: previous ? formatPeriodKey(previous) : null,
    ytdPeriod: formatPeriodKey(ytdThrough(period.year, lastMonth(period))),
    rows: computeGridRows(indicators, period, figures, details, planFiguresOf(db, unit.id, period.year), resolver)
      .filter((_row, i) => indicators[i]?.active)
      .map((row) => ({ ...row, findings: findings.get(row.code) ?? [] })),
  };
}

// After a save the grid re-reads only what the save can change: the rows written and the sums above them.
export function valueRows(
  { db, history, catalog }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { unitId, period: periodKey, codes }: ParsedInput<'values.rows'>,
): OperationOutput<'values.rows'> {
  const unit = resolveUnit(db, unitId);
  const period = periodOrThrow(periodKey);
  const indicators = catalog.all();
  const { figures, resolver } = enteredFiguresOf(history, indicators, unit.id);
  const rows = withAncestors(indicators, codes);
  const details = new Map<string, ValueDetail>();
  // A save's re-read stays light: the import's evidence, a JSON per file, is read with the grid, not on every save.
  for (const row of rows) {
    const stored = findValue(db, row.code, unit.id, periodKey);
    if (stored) details.set(row.code, detailOf(stored, new Map()));
  }
  return {
    unitId: unit.id,
    period: periodKey,
    rows: computeGridRows(rows, period, figures, details, planFiguresOf(db, unit.id, period.year), resolver),
  };
}

export function setValues(
  { db, history, catalog: catalogCache }: Pick<HandlerContext, 'db' | 'history' | 'catalog'>,
  { unitId, period: periodKey, entries, source }: ParsedInput<'values.set'>,
): OperationOutput<'values.set'> {
  const written: [string, ValueState | null][] = [];
  const result = db.transaction(
    () => {
      const unit = resolveUnit(db, unitId);
      const period = periodOrThrow(periodKey);
      assertWritable(db, unit.id, [periodKey]);
      const catalog = new Map(catalogCache.all().map((i) => [i.code, i]));
      refuseDuplicates(
        entries.map((e) => e.code),
        (code) => `Chỉ tiêu ${code}`,
      );
      const { batchId, who, at } = newBatch(db);
      let changed = 0;
      for (const entry of entries) {
        const indicator = writableIndicator(catalog, entry.code);
        const current = findValue(db, entry.code, unit.id, periodKey);
        // Typing the figure that is already there replaces nobody's figure, whoever saved it.
        const sameFigure = entry.value !== undefined && entry.value === (current?.value ?? null);
        if (entry.seen !== undefined && !sameFigure && !stillAsSeen(current, entry.seen))
          throw staleFigureRefusal(indicator, periodLabelVi(period), entry.seen, current);
        const currentState: ValueState | null = current
          ? { value: current.value, status: current.status, comment: current.comment }
          : null;
        let next: ValueState | null;
        if (entry.value === null) {
          next = null;
        } else if (entry.value === undefined) {
          if (!currentState) {
            throw new AppError(
              'bad_input',
              `Chỉ tiêu ${entry.code} chưa có số liệu kỳ này nên chưa ghi được trạng thái hay ghi chú.`,
              { code: entry.code },
              'status or comment without a value',
            );
          }
          next = {
            ...currentState,
            status: entry.status ?? currentState.status,
            comment: entry.comment === undefined ? currentState.comment : entry.comment,
          };
        } else {
          const value = enteredNumber(entry.code, entry.value);
          refuseOutOfRange(indicator, value, () => periodLabelVi(period));
          next = {
            value,
            status: entry.status ?? currentState?.status ?? defaultStatus(period, new Date()),
            comment: entry.comment === undefined ? (currentState?.comment ?? null) : entry.comment,
          };
        }
        if (next && next.comment !== null && next.comment.trim() === '') next = { ...next, comment: null };
        if (sameState(currentState, next)) continue;
        writeValue(db, {
          indicatorCode: entry.code,
          unitId: unit.id,
          period: periodKey,
          next,
          who,
          at,
          batchId,
          source: { kind: source },
        });
        written.push([entry.code, next]);
        changed++;
      }
      return { unitId: unit.id, batchId: changed > 0 ? batchId : null, changed };
    },
    { behavior: 'immediate' },
  );
  for (const [code, next] of written) history.written(result.unitId, code, periodKey, next);
  return { batchId: result.batchId, changed: result.changed };
}
