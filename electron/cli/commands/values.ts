import { formatViFigure, formatViNumber } from '../../../shared/numbers/vi-number';
import { valueStatuses, type ValueStatus } from '../../../shared/api/values-entities';
import { parseAssignments } from '../assignments';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { endDayOf, requirePeriod } from '../period-option';
import { unitIdOption } from '../resolve-unit-option';

export interface ValuesOptions {
  dataDir: string;
  period: string | undefined;
  unit: string | undefined;
  status: string | undefined;
  json: boolean;
}

function statusOption(text: string | undefined): ValueStatus | undefined {
  if (text === undefined) return undefined;
  const status = valueStatuses.find((s) => s === text);
  if (!status)
    throw new UsageError(`--status phải là estimate (ước tính) hoặc actual (thực hiện), không phải "${text}".`);
  return status;
}

export async function valuesSetCommand(options: ValuesOptions, words: string[]): Promise<void> {
  const period = requirePeriod(options.period);
  const status = statusOption(options.status);
  const assignments = parseAssignments(words);
  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, endDayOf(period));
    const result = await api.call('values.set', {
      unitId,
      period,
      source: 'cli',
      entries: assignments.map((a) => ({ code: a.code, value: a.value, ...(status ? { status } : {}) })),
    });
    if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`Đã ghi ${result.changed} số liệu kỳ ${period}.\n`);
  } finally {
    backend.close();
  }
}

export async function valuesGetCommand(options: ValuesOptions): Promise<void> {
  const period = requirePeriod(options.period);
  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, endDayOf(period));
    const [grid, catalog] = await Promise.all([
      api.call('values.grid', { unitId, period }),
      api.call('catalog.list', { includeRetired: false }),
    ]);
    const byCode = new Map(catalog.map((i) => [i.code, i]));
    if (options.json) {
      const rows = grid.rows.map((r) => ({
        ...r,
        name_vi: byCode.get(r.code)?.nameVi ?? '',
        unit: byCode.get(r.code)?.unit ?? '',
      }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${grid.periodLabel}\n`);
    for (const row of grid.rows) {
      const indicator = byCode.get(row.code);
      const shown = row.value ?? row.valueFromParts;
      if (!indicator || shown === null) continue;
      const pct = (x: number | null, label: string) => (x === null ? '' : `, ${label} ${formatViNumber(x, 1)}%`);
      process.stdout.write(
        `${row.code}: ${formatViFigure(shown, indicator.decimals)} ${indicator.unit}${pct(row.pctOfPlan, 'so KH')}${pct(row.pctOfSamePeriod, 'so cùng kỳ')}\n`,
      );
    }
  } finally {
    backend.close();
  }
}
