import { resolve } from 'node:path';
import type { ApiClient } from '../../../shared/api/client';
import { exportLayouts, type ExportLayout } from '../../../shared/api/export-entities';
import { formatViNumber } from '../../../shared/numbers/vi-number';
import { openSession } from '../backend-session';
import { UsageError } from '../cli-error';
import { endDayOf, requirePeriod } from '../period-option';
import { unitIdOption } from '../resolve-unit-option';

export interface ExportOptions {
  dataDir: string;
  period: string | undefined;
  out: string | undefined;
  unit: string | undefined;
  /** "U1,U2": codes separated by commas. */
  units: string | undefined;
  allUnits: boolean;
  template: string | undefined;
  reason: string | undefined;
  layout: string | undefined;
  json: boolean;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function count(n: number): string {
  return formatViNumber(n, 0);
}

async function unitIdsOption(api: ApiClient, codes: string, onDay: string): Promise<number[]> {
  const list = codes
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (list.length === 0)
    throw new UsageError('--units cần các mã đơn vị, cách nhau bằng dấu phẩy (ví dụ --units XA01,XA02).');
  const ids: number[] = [];
  for (const code of list) ids.push((await unitIdOption(api, code, onDay)) ?? 0);
  return ids;
}

function layoutOption(text: string | undefined): ExportLayout {
  if (text === undefined) return 'sheets';
  if ((exportLayouts as readonly string[]).includes(text)) return text as ExportLayout;
  throw new UsageError(
    `--layout chỉ nhận sheets (mỗi đơn vị một trang, thêm trang tổng hợp) hoặc columns (các đơn vị cạnh nhau), không nhận "${text}".`,
  );
}

/**
 * `chitieu export --period P --out FILE [--unit U | --units U1,U2 | --all-units] [--layout sheets|columns]
 * [--template FILE] [--reason "…"] [--json]`: the report workbook, or the Ministry's template filled in.
 * Refused (exit 1) while validation errors stand, unless --reason says why it must go anyway.
 */
export async function exportCommand(options: ExportOptions): Promise<void> {
  const period = requirePeriod(options.period);
  if (!options.out) throw new UsageError('Thiếu --out: tên tệp Excel cần ghi (ví dụ --out bao-cao-6-thang.xlsx).');
  const chosen = [options.unit !== undefined, options.units !== undefined, options.allUnits].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('Chỉ dùng một trong --unit, --units và --all-units.');
  if (options.template !== undefined && (options.units !== undefined || options.allUnits)) {
    throw new UsageError('--template điền mẫu biểu cho một đơn vị: dùng --unit (hoặc bỏ trống để lấy toàn tỉnh).');
  }
  if (options.template !== undefined && options.layout !== undefined)
    throw new UsageError('--layout không dùng cùng --template: mẫu biểu giữ bố cục của nó.');
  const layout = layoutOption(options.layout);
  const reason = options.reason?.trim();
  if (options.reason !== undefined && (reason ?? '').length < 5)
    throw new UsageError('--reason cần ghi rõ lý do (ít nhất 5 ký tự).');
  const target = resolve(options.out);

  const { backend, api } = openSession(options.dataDir);
  try {
    const onDay = endDayOf(period);
    const unitId = await unitIdOption(api, options.unit, onDay);
    if (options.template !== undefined) {
      const result = await api.call('export.fillTemplateToFile', {
        template: { path: resolve(options.template) },
        period,
        unitId,
        overrideReason: reason,
        saveTo: target,
      });
      if (options.json) return out(JSON.stringify(result, null, 2));
      const s = result.summary;
      out(
        `Đã điền mẫu ${options.template} cho ${s.unitName}, ${s.periodLabel}: ${count(s.cellsFilled)} ô số liệu → ${target}`,
      );
      for (const sheet of s.sheets) {
        if (sheet.state === 'hidden') out(`  Trang "${sheet.name}": đang ẩn, giữ nguyên.`);
        else if (sheet.state === 'empty') out(`  Trang "${sheet.name}": trống, giữ nguyên.`);
        else if (sheet.state === 'no_table')
          out(`  Trang "${sheet.name}": không có bảng chỉ tiêu nhận ra được, giữ nguyên.`);
        if (sheet.state !== 'filled') continue;
        out(
          `  Trang "${sheet.name}": ${count(sheet.rowsMatched)} dòng nhận ra, ${count(sheet.cellsFilled)} ô đã điền.`,
        );
        for (const c of sheet.columns.filter((x) => x.filled > 0))
          out(`    Cột ${c.column} "${c.heading}" → ${c.label}: ${count(c.filled)} ô`);
        for (const r of sheet.rowsNotFilled)
          out(`    Không điền dòng ${r.row} (${r.cell}) "${r.name}"${r.unit ? ` (${r.unit})` : ''}: ${r.reason}`);
        const formulas = sheet.cellsLeft.filter((c) => c.reason.startsWith('ô có công thức')).length;
        const texts = sheet.cellsLeft.filter((c) => c.reason.startsWith('ô có chữ')).length;
        if (formulas + texts > 0)
          out(`    Giữ nguyên ${count(formulas)} ô công thức và ${count(texts)} ô có chữ của mẫu.`);
        for (const c of sheet.cellsShownRounded) out(`    Ô ${c.cell}: ${c.reason}.`);
      }
      if (s.recalculateOnOpen) out('  Mẫu có công thức: Excel sẽ tính lại khi mở tệp.');
      if (s.validation.overrideReason)
        out(
          `  Còn ${count(s.validation.openErrors)} lỗi kiểm tra chưa xử lý; lý do vẫn điền: ${s.validation.overrideReason}`,
        );
      return;
    }
    const unitIds = options.units !== undefined ? await unitIdsOption(api, options.units, onDay) : undefined;
    const result = await api.call('export.reportToFile', {
      period,
      ...(unitIds ? { unitIds } : unitId !== undefined ? { unitId } : {}),
      allUnits: options.allUnits,
      layout,
      overrideReason: reason,
      saveTo: target,
    });
    if (options.json) return out(JSON.stringify(result, null, 2));
    const s = result.summary;
    const who = s.units.length === 1 ? (s.units[0]?.name ?? '') : `${count(s.units.length)} đơn vị`;
    out(`Đã xuất báo cáo ${s.periodLabel} (${who}) → ${target}`);
    for (const sheet of s.sheets) {
      const kind = sheet.kind === 'total' ? ' (tổng hợp)' : sheet.kind === 'columns' ? ' (các đơn vị theo cột)' : '';
      out(`  Trang "${sheet.name}"${kind}: ${count(sheet.rows)} chỉ tiêu, ${count(sheet.figures)} ô số liệu.`);
    }
    if (s.validation.overrideReason)
      out(
        `  Còn ${count(s.validation.openErrors)} lỗi kiểm tra chưa xử lý; lý do đã in trong ghi chú trên trang tính: ${s.validation.overrideReason}`,
      );
  } finally {
    backend.close();
  }
}
