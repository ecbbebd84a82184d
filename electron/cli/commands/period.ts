import type { ApiClient } from '../../../shared/api/client';
import type { PeriodStatus } from '../../../shared/api/period-state-entities';
import { periodStateLabelsVi, periodStateLineVi } from '../../../shared/periods/period-lock';
import { formatViDateTime } from '../../../shared/text/date-time';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { endDayOf, requirePeriod } from '../period-option';
import { unitIdOption } from '../resolve-unit-option';
import { usageText } from '../usage';

export interface PeriodOptions {
  dataDir: string;
  period: string | undefined;
  unit: string | undefined;
  note: string | undefined;
  reason: string | undefined;
  json: boolean;
}

const actions = ['status', 'submit', 'approve', 'lock', 'reopen'] as const;
type CliAction = (typeof actions)[number];

function isAction(word: string | undefined): word is CliAction {
  return actions.some((a) => a === word);
}

function run(
  api: ApiClient,
  action: CliAction,
  unitId: number | undefined,
  period: string,
  options: PeriodOptions,
): Promise<PeriodStatus> {
  switch (action) {
    case 'status':
      return api.call('periods.status', { unitId, period });
    case 'reopen':
      return api.call('periods.reopen', { unitId, period, reason: options.reason ?? '' });
    default:
      return api.call(`periods.${action}`, { unitId, period, note: options.note });
  }
}

function printStatus(status: PeriodStatus): void {
  process.stdout.write(`${status.periodLabel}, ${status.unitName}: ${periodStateLineVi(status)}\n`);
  for (const step of status.log) {
    const note = step.note === null ? '' : `: ${step.note}`;
    process.stdout.write(
      `  ${formatViDateTime(step.at)}  ${periodStateLabelsVi[step.from]} → ${periodStateLabelsVi[step.to]}, ${step.who}${note}\n`,
    );
  }
}

/** `chitieu period status|submit|approve|lock|reopen --period P`: the state of a unit's period and its steps. */
export async function periodCommand(options: PeriodOptions, words: readonly string[]): Promise<void> {
  const [action, ...extra] = words;
  if (!isAction(action) || extra.length > 0) {
    throw new UsageError(`Lệnh period cần một trong: ${actions.join(', ')}.\n\n${usageText}`);
  }
  if (action === 'reopen' && (options.reason === undefined || options.reason.trim() === '')) {
    throw new UsageError('Mở khóa kỳ báo cáo cần có lý do: --reason "…".');
  }
  const period = requirePeriod(options.period);
  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, endDayOf(period));
    const status = await run(api, action, unitId, period, options);
    if (options.json) process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    else printStatus(status);
  } finally {
    backend.close();
  }
}
