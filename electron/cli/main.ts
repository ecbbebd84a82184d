import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { resolveDataDir } from '../data-dir';
import { UsageError } from './cli-error';
import { catalogCommand } from './commands/catalog';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { periodCommand } from './commands/period';
import { planSetCommand } from './commands/plan';
import { reportCommand } from './commands/report';
import { validateCommand } from './commands/validate';
import { valuesGetCommand, valuesSetCommand } from './commands/values';
import { serveCommand } from './commands/serve';
import { backupCommand } from './commands/backup';
import { restoreCommand } from './commands/restore';
import { unitsCommand } from './commands/units';
import { settingsCommand } from './commands/settings';
import { usageText } from './usage';

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`Cổng không hợp lệ: "${text}". Dùng một số từ 0 đến 65535.`);
  return port;
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        office: { type: 'boolean', default: false },
        period: { type: 'string' },
        unit: { type: 'string' },
        status: { type: 'string' },
        year: { type: 'string' },
        level: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'accept-suggestions': { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        history: { type: 'boolean', default: false },
        undo: { type: 'string' },
        out: { type: 'string' },
        units: { type: 'string' },
        'all-units': { type: 'boolean', default: false },
        template: { type: 'string' },
        reason: { type: 'string' },
        note: { type: 'string' },
        layout: { type: 'string' },
        format: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        parent: { type: 'string' },
        'valid-from': { type: 'string' },
        'valid-to': { type: 'string' },
        predecessors: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message.replace(/^Unknown option/, 'Tùy chọn không có') : String(error)}\n\n${usageText}`,
    );
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(usageText);
    return;
  }
  const dataDir = resolveDataDir(values.data);
  if (command === 'values' || command === 'plan') {
    const [action, ...words] = rest;
    const options = {
      dataDir,
      period: values.period,
      unit: values.unit,
      status: values.status,
      year: values.year,
      level: values.level,
      json: values.json,
    };
    if (command === 'values' && action === 'set') return valuesSetCommand(options, words);
    if (command === 'values' && action === 'get' && words.length === 0) return valuesGetCommand(options);
    if (command === 'plan' && action === 'set') return planSetCommand(options, words);
    throw new UsageError(`Không hiểu "${[command, ...rest].join(' ')}".\n\n${usageText}`);
  }
  if (command === 'period') {
    return periodCommand(
      {
        dataDir,
        period: values.period,
        unit: values.unit,
        note: values.note,
        reason: values.reason,
        json: values.json,
      },
      rest,
    );
  }
  if (command === 'settings') {
    const [action, ...words] = rest;
    return settingsCommand({ dataDir, json: values.json }, action, words);
  }
  if (command === 'units') {
    const [action, ...words] = rest;
    return unitsCommand(
      {
        dataDir,
        json: values.json,
        code: values.code,
        name: values.name,
        kind: values.kind,
        parent: values.parent,
        validFrom: values['valid-from'],
        validTo: values['valid-to'],
        predecessors: values.predecessors,
      },
      action,
      words,
    );
  }
  if (command === 'restore') {
    if (rest.length !== 1)
      throw new UsageError(`Lệnh restore cần đúng một tệp sao lưu: chitieu restore TỆP.\n\n${usageText}`);
    return restoreCommand({ dataDir, file: rest[0]!, dryRun: values['dry-run'], json: values.json });
  }
  if (command === 'import') {
    return importCommand(
      {
        dataDir,
        period: values.period,
        unit: values.unit,
        dryRun: values['dry-run'],
        acceptSuggestions: values['accept-suggestions'],
        json: values.json,
        details: values.details,
        history: values.history,
        undo: values.undo,
      },
      rest,
    );
  }
  if (rest.length > 0) throw new UsageError(`Thừa đối số: ${rest.join(' ')}\n\n${usageText}`);
  switch (command) {
    case 'info':
      return infoCommand(dataDir, values.json);
    case 'catalog':
      return catalogCommand(dataDir, values.json);
    case 'export':
      return exportCommand({
        dataDir,
        period: values.period,
        out: values.out,
        unit: values.unit,
        units: values.units,
        allUnits: values['all-units'],
        template: values.template,
        reason: values.reason,
        layout: values.layout,
        json: values.json,
      });
    case 'report':
      return reportCommand({
        dataDir,
        period: values.period,
        unit: values.unit,
        format: values.format,
        out: values.out,
        json: values.json,
      });
    case 'validate':
      return validateCommand({ dataDir, period: values.period, unit: values.unit, json: values.json });
    case 'backup':
      return backupCommand({ dataDir, out: values.out, json: values.json });
    case 'serve':
      return serveCommand({
        dataDir,
        port: parsePort(values.port),
        host: values.host ?? (values.office ? '0.0.0.0' : '127.0.0.1'),
        office: values.office,
      });
    default:
      throw new UsageError(`Không có lệnh "${command}".\n\n${usageText}`);
  }
}

/** Exit codes: 0 done, 2 bad words or bad input, 1 anything else; the message is Vietnamese, on stderr. */
export async function main(argv: string[]): Promise<void> {
  try {
    await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof AppError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      process.exitCode = error.code === 'bad_input' || error.code === 'not_found' ? 2 : 1;
    } else {
      process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

// `chitieu catalog | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main(process.argv.slice(2));
