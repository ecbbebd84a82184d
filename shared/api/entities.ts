import { z } from 'zod';
import { indicatorKinds } from '../catalog/indicator-kinds';

export const indicatorCodeSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Z][A-Z0-9_]{0,39}$/,
    'Mã chỉ tiêu chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ XK_CAOSU_GT).',
  );

export const indicatorSchema = z.object({
  code: indicatorCodeSchema,
  parentCode: indicatorCodeSchema.nullable(),
  stt: z.string(),
  nameVi: z.string().min(1),
  aliases: z.array(z.string()),
  unit: z.string(),
  kind: z.enum(indicatorKinds),
  decimals: z.number().int().min(0).max(6),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const nameViSchema = z.string().trim().min(1, 'Tên chỉ tiêu không được để trống.').max(300);

export const indicatorDraftSchema = z.object({
  code: indicatorCodeSchema,
  parentCode: indicatorCodeSchema.nullable().default(null),
  stt: z.string().trim().max(20).default(''),
  nameVi: nameViSchema,
  aliases: z.array(z.string().trim().min(1)).default([]),
  unit: z.string().trim().max(40).default(''),
  kind: z.enum(indicatorKinds),
  decimals: z.number().int().min(0).max(6).default(0),
  sortOrder: z.number().int().optional(),
});
export type IndicatorDraft = z.input<typeof indicatorDraftSchema>;

export const indicatorPatchSchema = z
  .object({
    parentCode: indicatorCodeSchema.nullable(),
    stt: z.string().trim().max(20),
    nameVi: nameViSchema,
    aliases: z.array(z.string().trim().min(1)),
    unit: z.string().trim().max(40),
    kind: z.enum(indicatorKinds),
    decimals: z.number().int().min(0).max(6),
    sortOrder: z.number().int(),
  })
  .partial();
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export const reportingUnitKinds = ['province', 'commune', 'enterprise', 'border_gate', 'other'] as const;
export type ReportingUnitKind = (typeof reportingUnitKinds)[number];

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.');
const unitCodeSchema = z
  .string()
  .trim()
  .min(1, 'Mã đơn vị không được để trống.')
  .max(40, 'Mã đơn vị dài quá 40 ký tự.')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'Mã đơn vị không được chứa khoảng trắng.');

export const reportingUnitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(reportingUnitKinds),
  parentId: z.number().int().nullable(),
  validFrom: isoDateSchema.nullable(),
  validTo: isoDateSchema.nullable(),
  predecessorIds: z.array(z.number().int()),
});
export type ReportingUnit = z.infer<typeof reportingUnitSchema>;

export const reportingUnitDraftSchema = z.object({
  code: unitCodeSchema,
  name: z.string().trim().min(1, 'Tên đơn vị không được để trống.').max(200, 'Tên đơn vị dài quá 200 ký tự.'),
  kind: z.enum(reportingUnitKinds),
  parentId: z.number().int().nullable().default(null),
  validFrom: isoDateSchema.nullable().default(null),
  validTo: isoDateSchema.nullable().default(null),
  predecessorIds: z.array(z.number().int()).default([]),
});
export type ReportingUnitDraft = z.input<typeof reportingUnitDraftSchema>;

export const reportingUnitPatchSchema = reportingUnitDraftSchema
  .extend({
    parentId: z.number().int().nullable(),
    validFrom: isoDateSchema.nullable(),
    validTo: isoDateSchema.nullable(),
    predecessorIds: z.array(z.number().int()),
  })
  .partial();
export type ReportingUnitPatch = z.infer<typeof reportingUnitPatchSchema>;

/** What the report title block, signature block and change log need to know about the office. */
export const settingsSchema = z.object({
  provinceName: z.string(),
  departmentName: z.string(),
  placeName: z.string(),
  formNumber: z.string(),
  preparerName: z.string(),
  headTitle: z.string(),
  headName: z.string(),
  clerkName: z.string(),
  /** The department's abbreviation in a document's number: "SCT" in "Số: …/BC-SCT". */
  officeSymbol: z.string(),
  /** Nơi nhận of the narrative report, one recipient a line ("Bộ Công Thương;", "Lưu: VT, KHTC."). */
  recipients: z.string(),
  webPasswordSet: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .omit({ webPasswordSet: true })
  .extend({
    webPassword: z.string().min(8, 'Mật khẩu truy cập qua mạng phải có ít nhất 8 ký tự.').nullable(),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.string(),
  migrationsApplied: z.number().int(),
  sqliteVersion: z.string(),
  /** Whether the file takes writes, and what the checks at open and in the background found. */
  databaseState: z.object({
    integrity: z.enum(['pending', 'ok', 'damaged']),
    integrityCheckedAt: z.string().nullable(),
    /** Why every write is refused, in the clerk's words; null while the file takes writes. */
    writeRefusalVi: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const reportingUnitKindLabelsVi: Record<ReportingUnitKind, string> = {
  province: 'Tỉnh',
  commune: 'Xã, phường',
  enterprise: 'Doanh nghiệp',
  border_gate: 'Cửa khẩu',
  other: 'Khác',
};
