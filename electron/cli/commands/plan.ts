import { planLevels } from '../../../shared/api/values-entities';
import { parseAssignments } from '../assignments';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { unitIdOption } from '../resolve-unit-option';

export interface PlanOptions {
  dataDir: string;
  year: string | undefined;
  level: string | undefined;
  unit: string | undefined;
  json: boolean;
}

export async function planSetCommand(options: PlanOptions, words: string[]): Promise<void> {
  const year = Number(options.year);
  if (!options.year || !Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new UsageError('Thiếu hoặc sai --year (ví dụ --year 2023).');
  }
  const level = planLevels.find((l) => l === (options.level ?? 'giao').replace('-', '_'));
  if (!level) throw new UsageError(`--level phải là giao hoặc phan-dau, không phải "${options.level}".`);
  const assignments = parseAssignments(words);
  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, `${year}-12-31`);
    const result = await api.call('plans.set', {
      unitId,
      year,
      source: 'cli',
      entries: assignments.map((a) => ({ code: a.code, level, value: a.value })),
    });
    if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`Đã ghi ${result.changed} số kế hoạch năm ${year}.\n`);
  } finally {
    backend.close();
  }
}
