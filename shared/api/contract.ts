import { z } from 'zod';
import { vi } from 'zod/locales';
import {
  appInfoSchema,
  indicatorCodeSchema,
  indicatorDraftSchema,
  indicatorPatchSchema,
  indicatorSchema,
  reportingUnitDraftSchema,
  reportingUnitPatchSchema,
  reportingUnitSchema,
  settingsPatchSchema,
  settingsSchema,
} from './entities';
import {
  batchResultSchema,
  planGridSchema,
  plansGridInputSchema,
  plansSetInputSchema,
  revertInputSchema,
  valueGridSchema,
  valuesGridInputSchema,
  valueRowsSchema,
  valuesRowsInputSchema,
  valuesSetInputSchema,
} from './values-entities';
import {
  importChoicesSchema,
  importHistoryInputSchema,
  importLayoutSchema,
  importPreviewSchema,
  importProgressSchema,
  importReadInputSchema,
  importReadOutputSchema,
  importReadPathsInputSchema,
  importRecordSchema,
  importResultSchema,
  importSessionInputSchema,
  importUndoInputSchema,
  importValuesInputSchema,
  importValuesPageSchema,
} from './import-entities';
import {
  exportFillInputSchema,
  exportFillOutputSchema,
  exportFillToFileInputSchema,
  exportReportInputSchema,
  exportReportOutputSchema,
  exportReportToFileInputSchema,
} from './export-entities';
import {
  ruleSettingsEntrySchema,
  userRuleDraftSchema,
  userRuleSchema,
  userRulesFileSchema,
  validationNoteInputSchema,
  validationReportSchema,
  validationRunInputSchema,
} from './validation-entities';
import {
  reportBuildInputSchema,
  reportDocxInputSchema,
  reportDocxOutputSchema,
  reportDocxToFileInputSchema,
  reportSchema,
  reportTemplateResetInputSchema,
  reportTemplateSaveInputSchema,
  reportTemplateSchema,
} from './report-entities';
import { reportPrintInputSchema, reportPrintOutputSchema } from './print-entities';
import {
  chartsIndicatorInputSchema,
  chartsPlanSharesInputSchema,
  indicatorChartSchema,
  planSharesSchema,
} from './chart-entities';
import {
  backupContentsSchema,
  backupFileSourceSchema,
  backupListedSchema,
  backupMakeInputSchema,
  backupMakeToFileInputSchema,
  backupMakeOutputSchema,
  backupRestoreOutputSchema,
  backupSetFolderInputSchema,
  backupStatusSchema,
} from './backup-entities';
import {
  periodReopenInputSchema,
  periodStatusInputSchema,
  periodStatusSchema,
  periodStepInputSchema,
} from './period-state-entities';

z.config(vi());

/**
 * The facts of an operation, declared once here; the backend, the doors and the renderer derive from them
 * what they need (which writes refresh the cached catalog, what the HTTP door refuses, what a screen re-reads).
 */
interface OperationSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Whether the operation changes data: doors may refuse writes where reading is all they allow. */
  writes: boolean;
  /**
   * The reads whose answers it changes, by operation name ('all' for a change of the whole file): a screen
   * re-reads them after calling it, and every other open window after the change event it raises.
   */
  invalidates?: readonly string[] | 'all';
  /**
   * Whether it names a file on the backend's own disk (a workbook to read, a template, a place to save).
   * Only the desktop and the command line may call it: over HTTP the caller may sit at another computer,
   * so a browser sends the workbook's bytes and receives the export's bytes instead.
   */
  takesPath?: boolean;
  /** Whether it answers at once and goes on in the background, its progress read by a second operation. */
  reportsProgress?: boolean;
  summaryVi: string;
}

function operation<const S extends OperationSpec>(spec: S): S {
  return spec;
}

/** What a change of figures or plans moves: the grids, the sums and comparisons, checks, charts and report. */
const figureReads = [
  'values.grid',
  'values.rows',
  'plans.grid',
  'validation.run',
  'report.build',
  'charts.indicator',
  'charts.planShares',
] as const;
const catalogReads = ['catalog.list', ...figureReads] as const;
const importReads = [...catalogReads, 'import.history', 'import.layouts.list', 'import.preview'] as const;
const ruleReads = ['validation.rules.list', 'validation.run', 'values.grid'] as const;
const periodReads = ['periods.status', 'values.grid', 'report.build'] as const;

const none = z.object({}).strict();

/** Every operation any door can call, by name; the backend has exactly one handler per name. */
export const contract = {
  'app.info': operation({
    input: none,
    output: appInfoSchema,
    writes: false,
    summaryVi: 'Phiên bản, thư mục dữ liệu và phiên bản cấu trúc cơ sở dữ liệu',
  }),
  'catalog.list': operation({
    input: z.object({ includeRetired: z.boolean().default(true) }).strict(),
    output: z.array(indicatorSchema),
    writes: false,
    summaryVi: 'Danh mục chỉ tiêu theo thứ tự cây',
  }),
  'catalog.create': operation({
    input: indicatorDraftSchema.strict(),
    output: indicatorSchema,
    writes: true,
    invalidates: catalogReads,
    summaryVi: 'Thêm chỉ tiêu',
  }),
  'catalog.update': operation({
    input: z.object({ code: indicatorCodeSchema, patch: indicatorPatchSchema.strict() }).strict(),
    output: indicatorSchema,
    writes: true,
    invalidates: catalogReads,
    summaryVi: 'Sửa chỉ tiêu',
  }),
  'catalog.retire': operation({
    input: z.object({ code: indicatorCodeSchema, retired: z.boolean().default(true) }).strict(),
    output: indicatorSchema,
    writes: true,
    invalidates: catalogReads,
    summaryVi: 'Ngừng dùng hoặc dùng lại chỉ tiêu',
  }),
  'units.list': operation({
    input: none,
    output: z.array(reportingUnitSchema),
    writes: false,
    summaryVi: 'Danh sách đơn vị báo cáo',
  }),
  'units.create': operation({
    input: reportingUnitDraftSchema.strict(),
    output: reportingUnitSchema,
    writes: true,
    invalidates: ['units.list', 'report.build'],
    summaryVi: 'Thêm đơn vị báo cáo',
  }),
  'units.update': operation({
    input: z.object({ id: z.number().int(), patch: reportingUnitPatchSchema.strict() }).strict(),
    output: reportingUnitSchema,
    writes: true,
    invalidates: ['units.list', 'report.build'],
    summaryVi: 'Sửa đơn vị báo cáo',
  }),
  'settings.get': operation({
    input: none,
    output: settingsSchema,
    writes: false,
    summaryVi: 'Đọc cài đặt',
  }),
  'settings.set': operation({
    input: settingsPatchSchema.strict(),
    output: settingsSchema,
    writes: true,
    invalidates: ['settings.get', 'app.info', 'report.build'],
    summaryVi: 'Lưu cài đặt',
  }),
  'values.grid': operation({
    input: valuesGridInputSchema,
    output: valueGridSchema,
    writes: false,
    summaryVi: 'Số liệu của một kỳ: giá trị, kế hoạch, cùng kỳ, kỳ trước, lũy kế và các tỷ lệ',
  }),
  'values.set': operation({
    input: valuesSetInputSchema,
    output: batchResultSchema,
    writes: true,
    invalidates: figureReads,
    summaryVi: 'Ghi số liệu (một lần ghi là một thay đổi, hoàn tác được)',
  }),
  'plans.grid': operation({
    input: plansGridInputSchema,
    output: planGridSchema,
    writes: false,
    summaryVi: 'Kế hoạch năm theo hai mức',
  }),
  'plans.set': operation({
    input: plansSetInputSchema,
    output: batchResultSchema,
    writes: true,
    invalidates: figureReads,
    summaryVi: 'Ghi kế hoạch năm',
  }),
  'changes.revert': operation({
    input: revertInputSchema,
    output: batchResultSchema,
    writes: true,
    invalidates: figureReads,
    summaryVi: 'Hoàn tác (hoặc làm lại) một lần ghi số liệu hoặc kế hoạch',
  }),
  'validation.run': operation({
    input: validationRunInputSchema,
    output: validationReportSchema,
    writes: false,
    summaryVi: 'Kiểm tra số liệu của một đơn vị và kỳ',
  }),
  'validation.note': operation({
    input: validationNoteInputSchema,
    output: validationReportSchema,
    writes: true,
    invalidates: ['validation.run', 'values.grid'],
    summaryVi: 'Ghi chú cho cảnh báo hoặc lý do bỏ qua lỗi',
  }),
  'validation.rules.list': operation({
    input: none,
    output: z.array(userRuleSchema),
    writes: false,
    summaryVi: 'Các quy tắc kiểm tra của đơn vị',
  }),
  'validation.rules.save': operation({
    input: userRuleDraftSchema,
    output: userRuleSchema,
    writes: true,
    invalidates: ruleReads,
    summaryVi: 'Thêm hoặc sửa quy tắc kiểm tra',
  }),
  'validation.rules.delete': operation({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({ deleted: z.boolean() }),
    writes: true,
    invalidates: ruleReads,
    summaryVi: 'Xóa quy tắc kiểm tra',
  }),
  'validation.rules.export': operation({
    input: none,
    output: userRulesFileSchema,
    writes: false,
    summaryVi: 'Xuất các quy tắc kiểm tra ra JSON',
  }),
  'validation.rules.import': operation({
    input: z.object({ file: userRulesFileSchema, replace: z.boolean().default(false) }).strict(),
    output: z.object({ imported: z.number().int() }),
    writes: true,
    invalidates: ruleReads,
    summaryVi: 'Nhập các quy tắc kiểm tra từ JSON',
  }),
  'validation.settings.list': operation({
    input: none,
    output: z.array(ruleSettingsEntrySchema),
    writes: false,
    summaryVi: 'Thiết lập kiểm tra theo từng chỉ tiêu',
  }),
  'validation.settings.set': operation({
    input: ruleSettingsEntrySchema.strict(),
    output: ruleSettingsEntrySchema,
    writes: true,
    invalidates: ['validation.settings.list', 'validation.run', 'values.grid'],
    summaryVi: 'Lưu thiết lập kiểm tra của một chỉ tiêu',
  }),
  'import.read': operation({
    input: importReadInputSchema,
    output: importReadOutputSchema,
    writes: false,
    reportsProgress: true,
    summaryVi: 'Bắt đầu đọc các sổ Excel cần nhập, gửi kèm nội dung (đọc ngầm; theo dõi bằng import.progress)',
  }),
  'import.readPaths': operation({
    input: importReadPathsInputSchema,
    output: importReadOutputSchema,
    writes: false,
    takesPath: true,
    reportsProgress: true,
    summaryVi:
      'Bắt đầu đọc các sổ Excel cần nhập, theo đường dẫn trên máy này (đọc ngầm; theo dõi bằng import.progress)',
  }),
  'import.progress': operation({
    input: importSessionInputSchema,
    output: importProgressSchema,
    writes: false,
    summaryVi: 'Tiến độ đọc các sổ Excel của một phiên nhập',
  }),
  'import.preview': operation({
    input: importChoicesSchema,
    output: importPreviewSchema,
    writes: false,
    summaryVi:
      'Xem trước khi nhập: dòng, cột nhận ra và cách nhận, từng số mới, thay đổi hay giữ nguyên, các phát hiện',
  }),
  'import.values': operation({
    input: importValuesInputSchema,
    output: importValuesPageSchema,
    writes: false,
    summaryVi: 'Một trang số liệu của một trang tính trong bản xem trước: ô, chỉ tiêu, kỳ, số sẽ ghi bên số hiện có',
  }),
  'import.commit': operation({
    input: importChoicesSchema,
    output: importResultSchema,
    writes: true,
    invalidates: importReads,
    summaryVi: 'Nhập các sổ Excel (một lần ghi, hoàn tác được cả lần nhập)',
  }),
  'import.close': operation({
    input: importSessionInputSchema,
    output: z.object({ closed: z.boolean() }),
    writes: false,
    summaryVi: 'Đóng một phiên nhập không dùng nữa',
  }),
  'import.history': operation({
    input: importHistoryInputSchema,
    output: z.array(importRecordSchema),
    writes: false,
    summaryVi: 'Lịch sử các lần nhập sổ Excel, mới nhất trước',
  }),
  'import.undo': operation({
    input: importUndoInputSchema,
    output: batchResultSchema,
    writes: true,
    invalidates: importReads,
    summaryVi: 'Hoàn tác cả một lần nhập',
  }),
  'import.layouts.list': operation({
    input: none,
    output: z.array(importLayoutSchema),
    writes: false,
    summaryVi: 'Các mẫu biểu đã ghi nhớ cách ghép dòng, cột',
  }),
  'import.layouts.forget': operation({
    input: z.object({ signature: z.string().min(1) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
    writes: true,
    invalidates: ['import.layouts.list', 'import.preview'],
    summaryVi: 'Quên cách ghép dòng, cột đã nhớ của một mẫu biểu',
  }),
  'export.report': operation({
    input: exportReportInputSchema,
    output: exportReportOutputSchema,
    writes: false,
    summaryVi: 'Xuất biểu báo cáo Excel của một hay nhiều đơn vị (từ chối khi còn lỗi, trừ khi có lý do)',
  }),
  'export.reportToFile': operation({
    input: exportReportToFileInputSchema,
    output: exportReportOutputSchema,
    writes: false,
    takesPath: true,
    summaryVi: 'Xuất biểu báo cáo Excel vào một tệp trên máy này',
  }),
  'export.fillTemplate': operation({
    input: exportFillInputSchema,
    output: exportFillOutputSchema,
    writes: false,
    summaryVi: 'Điền số liệu vào mẫu biểu Excel Bộ gửi, giữ nguyên mọi thứ khác của mẫu',
  }),
  'export.fillTemplateToFile': operation({
    input: exportFillToFileInputSchema,
    output: exportFillOutputSchema,
    writes: false,
    takesPath: true,
    summaryVi: 'Điền số liệu vào mẫu biểu Excel trên máy này, ghi ra một tệp trên máy này',
  }),
  'report.build': operation({
    input: reportBuildInputSchema,
    output: reportSchema,
    writes: false,
    summaryVi: 'Báo cáo bằng lời của một đơn vị và kỳ, viết từ số liệu theo các mẫu câu',
  }),
  'report.print': operation({
    input: reportPrintInputSchema,
    output: reportPrintOutputSchema,
    writes: false,
    summaryVi: 'Bản in (A4, thể thức văn bản) của báo cáo, bảng nhập liệu hoặc biểu báo cáo, để in hay lưu PDF',
  }),
  'report.docx': operation({
    input: reportDocxInputSchema,
    output: reportDocxOutputSchema,
    writes: false,
    summaryVi: 'Báo cáo bằng lời dưới dạng tệp Word (.docx)',
  }),
  'report.docxToFile': operation({
    input: reportDocxToFileInputSchema,
    output: reportDocxOutputSchema,
    writes: false,
    takesPath: true,
    summaryVi: 'Báo cáo bằng lời dưới dạng tệp Word (.docx), ghi vào một tệp trên máy này',
  }),
  'report.templates.list': operation({
    input: none,
    output: z.array(reportTemplateSchema),
    writes: false,
    summaryVi: 'Các mẫu câu của báo cáo',
  }),
  'report.templates.save': operation({
    input: reportTemplateSaveInputSchema,
    output: reportTemplateSchema,
    writes: true,
    invalidates: ['report.templates.list', 'report.build'],
    summaryVi: 'Sửa một mẫu câu của báo cáo',
  }),
  'report.templates.reset': operation({
    input: reportTemplateResetInputSchema,
    output: reportTemplateSchema,
    writes: true,
    invalidates: ['report.templates.list', 'report.build'],
    summaryVi: 'Trả một mẫu câu về câu chữ mặc định',
  }),
  'charts.indicator': operation({
    input: chartsIndicatorInputSchema,
    output: indicatorChartSchema,
    writes: false,
    summaryVi: 'Biểu đồ một chỉ tiêu: các tháng của năm so với cùng tháng năm trước, lũy kế và kế hoạch',
  }),
  'charts.planShares': operation({
    input: chartsPlanSharesInputSchema,
    output: planSharesSchema,
    writes: false,
    summaryVi: 'Biểu đồ của kỳ: tỷ lệ đạt kế hoạch năm theo từng nhóm chỉ tiêu',
  }),
  'values.rows': operation({
    input: valuesRowsInputSchema,
    output: valueRowsSchema,
    writes: false,
    summaryVi: 'Các dòng số liệu vừa ghi và các dòng cha của chúng, tính lại sau một lần ghi',
  }),
  'periods.status': operation({
    input: periodStatusInputSchema,
    output: periodStatusSchema,
    writes: false,
    summaryVi: 'Tình trạng của kỳ báo cáo (đang nhập, đã gửi, đã duyệt, đã khóa sổ) và nhật ký của nó',
  }),
  'periods.submit': operation({
    input: periodStepInputSchema,
    output: periodStatusSchema,
    writes: true,
    invalidates: periodReads,
    summaryVi: 'Gửi kỳ báo cáo để duyệt',
  }),
  'periods.approve': operation({
    input: periodStepInputSchema,
    output: periodStatusSchema,
    writes: true,
    invalidates: periodReads,
    summaryVi: 'Duyệt kỳ báo cáo đã gửi; từ đây số liệu của kỳ không sửa được',
  }),
  'periods.lock': operation({
    input: periodStepInputSchema,
    output: periodStatusSchema,
    writes: true,
    invalidates: periodReads,
    summaryVi: 'Khóa sổ kỳ báo cáo đã duyệt',
  }),
  'periods.reopen': operation({
    input: periodReopenInputSchema,
    output: periodStatusSchema,
    writes: true,
    invalidates: periodReads,
    summaryVi: 'Mở khóa kỳ báo cáo (cần lý do), trở lại đang nhập',
  }),
  'backup.status': operation({
    input: none,
    output: backupStatusSchema,
    writes: false,
    summaryVi: 'Các bản sao lưu, thư mục sao lưu và kết quả lần sao lưu gần nhất',
  }),
  'backup.make': operation({
    input: backupMakeInputSchema,
    output: backupMakeOutputSchema,
    writes: false,
    invalidates: ['backup.status'],
    summaryVi: 'Sao lưu ngay: một tệp trọn vẹn, đã kiểm tra, vào thư mục sao lưu (và thư mục thứ hai nếu đã chọn)',
  }),
  'backup.makeToFile': operation({
    input: backupMakeToFileInputSchema,
    output: backupMakeOutputSchema,
    writes: false,
    invalidates: ['backup.status'],
    takesPath: true,
    summaryVi: 'Sao lưu ngay vào một tệp trên máy này',
  }),
  'backup.inspect': operation({
    input: backupListedSchema,
    output: backupContentsSchema,
    writes: false,
    summaryVi: 'Xem một bản sao lưu chứa gì trước khi khôi phục',
  }),
  'backup.inspectFile': operation({
    input: backupFileSourceSchema,
    output: backupContentsSchema,
    writes: false,
    takesPath: true,
    summaryVi: 'Xem một tệp sao lưu trên máy này chứa gì trước khi khôi phục',
  }),
  'backup.restore': operation({
    input: backupListedSchema,
    output: backupRestoreOutputSchema,
    writes: true,
    invalidates: 'all',
    summaryVi: 'Khôi phục dữ liệu từ một bản sao lưu (sao lưu dữ liệu hiện tại trước, hoàn tác được)',
  }),
  'backup.restoreFile': operation({
    input: backupFileSourceSchema,
    output: backupRestoreOutputSchema,
    writes: true,
    invalidates: 'all',
    takesPath: true,
    summaryVi: 'Khôi phục dữ liệu từ một tệp sao lưu trên máy này (sao lưu dữ liệu hiện tại trước, hoàn tác được)',
  }),
  'backup.setFolder': operation({
    input: backupSetFolderInputSchema,
    output: backupStatusSchema,
    writes: true,
    invalidates: ['backup.status'],
    takesPath: true,
    summaryVi: 'Chọn hoặc bỏ thư mục sao lưu thứ hai (ổ USB, ổ mạng)',
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];

/** The operations that change nothing: what a screen may cache under its name. */
export type ReadOperation = { [K in OperationName]: Contract[K]['writes'] extends false ? K : never }[OperationName];

type Invalidated<K extends OperationName> = Contract[K] extends { invalidates: readonly (infer R)[] } ? R : never;
type NotAReadInvalidated = { [K in OperationName]: Exclude<Invalidated<K>, ReadOperation> }[OperationName];
/** A compile-time check: every name an operation invalidates is a read of the contract. */
export type InvalidatesOnlyReads = [NotAReadInvalidated] extends [never]
  ? true
  : { notAReadOperation: NotAReadInvalidated };

export const readOperationNames: readonly ReadOperation[] = operationNames.filter(
  (name): name is ReadOperation => !contract[name].writes,
);

/** The reads an operation changes; every read for a change of the whole file. */
export function invalidatedBy(operation: OperationName): readonly ReadOperation[] {
  const spec: OperationSpec = contract[operation];
  if (spec.invalidates === 'all') return readOperationNames;
  return (spec.invalidates ?? []).filter(
    (name): name is ReadOperation => isOperationName(name) && !contract[name].writes,
  );
}

export function takesPath(operation: OperationName): boolean {
  const spec: OperationSpec = contract[operation];
  return spec.takesPath === true;
}

export function reportsProgress(operation: OperationName): boolean {
  const spec: OperationSpec = contract[operation];
  return spec.reportsProgress === true;
}

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}
