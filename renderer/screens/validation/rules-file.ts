import { describeZodError } from '../../../shared/api/describe-zod-error';
import { saveFile } from '../common/save-file';
import { userRulesFileSchema, type UserRulesFile } from '../../../shared/validation/user-rule';

export const rulesFileName = 'quy-tac-kiem-tra.json';

/** Hands the rules to the browser (or Electron) as a file download. */
export function downloadRules(file: UserRulesFile): void {
  saveFile(rulesFileName, new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
}

export type ReadRules = { ok: true; file: UserRulesFile } | { ok: false; message: string };

/** A rules file chosen by the clerk, checked for its shape before the backend checks its expressions. */
export async function readRulesFile(file: File): Promise<ReadRules> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, message: `Tệp "${file.name}" không phải tệp JSON đọc được.` };
  }
  const parsed = userRulesFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      message: `Tệp "${file.name}" không phải tệp quy tắc kiểm tra của ChiTieu: ${describeZodError(parsed.error)}`,
    };
  }
  return { ok: true, file: parsed.data };
}
