import type { Settings } from '../api/entities';

/** What the first run asks for: who the office is and who signs, before any output carries a blank. */
export const setupFields = [
  'departmentName',
  'provinceName',
  'placeName',
  'clerkName',
  'preparerName',
  'headTitle',
  'headName',
] as const satisfies readonly (keyof Settings)[];
export type SetupField = (typeof setupFields)[number];

export const setupFieldLabels: Readonly<Record<SetupField, string>> = {
  departmentName: 'tên cơ quan',
  provinceName: 'tỉnh',
  placeName: 'địa danh',
  clerkName: 'tên người nhập liệu',
  preparerName: 'người lập biểu',
  headTitle: 'chức danh thủ trưởng',
  headName: 'họ tên thủ trưởng',
};

/** The setup fields still empty: while any is, outputs would print "UBND TỈNH …" or an unsigned block. */
export function missingSetup(settings: Settings): SetupField[] {
  return setupFields.filter((f) => settings[f].trim() === '');
}

/** "Chưa khai tỉnh, người lập biểu" for a notice that points to the setup; null when nothing is missing. */
export function missingSetupText(settings: Settings): string | null {
  const missing = missingSetup(settings);
  return missing.length === 0 ? null : `Chưa khai ${missing.map((f) => setupFieldLabels[f]).join(', ')}`;
}
