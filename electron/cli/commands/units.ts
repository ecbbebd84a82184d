import type { ApiClient } from '../../../shared/api/client';
import {
  reportingUnitDraftSchema,
  reportingUnitKindLabelsVi,
  reportingUnitKinds,
  type ReportingUnit,
  type ReportingUnitDraft,
  type ReportingUnitKind,
  type ReportingUnitPatch,
} from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import { findUnitByLabel } from '../../../shared/import/title';
import { findUnitByCode } from '../../../shared/units/find-unit-by-code';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { usageText } from '../usage';

export interface UnitsOptions {
  dataDir: string;
  json: boolean;
  code: string | undefined;
  name: string | undefined;
  kind: string | undefined;
  parent: string | undefined;
  validFrom: string | undefined;
  validTo: string | undefined;
  predecessors: string | undefined;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

/** The words a clerk types for a kind, beside the API's own names. */
const kindWords: Record<string, ReportingUnitKind> = {
  tinh: 'province',
  xa: 'commune',
  'doanh-nghiep': 'enterprise',
  'cua-khau': 'border_gate',
  khac: 'other',
  ...Object.fromEntries(reportingUnitKinds.map((k) => [k, k])),
};

const optionOfField: Record<string, string> = {
  code: '--code',
  name: '--name',
  kind: '--kind',
  parentId: '--parent',
  validFrom: '--valid-from',
  validTo: '--valid-to',
  predecessorIds: '--predecessors',
};

const today = () => new Date().toISOString().slice(0, 10);

function kindOption(text: string | undefined): ReportingUnitKind {
  if (text === undefined) return 'commune';
  const kind = kindWords[text.trim().toLowerCase()];
  if (!kind)
    throw new UsageError(
      `--kind phải là xa (xã, phường), tinh, doanh-nghiep, cua-khau hoặc khac, không phải "${text}".`,
    );
  return kind;
}

/** A day as the API keeps it (YYYY-MM-DD), from that or from the way it is written here (01/07/2025). */
function dayOption(option: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = vi ? `${vi[3]}-${vi[2]?.padStart(2, '0')}-${vi[1]?.padStart(2, '0')}` : text.trim();
  const day = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) {
    throw new UsageError(`${option} cần một ngày như 01/07/2025 hoặc 2025-07-01, không phải "${text}".`);
  }
  return iso;
}

function dayBefore(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

const viDay = (iso: string) => iso.split('-').reverse().join('/');

function unitOfCode(units: readonly ReportingUnit[], code: string, onDay: string, option: string): ReportingUnit {
  const unit = findUnitByCode(units, code.trim(), onDay);
  if (!unit) throw new UsageError(`${option}: không có đơn vị báo cáo mã ${code.trim()} (xem chitieu units list).`);
  return unit;
}

/** The schema's own Vietnamese reasons, each after the option it is about. */
function checked(draft: ReportingUnitDraft): ReportingUnitDraft {
  const parsed = reportingUnitDraftSchema.safeParse(draft);
  if (parsed.success) return draft;
  throw new UsageError(
    parsed.error.issues.map((i) => `${optionOfField[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('\n'),
  );
}

/** A code or name already held is the clerk's input to change, not a failure of the program: exit code 2. */
async function refusedAsBadInput<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict')
      throw new UsageError(`${error.message} Hãy dùng mã khác (xem chitieu units list).`);
    throw error;
  }
}

function given(options: UnitsOptions): string[] {
  const fields = {
    code: options.code,
    name: options.name,
    kind: options.kind,
    parentId: options.parent,
    validFrom: options.validFrom,
    validTo: options.validTo,
    predecessorIds: options.predecessors,
  };
  return Object.entries(fields).flatMap(([field, value]) =>
    value === undefined ? [] : [optionOfField[field] ?? field],
  );
}

function refuseOptions(action: string, options: UnitsOptions, allowed: readonly string[]): void {
  const extra = given(options).filter((o) => !allowed.includes(o));
  if (extra.length > 0) throw new UsageError(`chitieu units ${action} không dùng ${extra.join(', ')}.`);
}

/** A unit as --json prints it: the related units by code (and ids, since codes were reused in 2025). */
function unitJson(unit: ReportingUnit, byId: ReadonlyMap<number, ReportingUnit>) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parent: unit.parentId === null ? null : (byId.get(unit.parentId)?.code ?? null),
    parent_id: unit.parentId,
    valid_from: unit.validFrom,
    valid_to: unit.validTo,
    predecessors: unit.predecessorIds.map((id) => byId.get(id)?.code ?? String(id)),
    predecessor_ids: unit.predecessorIds,
  };
}

function unitLine(unit: ReportingUnit, byId: ReadonlyMap<number, ReportingUnit>, codeWidth: number): string {
  const parts = [`${unit.code.padEnd(codeWidth)}  ${unit.name} (${reportingUnitKindLabelsVi[unit.kind]})`];
  const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
  if (parent) parts.push(`trực thuộc ${parent.code}`);
  if (unit.validFrom && unit.validTo) parts.push(`hiệu lực ${viDay(unit.validFrom)}–${viDay(unit.validTo)}`);
  else if (unit.validFrom) parts.push(`hiệu lực từ ${viDay(unit.validFrom)}`);
  else if (unit.validTo) parts.push(`hiệu lực đến ${viDay(unit.validTo)}`);
  if (unit.predecessorIds.length > 0)
    parts.push(`tiền thân: ${unit.predecessorIds.map((id) => byId.get(id)?.code ?? `số ${id}`).join(', ')}`);
  return parts.join('; ');
}

async function listUnits(api: ApiClient, json: boolean): Promise<void> {
  const units = await api.call('units.list', {});
  const byId = new Map(units.map((u) => [u.id, u]));
  if (json) {
    out(
      JSON.stringify(
        units.map((u) => unitJson(u, byId)),
        null,
        2,
      ),
    );
    return;
  }
  const codeWidth = Math.max(...units.map((u) => u.code.length), 3);
  for (const unit of units) out(unitLine(unit, byId, codeWidth));
}

/** Workbooks are filed by the unit they name: a second unit of the same name would not get them. */
function sameNameNote(units: readonly ReportingUnit[], added: ReportingUnit): string | null {
  const first = findUnitByLabel(units, added.name);
  if (!first || first.id === added.id) return null;
  return `Lưu ý: đơn vị ${first.code} cũng tên "${first.name}"; sổ Excel ghi "Đơn vị báo cáo: ${added.name}" sẽ vào đơn vị ${first.code}. Khi nhập sổ của đơn vị mới, hãy dùng --unit ${added.code}.`;
}

async function addUnit(api: ApiClient, options: UnitsOptions): Promise<void> {
  if (options.code === undefined)
    throw new UsageError('Thiếu --code (ví dụ: chitieu units add --code XA_TANLAP --name "Xã Tân Lập").');
  if (options.name === undefined)
    throw new UsageError('Thiếu --name (ví dụ: chitieu units add --code XA_TANLAP --name "Xã Tân Lập").');
  const validFrom = dayOption('--valid-from', options.validFrom);
  const validTo = dayOption('--valid-to', options.validTo);
  const units = await api.call('units.list', {});
  const onDay = validFrom ?? today();
  const parent = options.parent === undefined ? null : unitOfCode(units, options.parent, onDay, '--parent');
  // A predecessor was valid until the new unit began: the day before is the day its code names it.
  const predecessorDay = validFrom ? dayBefore(validFrom) : today();
  const predecessors = (options.predecessors ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => unitOfCode(units, c, predecessorDay, '--predecessors'));
  const draft = checked({
    code: options.code,
    name: options.name,
    kind: kindOption(options.kind),
    parentId: parent?.id ?? null,
    validFrom,
    validTo,
    predecessorIds: predecessors.map((p) => p.id),
  });
  const unit = await refusedAsBadInput(api.call('units.create', draft));
  const all = [...units, unit];
  if (options.json) {
    out(JSON.stringify(unitJson(unit, new Map(all.map((u) => [u.id, u]))), null, 2));
    return;
  }
  out(`Đã thêm đơn vị báo cáo ${unit.code} "${unit.name}" (${reportingUnitKindLabelsVi[unit.kind]}).`);
  const note = sameNameNote(all, unit);
  if (note) out(note);
}

async function renameUnit(api: ApiClient, options: UnitsOptions, code: string): Promise<void> {
  if (options.name === undefined && options.code === undefined) {
    throw new UsageError(`Thiếu --name hoặc --code mới (ví dụ: chitieu units rename ${code} --name "Xã Tân Lập").`);
  }
  const units = await api.call('units.list', {});
  const unit = findUnitByCode(units, code, today());
  if (!unit) throw new UsageError(`Không có đơn vị báo cáo mã ${code} (xem chitieu units list).`);
  const patch: ReportingUnitPatch = {};
  if (options.name !== undefined) patch.name = options.name;
  if (options.code !== undefined) patch.code = options.code;
  checked({ ...unit, ...patch });
  const renamed = await refusedAsBadInput(api.call('units.update', { id: unit.id, patch }));
  if (options.json) {
    out(JSON.stringify(unitJson(renamed, new Map([...units, renamed].map((u) => [u.id, u]))), null, 2));
    return;
  }
  const changes = [
    ...(renamed.name !== unit.name ? [`tên "${unit.name}" → "${renamed.name}"`] : []),
    ...(renamed.code !== unit.code ? [`mã ${unit.code} → ${renamed.code}`] : []),
  ];
  out(
    changes.length > 0
      ? `Đã đổi đơn vị ${unit.code}: ${changes.join('; ')}.`
      : `Đơn vị ${unit.code} đã có đúng tên và mã này, không đổi gì.`,
  );
}

/** `chitieu units list | add | rename CODE`: the reporting units, as the Đơn vị báo cáo screen keeps them. */
export async function unitsCommand(options: UnitsOptions, action: string | undefined, words: string[]): Promise<void> {
  const expected = action === 'rename' ? 1 : 0;
  if (action !== 'list' && action !== 'add' && action !== 'rename')
    throw new UsageError(`Không hiểu "units${action ? ` ${action}` : ''}".\n\n${usageText}`);
  if (words.length > expected) throw new UsageError(`Thừa đối số: ${words.slice(expected).join(' ')}\n\n${usageText}`);
  if (action === 'list') refuseOptions(action, options, []);
  if (action === 'rename') refuseOptions(action, options, ['--name', '--code']);
  const [code] = words;
  if (action === 'rename' && code === undefined)
    throw new UsageError('Thiếu mã đơn vị cần đổi (ví dụ: chitieu units rename XA_TANLAP --name "Xã Tân Lập").');
  const { backend, api } = openSession(options.dataDir);
  try {
    if (action === 'list') return await listUnits(api, options.json);
    if (action === 'add') return await addUnit(api, options);
    return await renameUnit(api, options, code ?? '');
  } finally {
    backend.close();
  }
}
