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
  importRecordSchema,
  importResultSchema,
  importSessionInputSchema,
  importUndoInputSchema,
  importValuesInputSchema,
  importValuesPageSchema,
} from './import-entities';
import { exportFillInputSchema, exportFillOutputSchema, exportReportInputSchema, exportReportOutputSchema } from './export-entities';
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
  reportSchema,
  reportTemplateResetInputSchema,
  reportTemplateSaveInputSchema,
  reportTemplateSchema,
} from './report-entities';
import { chartsIndicatorInputSchema, chartsPlanSharesInputSchema, indicatorChartSchema, planSharesSchema } from './chart-entities';
import {
  backupContentsSchema,
  backupMakeInputSchema,
  backupMakeOutputSchema,
  backupRestoreOutputSchema,
  backupSetFolderInputSchema,
  backupSourceSchema,
  backupStatusSchema,
} from './backup-entities';
import { periodReopenInputSchema, periodStatusInputSchema, periodStatusSchema, periodStepInputSchema } from './period-state-entities';

z.config(vi());

interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Whether the operation changes data: doors may refuse writes where reading is all they allow. */
  writes: boolean;
  summaryVi: string;
}

function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

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
    summaryVi: 'Thêm chỉ tiêu',
  }),
  'catalog.update': operation({
    input: z.object({ code: indicatorCodeSchema, patch: indicatorPatchSchema.strict() }).strict(),
    output: indicatorSchema,
    writes: true,
    summaryVi: 'Sửa chỉ tiêu',
  }),
  'catalog.retire': operation({
    input: z.object({ code: indicatorCodeSchema, retired: z.boolean().default(true) }).strict(),
    output: indicatorSchema,
    writes: true,
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
    summaryVi: 'Thêm đơn vị báo cáo',
  }),
  'units.update': operation({
    input: z.object({ id: z.number().int(), patch: reportingUnitPatchSchema.strict() }).strict(),
    output: reportingUnitSchema,
    writes: true,
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
    summaryVi: 'Ghi kế hoạch năm',
  }),
  'changes.revert': operation({
    input: revertInputSchema,
    output: batchResultSchema,
    writes: true,
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
    summaryVi: 'Thêm hoặc sửa quy tắc kiểm tra',
  }),
  'validation.rules.delete': operation({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({ deleted: z.boolean() }),
    writes: true,
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
    summaryVi: 'Lưu thiết lập kiểm tra của một chỉ tiêu',
  }),
  'import.read': operation({
    input: importReadInputSchema,
    output: importReadOutputSchema,
    writes: false,
    summaryVi: 'Bắt đầu đọc các sổ Excel cần nhập (đọc ngầm; theo dõi bằng import.progress)',
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
    summaryVi: 'Xem trước khi nhập: dòng, cột nhận ra và cách nhận, từng số mới, thay đổi hay giữ nguyên, các phát hiện',
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
    summaryVi: 'Quên cách ghép dòng, cột đã nhớ của một mẫu biểu',
  }),
  'export.report': operation({
    input: exportReportInputSchema,
    output: exportReportOutputSchema,
    writes: false,
    summaryVi: 'Xuất biểu báo cáo Excel của một hay nhiều đơn vị (từ chối khi còn lỗi, trừ khi có lý do)',
  }),
  'export.fillTemplate': operation({
    input: exportFillInputSchema,
    output: exportFillOutputSchema,
    writes: false,
    summaryVi: 'Điền số liệu vào mẫu biểu Excel Bộ gửi, giữ nguyên mọi thứ khác của mẫu',
  }),
  'report.build': operation({
    input: reportBuildInputSchema,
    output: reportSchema,
    writes: false,
    summaryVi: 'Báo cáo bằng lời của một đơn vị và kỳ, viết từ số liệu theo các mẫu câu',
  }),
  'report.docx': operation({
    input: reportDocxInputSchema,
    output: reportDocxOutputSchema,
    writes: false,
    summaryVi: 'Báo cáo bằng lời dưới dạng tệp Word (.docx)',
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
    summaryVi: 'Sửa một mẫu câu của báo cáo',
  }),
  'report.templates.reset': operation({
    input: reportTemplateResetInputSchema,
    output: reportTemplateSchema,
    writes: true,
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
    summaryVi: 'Gửi kỳ báo cáo để duyệt',
  }),
  'periods.approve': operation({
    input: periodStepInputSchema,
    output: periodStatusSchema,
    writes: true,
    summaryVi: 'Duyệt kỳ báo cáo đã gửi; từ đây số liệu của kỳ không sửa được',
  }),
  'periods.lock': operation({
    input: periodStepInputSchema,
    output: periodStatusSchema,
    writes: true,
    summaryVi: 'Khóa sổ kỳ báo cáo đã duyệt',
  }),
  'periods.reopen': operation({
    input: periodReopenInputSchema,
    output: periodStatusSchema,
    writes: true,
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
    summaryVi: 'Sao lưu ngay: một tệp trọn vẹn, đã kiểm tra, vào thư mục sao lưu (và thư mục thứ hai nếu đã chọn)',
  }),
  'backup.inspect': operation({
    input: backupSourceSchema,
    output: backupContentsSchema,
    writes: false,
    summaryVi: 'Xem một bản sao lưu chứa gì trước khi khôi phục',
  }),
  'backup.restore': operation({
    input: backupSourceSchema,
    output: backupRestoreOutputSchema,
    writes: true,
    summaryVi: 'Khôi phục dữ liệu từ một bản sao lưu (sao lưu dữ liệu hiện tại trước, hoàn tác được)',
  }),
  'backup.setFolder': operation({
    input: backupSetFolderInputSchema,
    output: backupStatusSchema,
    writes: true,
    summaryVi: 'Chọn hoặc bỏ thư mục sao lưu thứ hai (ổ USB, ổ mạng)',
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}
