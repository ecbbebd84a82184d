import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../../shared/api/entities';
import { missingSetupText } from '../../../shared/report/office-setup';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';

/** The settings a command line may set, by the names Cài đặt's fields have in the contract. */
const settable = [
  'provinceName',
  'departmentName',
  'placeName',
  'formNumber',
  'officeSymbol',
  'preparerName',
  'headTitle',
  'headName',
  'clerkName',
  'recipients',
] as const;
type Settable = (typeof settable)[number];

function isSettable(key: string): key is Settable {
  return (settable as readonly string[]).includes(key);
}

/** KEY=TEXT words; "\n" in a text is a line break (KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC, one recipient a line). */
export function parseSettingWords(words: readonly string[]): SettingsPatch {
  if (words.length === 0)
    throw new UsageError(
      `Thiếu cài đặt: hãy ghi dạng TÊN=GIÁ_TRỊ, ví dụ clerkName="Nguyễn Thị Lan". Các tên: ${settable.join(', ')}.`,
    );
  const patch: Partial<Record<Settable, string>> = {};
  const problems: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = eq <= 0 ? '' : word.slice(0, eq).trim();
    if (!isSettable(key))
      problems.push(`"${word}": không có cài đặt tên "${key || word}" (các tên: ${settable.join(', ')})`);
    else patch[key] = word.slice(eq + 1).replace(/\\n/g, '\n');
  }
  if (problems.length > 0) throw new UsageError(`Không ghi gì cả vì:\n  ${problems.join('\n  ')}`);
  return settingsPatchSchema.parse(patch);
}

function printed(settings: Settings): string {
  const lines = settable.map((key) => `${key}=${JSON.stringify(settings[key])}`);
  const missing = missingSetupText(settings);
  return `${lines.join('\n')}\n${missing === null ? '' : `${missing}: hãy ghi bằng chitieu settings set TÊN=GIÁ_TRỊ trước khi xuất biểu hay báo cáo.\n`}`;
}

/** `chitieu settings [--json]`, `chitieu settings set KEY=TEXT ...`: the office's names and signatories, as Cài đặt. */
export async function settingsCommand(
  options: { dataDir: string; json: boolean },
  action: string | undefined,
  words: string[],
): Promise<void> {
  if (action !== undefined && action !== 'set')
    throw new UsageError(
      `Không hiểu "settings ${action}": dùng chitieu settings hoặc chitieu settings set TÊN=GIÁ_TRỊ.`,
    );
  if (action === undefined && words.length > 0)
    throw new UsageError('chitieu settings không nhận thêm từ nào; để ghi, dùng chitieu settings set TÊN=GIÁ_TRỊ.');
  const patch = action === 'set' ? parseSettingWords(words) : null;
  const { backend, api } = openSession(options.dataDir);
  try {
    const settings = patch === null ? await api.call('settings.get', {}) : await api.call('settings.set', patch);
    process.stdout.write(options.json ? `${JSON.stringify(settings, null, 2)}\n` : printed(settings));
  } finally {
    backend.close();
  }
}
