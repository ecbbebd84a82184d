import { severityLabelsVi } from '../../../shared/validation/finding';
import { openSession } from '../backend-session';
import { unitIdOption } from '../resolve-unit-option';
import { endDayOf, requirePeriod } from '../period-option';

export interface ValidateOptions {
  dataDir: string;
  period: string | undefined;
  unit: string | undefined;
  json: boolean;
}

/** Exit 1 while an error stands that nobody has overridden with a reason: scripts can stop an export on it. */
export async function validateCommand(options: ValidateOptions): Promise<void> {
  const period = requirePeriod(options.period);
  const { backend, api } = openSession(options.dataDir);
  try {
    const unitId = await unitIdOption(api, options.unit, endDayOf(period));
    const report = await api.call('validation.run', { unitId, period });
    if (options.json) {
      const out = report.findings.map((f) => ({
        ruleId: f.ruleId,
        indicatorCode: f.indicatorCode,
        period: f.period,
        severity: f.severity,
        message: f.message,
        values: f.values,
        open: f.open,
        note: f.note,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      process.stdout.write(
        `Kiểm tra ${report.periodLabel}: ${report.counts.error} lỗi, ${report.counts.warning} cảnh báo, ${report.counts.info} thông tin.\n`,
      );
      for (const f of report.findings) {
        const state = f.note ? ` [${f.note.kind === 'override' ? 'đã bỏ qua' : 'đã ghi chú'}: ${f.note.text}]` : '';
        process.stdout.write(
          `${severityLabelsVi[f.severity]} ${f.indicatorCode} (${f.ruleId}): ${f.message}${state}\n`,
        );
      }
    }
    if (report.counts.openErrors > 0) process.exitCode = 1;
  } finally {
    backend.close();
  }
}
