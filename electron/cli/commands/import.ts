import type { ApiClient } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/errors';
import type {
  ImportPreview,
  ImportResult,
  ImportValuesInput,
  ImportValuesPage,
  PreviewFile,
  PreviewSheet,
  PreviewValue,
  ValueFilter,
} from '../../../shared/api/import-entities';
import { formatViNumber } from '../../../shared/numbers/vi-number';
import { periodKeyLabelVi } from '../../../shared/periods/period';
import { formatViDateTime } from '../../../shared/text/date-time';
import { severityLabelsVi } from '../../../shared/validation/finding';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { workbookPaths } from '../import-paths';
import { endDayOf, requirePeriod } from '../period-option';
import { unitIdOption } from '../resolve-unit-option';

export interface ImportOptions {
  dataDir: string;
  period: string | undefined;
  unit: string | undefined;
  dryRun: boolean;
  acceptSuggestions: boolean;
  json: boolean;
  /** Every column, row and figure of each sheet; without it, a line per sheet and what needs the clerk. */
  details: boolean;
  history: boolean;
  undo: string | undefined;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

/** A terminal shows every figure of an ordinary report; a history of many years is summed up after this many. */
const maxValueLines = 500;

function num(x: number): string {
  const decimals = Math.min(4, (String(x).split('.')[1] ?? '').length);
  return formatViNumber(x, decimals);
}

function size(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${formatViNumber(bytes / 1024, 1)} KB` : `${formatViNumber(bytes / 1024 / 1024, 1)} MB`;
}

const howVi = {
  manual: 'ghép tay',
  layout: 'đã nhớ cho mẫu biểu này',
  code: 'theo mã',
  name: 'theo tên và đơn vị',
  alias: 'theo tên khác đã học',
  suggestion: 'gợi ý đã chấp nhận',
} as const;
const changeVi = {
  new: 'mới',
  changed: 'thay đổi',
  same: 'giữ nguyên',
  kept: 'giữ số thực hiện đã có, không ghi số ước tính',
  duplicate: 'trùng ô khác',
  conflict: 'mâu thuẫn, không nhập',
} as const;

function valueLine(v: PreviewValue): string {
  const read = v.read !== v.value ? ` (trong tệp: ${num(v.read)})` : '';
  const status = v.status === 'estimate' ? ', ước tính' : v.status === 'actual' ? ', thực hiện' : '';
  const now = v.current ? `${num(v.current.value)} → ` : '';
  return `      ${v.cell} ${v.code} ${v.label}: ${changeVi[v.change]} ${now}${num(v.value)}${read}${status}`;
}

/** What the terminal shows of a sheet's figures: those that are not the same as stored, up to maxValueLines. */
type ShownValues = ImportValuesPage;

function printSheet(sheet: PreviewSheet, shown: ShownValues): void {
  if (sheet.state !== 'table') {
    for (const f of sheet.findings) out(`  ${f.message}`);
    if (sheet.state === 'empty') out(`  Trang "${sheet.name}": trống.`);
    return;
  }
  out(
    `  Trang "${sheet.name}": dòng tiêu đề ${sheet.headerRows.join('–')}, số liệu từ dòng ${sheet.firstDataRow ?? ''}${sheet.remembered ? ' (mẫu biểu đã ghi nhớ)' : ''}`,
  );
  const recognized = sheet.columns.filter((c) => c.role && c.role.role !== 'ignore');
  const unknown = sheet.columns.filter((c) => !c.role);
  out('    Cột:');
  for (const c of recognized)
    out(
      `      ${c.column} "${c.heading}" → ${c.label}${c.how === 'heading' ? '' : c.how === 'manual' ? ' (ghép tay)' : ' (đã nhớ)'}`,
    );
  if (unknown.length > 0)
    out(
      `    Cột không nhận ra: ${unknown.map((c) => `${c.column} "${c.heading}"${c.cell ? ` (${c.cell})` : ''}`).join('; ')}`,
    );
  const matched = sheet.rows.filter((r) => r.state === 'matched');
  if (matched.length > 0) {
    out(`    Dòng nhận ra (${matched.length}):`);
    for (const r of matched) {
      const conv = r.conversion ? `; đổi ${r.conversion.from} sang ${r.conversion.to} ${r.conversion.text}` : '';
      const confidence = r.match?.confidence ? `, độ tin cậy ${Math.round(r.match.confidence * 100)}%` : '';
      out(
        `      Dòng ${r.row} (${r.cell}) "${r.name}"${r.unit ? ` (${r.unit})` : ''} → ${r.match?.code} (${r.match ? howVi[r.match.how] : ''}${confidence}${conv})`,
      );
    }
  }
  const suggested = sheet.rows.filter((r) => r.state === 'suggested');
  if (suggested.length > 0) {
    out(
      `    Gợi ý, chưa áp dụng (${suggested.length}; xác nhận trên màn hình Nhập/Xuất Excel hoặc dùng --accept-suggestions):`,
    );
    for (const r of suggested) {
      const list = r.suggestions
        .map(
          (s) => `${s.code} "${s.nameVi}" (${s.unit || 'không đơn vị'}, độ tin cậy ${Math.round(s.confidence * 100)}%)`,
        )
        .join(' hoặc ');
      out(`      Dòng ${r.row} (${r.cell}) "${r.name}"${r.unit ? ` (${r.unit})` : ''} → ${list}`);
    }
  }
  const other = sheet.rows.filter((r) => r.state === 'unrecognized' || r.state === 'unit_mismatch');
  if (other.length > 0) {
    out(`    Không nhận ra hoặc không nhập được (${other.length}):`);
    for (const r of other)
      out(`      Dòng ${r.row} (${r.cell}) "${r.name}"${r.unit ? ` (${r.unit})` : ''}${r.note ? `: ${r.note}` : ''}`);
  }
  const ignored = sheet.rows.filter((r) => r.state === 'ignored' || r.state === 'group');
  if (ignored.length > 0) out(`    Bỏ qua: ${ignored.map((r) => `dòng ${r.row} "${r.name}"`).join('; ')}`);
  const all = Object.values(sheet.valueChanges).reduce((a, b) => a + b, 0);
  const same = sheet.valueChanges.same;
  if (all > 0) {
    out(`    Số liệu (${all}${same > 0 ? `, trong đó ${same} giữ nguyên` : ''}):`);
    for (const v of shown.values) out(valueLine(v));
    if (shown.total > shown.values.length)
      out(`      … và ${shown.total - shown.values.length} số nữa (--json in đủ từng số).`);
  }
  if (sheet.findings.length > 0) {
    out('    Phát hiện:');
    for (const f of sheet.findings) out(`      ${severityLabelsVi[f.severity]}: ${f.message}`);
  }
}

/** Findings a summary lists before it sums up the rest: every error, and warnings up to this many a sheet. */
const maxSummaryWarnings = 20;

function countOf(n: number, what: string): string {
  return `${formatViNumber(n, 0)} ${what}`;
}

/** A sheet in a few lines: what was recognized, how many figures of each kind, and what the clerk must look at. */
function printSheetSummary(sheet: PreviewSheet): void {
  if (sheet.state !== 'table') {
    for (const f of sheet.findings) out(`  ${f.message}`);
    if (sheet.state === 'empty') out(`  Trang "${sheet.name}": trống.`);
    return;
  }
  const c = sheet.counts;
  const v = sheet.valueChanges;
  const figures = Object.values(v).reduce((a, b) => a + b, 0);
  const kinds = [
    v.new ? countOf(v.new, 'mới') : '',
    v.changed ? countOf(v.changed, 'thay đổi') : '',
    v.same ? countOf(v.same, 'giữ nguyên') : '',
    v.kept ? countOf(v.kept, 'ước tính không ghi đè số thực hiện') : '',
    v.duplicate ? countOf(v.duplicate, 'trùng ô khác') : '',
    v.conflict ? countOf(v.conflict, 'mâu thuẫn, không nhập') : '',
  ].filter((k) => k !== '');
  const columns = sheet.columns.filter((col) => col.role?.role === 'data' || col.role?.role === 'percent').length;
  out(
    `  Trang "${sheet.name}": ${countOf(columns, 'cột số liệu')}, ${countOf(c.rowsMatched, 'dòng nhận ra')}` +
      `${c.rowsSuggested ? `, ${countOf(c.rowsSuggested, 'dòng có gợi ý')}` : ''}` +
      `${c.rowsUnrecognized ? `, ${countOf(c.rowsUnrecognized, 'dòng không nhận ra')}` : ''}${c.rowsUnitMismatch ? `, ${countOf(c.rowsUnitMismatch, 'dòng khác đơn vị tính')}` : ''}; ` +
      `${countOf(figures, 'số liệu')}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
  );
  const errors = sheet.findings.filter((f) => f.severity === 'error');
  const warnings = sheet.findings.filter((f) => f.severity === 'warning');
  for (const f of [...errors, ...warnings.slice(0, maxSummaryWarnings)])
    out(`    ${severityLabelsVi[f.severity]}: ${f.message}`);
  if (warnings.length > maxSummaryWarnings)
    out(`    … và ${countOf(warnings.length - maxSummaryWarnings, 'cảnh báo nữa')} (--details in đủ).`);
}

function printFile(file: PreviewFile, shownOf: ((sheet: PreviewSheet) => ShownValues) | null): void {
  if (file.skipped) return;
  const period = file.period
    ? `kỳ ${file.period.label} (${file.period.how === 'chosen' ? 'đã chọn' : `theo ô ${file.period.sheet}!${file.period.cell}`})`
    : 'chưa biết kỳ';
  const unit = file.unit
    ? `đơn vị ${file.unit.name} (${file.unit.how === 'chosen' ? 'đã chọn' : file.unit.how === 'cell' ? `theo ô ${file.unit.sheet}!${file.unit.cell}` : 'mặc định'})`
    : 'chưa biết đơn vị';
  out(
    `Tệp ${file.name}${file.size ? `, ${size(file.size)}` : ''}: ${file.error ? 'không đọc được' : `${period}, ${unit}`}`,
  );
  if (file.error) return;
  for (const p of file.previousImports)
    out(`  Tệp này đã được nhập lúc ${formatViDateTime(p.at)} (lần nhập số ${p.importId}).`);
  for (const f of file.findings) out(`  ${severityLabelsVi[f.severity]}: ${f.message}`);
  for (const sheet of file.sheets) {
    if (shownOf) printSheet(sheet, shownOf(sheet));
    else printSheetSummary(sheet);
  }
}

function printTotals(preview: ImportPreview): void {
  const c = preview.counts;
  out(
    `Tổng cộng: ${c.valuesNew} số mới, ${c.valuesChanged} số thay đổi, ${c.valuesSame} giữ nguyên${c.valuesKept ? `, ${c.valuesKept} số ước tính không ghi đè số thực hiện` : ''}${c.valuesConflicting ? `, ${c.valuesConflicting} số mâu thuẫn giữa các ô không nhập` : ''}; ` +
      `${c.rowsMatched} dòng nhận ra, ${c.rowsSuggested} dòng có gợi ý, ${c.rowsUnrecognized} dòng không nhận ra${c.rowsUnitMismatch ? `, ${c.rowsUnitMismatch} dòng khác đơn vị tính` : ''}; ${c.errors} lỗi, ${c.warnings} cảnh báo.`,
  );
}

async function waitUntilRead(api: ApiClient, sessionId: string): Promise<void> {
  let last = -1;
  for (;;) {
    const progress = await api.call('import.progress', { sessionId });
    if (progress.done) break;
    const percent = Math.floor(progress.fraction * 100);
    if (process.stderr.isTTY && percent !== last) {
      process.stderr.write(`\rĐang đọc tệp… ${percent}%`);
      last = percent;
    }
    await new Promise((r) => setTimeout(r, 15));
  }
  if (process.stderr.isTTY && last >= 0) process.stderr.write('\r\x1b[K');
}

async function historyCommand(api: ApiClient, json: boolean): Promise<void> {
  const records = await api.call('import.history', {});
  if (json) {
    out(JSON.stringify(records, null, 2));
    return;
  }
  if (records.length === 0) out('Chưa có lần nhập nào.');
  for (const r of records) {
    // Each file's own count only when there are several to tell apart.
    const files = r.files
      .map(
        (f) =>
          `${f.name} (${f.unitName}, ${periodKeyLabelVi(f.period)}${r.files.length > 1 ? `, ${f.changed} số` : ''})`,
      )
      .join('; ');
    const undone = r.undone
      ? ` [đã hoàn tác lúc ${formatViDateTime(r.undone.at)}${r.undone.who ? ` bởi ${r.undone.who}` : ''}]`
      : '';
    out(
      `Lần nhập số ${r.importId}, ${formatViDateTime(r.at)}${r.who ? `, ${r.who}` : ''}: ${r.changed} số liệu từ ${files}${undone}`,
    );
  }
}

type Choices = Omit<ImportValuesInput, 'fileId' | 'sheet' | 'filter' | 'offset' | 'limit'>;

/** The figures of every sheet, a page at a time: `filter` and at most `max` of them per sheet. */
async function valuesOfSheets(
  api: ApiClient,
  choices: Choices,
  preview: ImportPreview,
  filter: ValueFilter,
  max: number,
): Promise<Map<string, ImportValuesPage>> {
  const pages = new Map<string, ImportValuesPage>();
  for (const file of preview.files) {
    for (const sheet of file.sheets) {
      if (sheet.state !== 'table') continue;
      const values: PreviewValue[] = [];
      let total: number;
      do {
        const page = await api.call('import.values', {
          ...choices,
          fileId: file.fileId,
          sheet: sheet.name,
          filter,
          offset: values.length,
          limit: Math.min(5000, max - values.length),
        });
        total = page.total;
        values.push(...page.values);
        if (page.values.length === 0) break;
      } while (values.length < Math.min(total, max));
      pages.set(`${file.fileId}|${sheet.name}`, { total, values });
    }
  }
  return pages;
}

/** The preview as --json prints it: every figure of every sheet listed. */
function previewWithValues(preview: ImportPreview, pages: ReadonlyMap<string, ImportValuesPage>) {
  return {
    ...preview,
    files: preview.files.map((f) => ({
      ...f,
      sheets: f.sheets.map((s) => ({ ...s, values: pages.get(`${f.fileId}|${s.name}`)?.values ?? [] })),
    })),
  };
}

/** `chitieu import FILE...`: preview, then (without --dry-run) import; `--history` and `--undo N` for the record. */
export async function importCommand(options: ImportOptions, paths: string[]): Promise<void> {
  if (options.history || options.undo !== undefined) {
    if (paths.length > 0) throw new UsageError('--history và --undo không đi cùng tên tệp.');
    const { backend, api } = openSession(options.dataDir);
    try {
      if (options.history) return await historyCommand(api, options.json);
      const importId = Number(options.undo);
      if (!Number.isInteger(importId) || importId < 1)
        throw new UsageError(
          `--undo cần số của lần nhập (xem chitieu import --history), không phải "${options.undo}".`,
        );
      const result = await api.call('import.undo', { importId });
      if (options.json) out(JSON.stringify(result));
      else out(`Đã hoàn tác lần nhập số ${importId}: trả lại ${result.changed} số liệu như trước khi nhập.`);
      return;
    } finally {
      backend.close();
    }
  }
  if (paths.length === 0)
    throw new UsageError('Thiếu tên tệp cần nhập (ví dụ: chitieu import bao-cao-thang-5.xlsx --period 2023-05).');
  const period = options.period === undefined ? undefined : requirePeriod(options.period);
  const { paths: files, passedOver } = workbookPaths(paths);
  const { backend, api } = openSession(options.dataDir);
  try {
    const onDay = period ? endDayOf(period) : new Date().toISOString().slice(0, 10);
    const unitId = await unitIdOption(api, options.unit, onDay);
    const { sessionId } = await api.call('import.readPaths', { files: files.map((path) => ({ path })) });
    await waitUntilRead(api, sessionId);
    const choices = {
      sessionId,
      ...(period ? { period } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
      acceptSuggestions: options.acceptSuggestions,
    };
    const preview = await api.call('import.preview', choices);
    const listed = options.json || options.details;
    const pages = listed
      ? await valuesOfSheets(
          api,
          choices,
          preview,
          options.json ? 'all' : 'not_same',
          options.json ? Number.POSITIVE_INFINITY : maxValueLines,
        )
      : new Map<string, ImportValuesPage>();
    const empty: ImportValuesPage = { total: 0, values: [] };
    if (!options.json) {
      if (passedOver.length > 0)
        out(`Không nhập ${passedOver.length} tệp không phải sổ Excel trong thư mục: ${passedOver.join('; ')}`);
      for (const file of preview.files)
        printFile(file, options.details ? (sheet) => pages.get(`${file.fileId}|${sheet.name}`) ?? empty : null);
      printTotals(preview);
      if (!options.details && preview.counts.rowsSuggested > 0)
        out('Dòng có gợi ý chưa áp dụng: xác nhận trên màn hình Nhập/Xuất Excel hoặc dùng --accept-suggestions.');
      if (!options.details && preview.files.some((f) => f.sheets.some((s) => s.state === 'table')))
        out('Xem từng cột, dòng và số liệu: thêm --details.');
    }
    const printed = options.json ? previewWithValues(preview, pages) : null;
    if (preview.blockers.length > 0) {
      if (printed) out(JSON.stringify({ preview: printed, result: null }, null, 2));
      // One transaction for all the files named: a file that cannot be imported holds the others back.
      else out(`Không ghi gì vào dữ liệu${files.length > 1 ? ' (không tệp nào được nhập)' : ''}, vì:`);
      throw new AppError('bad_input', preview.blockers.join('\n'));
    }
    if (options.dryRun) {
      if (printed) out(JSON.stringify({ preview: printed, result: null }, null, 2));
      else out('Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.');
      return;
    }
    const result: ImportResult = await api.call('import.commit', choices);
    if (printed) {
      out(JSON.stringify({ preview: printed, result }, null, 2));
    } else if (result.importId === null) {
      const c = preview.counts;
      out(
        c.valuesSame + c.valuesKept > 0
          ? 'Không có số liệu nào thay đổi: dữ liệu đã giống hệt tệp, không ghi gì.'
          : 'Không có số liệu nào để nhập: không dòng nào của tệp vừa nhận ra chỉ tiêu vừa có số; không ghi gì.',
      );
    } else {
      const plans = result.plansChanged > 0 ? ` (trong đó ${result.plansChanged} số kế hoạch)` : '';
      out(
        `Đã nhập ${result.changed} số liệu${plans}, lần nhập số ${result.importId}. Hoàn tác cả lần nhập: chitieu import --undo ${result.importId}`,
      );
    }
  } finally {
    backend.close();
  }
}
