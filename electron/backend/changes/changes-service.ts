import { changesOfBatch, lastChangeOf, type ChangeRow } from '../../../db/access/change-log';
import { importOfBatch } from '../../../db/access/imports';
import { findPlan, writePlan } from '../../../db/access/plans';
import { findValue, writeValue, type ValueState } from '../../../db/access/values';
import type { ChitieuDb } from '../../../db/connection';
import { AppError } from '../../../shared/api/errors';
import { planLevels, valueStatuses, type PlanLevel, type ValueStatus } from '../../../shared/api/values-entities';
import type { BatchResult } from '../../../shared/api/values-entities';
import { periodKeyLabelVi } from '../../../shared/periods/period';
import { formatViDateTime } from '../../../shared/text/date-time';
import type { HandlerContext } from '../handler-types';
import { assertChangesWritable } from '../periods/period-states';
import { newBatch } from './new-batch';

function asStatus(text: string | null): ValueStatus {
  return valueStatuses.find((s) => s === text) ?? 'estimate';
}

function asLevel(text: string | null): PlanLevel {
  const level = planLevels.find((l) => l === text);
  if (!level) throw new Error(`change log row has no plan level: ${text}`);
  return level;
}

function stateOf(value: number | null, status: string | null, comment: string | null): ValueState | null {
  return value === null ? null : { value, status: asStatus(status), comment };
}

function describeTarget(row: ChangeRow): string {
  if (row.entity !== 'value') return `kế hoạch ${row.indicatorCode} năm ${row.year}`;
  return `${row.indicatorCode} ${periodKeyLabelVi(row.period ?? '')}`;
}

/** Who changed the figure since, and when: an import by its number (to be undone first), else a hand edit. */
function describeLaterChange(db: ChitieuDb, row: ChangeRow): string {
  const later = lastChangeOf(db, row);
  if (!later || later.batchId === row.batchId) return '';
  const by = later.who ? `, bởi ${later.who}` : '';
  const when = formatViDateTime(later.at);
  const laterImport = importOfBatch(db, later.batchId);
  if (laterImport)
    return ` (lần nhập số ${laterImport.id} lúc ${when}${by}). Hãy hoàn tác lần nhập số ${laterImport.id} trước.`;
  return ` (lúc ${when}${by}). Hãy hoàn tác hoặc sửa lại lần sửa đó trước.`;
}

/** A figure changed again after the batch would be lost by undoing it: refuse rather than overwrite. */
function refuseIfChangedSince(db: ChitieuDb, row: ChangeRow): void {
  let now: number | null;
  let nowStatus: string | null = null;
  let nowComment: string | null = null;
  if (row.entity === 'value') {
    const current = findValue(db, row.indicatorCode, row.unitId, row.period ?? '');
    now = current?.value ?? null;
    nowStatus = current?.status ?? null;
    nowComment = current?.comment ?? null;
  } else {
    now = findPlan(db, row.indicatorCode, row.unitId, row.year ?? 0, asLevel(row.level))?.value ?? null;
  }
  const same =
    now === row.newValue && (row.entity === 'plan' || (nowStatus === row.newStatus && nowComment === row.newComment));
  if (!same) {
    throw new AppError(
      'conflict',
      `Không hoàn tác được: ${describeTarget(row)} đã được sửa sau lần ghi đó${describeLaterChange(db, row) || '.'}`,
      { batchId: row.batchId, indicatorCode: row.indicatorCode },
      'figure changed after the batch',
    );
  }
}

/** Undo writes the old figures back as a new batch, so the append-only log keeps both and redo is another revert. */
export function revertBatch(batchId: string, { db, history }: Pick<HandlerContext, 'db' | 'history'>): BatchResult {
  const written: [number, string, string, ValueState | null][] = [];
  const result = db.transaction(
    () => {
      const rows = changesOfBatch(db, batchId);
      if (rows.length === 0)
        throw new AppError('not_found', 'Không tìm thấy lần ghi cần hoàn tác.', { batchId }, 'batch not found');
      assertChangesWritable(db, rows);
      const { batchId: revertId, who, at } = newBatch(db);
      for (const row of [...rows].reverse()) {
        refuseIfChangedSince(db, row);
        const common = {
          indicatorCode: row.indicatorCode,
          unitId: row.unitId,
          who,
          at,
          batchId: revertId,
          source: { kind: 'undo' as const },
        };
        if (row.entity === 'value') {
          const next = stateOf(row.oldValue, row.oldStatus, row.oldComment);
          writeValue(db, { ...common, period: row.period ?? '', next });
          written.push([row.unitId, row.indicatorCode, row.period ?? '', next]);
        } else {
          writePlan(db, { ...common, year: row.year ?? 0, level: asLevel(row.level), next: row.oldValue });
        }
      }
      return { batchId: revertId, changed: rows.length };
    },
    { behavior: 'immediate' },
  );
  for (const [unitId, code, period, next] of written) history.written(unitId, code, period, next);
  return result;
}
