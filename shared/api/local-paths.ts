import type { OperationName } from './contract';

function hasPathSource(sources: unknown): boolean {
  return Array.isArray(sources) && sources.some((s) => typeof s === 'object' && s !== null && 'path' in s);
}

/**
 * Whether a call names a file on the backend's own disk (a workbook to read, a template, a place to save).
 * Only the desktop and the command line may: over HTTP the caller may sit at another computer, so a browser
 * sends the workbook's bytes and receives the export's bytes instead.
 */
export function namesLocalPath(operation: OperationName, input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const fields = input as Record<string, unknown>;
  switch (operation) {
    case 'import.read':
      return hasPathSource(fields.files);
    case 'export.report':
    case 'report.docx':
      return fields.saveTo !== undefined;
    case 'export.fillTemplate':
      return fields.saveTo !== undefined || hasPathSource([fields.template]);
    case 'backup.make':
      return fields.out !== undefined;
    case 'backup.inspect':
    case 'backup.restore':
      return 'path' in fields;
    case 'backup.setFolder':
      return typeof fields.extraFolder === 'string';
    default:
      return false;
  }
}
