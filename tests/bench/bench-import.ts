import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createBackend } from '../../electron/backend/backend';
import { benchFigure, createLargeCatalog } from './setup-data';
import { median, report } from './report';

const sheets = 20;
const rowsPerSheet = 500;
const firstYear = 2006;

/**
 * 20 sheets (one per year) of 500 indicator rows (STT, name, unit) and 12 month columns "Tháng 01/2006" …:
 * 120.000 figures, half of them in triệu đồng for indicators kept in tỷ đồng.
 */
async function writeBenchWorkbook(file: string, api: ApiClient): Promise<void> {
  const catalog = (await api.call('catalog.list', {})).filter((i) => i.kind !== 'group' && i.code.startsWith('CT_')).slice(0, rowsPerSheet);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (let s = 0; s < sheets; s++) {
    const year = firstYear + s;
    const ws = wb.addWorksheet(`Năm ${year}`);
    ws.addRow([`SỐ LIỆU CÁC THÁNG NĂM ${year}`]).commit();
    ws.addRow(['STT', 'Chỉ tiêu', 'ĐVT', ...Array.from({ length: 12 }, (_, m) => `Tháng ${String(m + 1).padStart(2, '0')}/${year}`)]).commit();
    catalog.forEach((indicator, i) => {
      const inMillions = indicator.unit === 'tỷ đồng';
      const figures = Array.from({ length: 12 }, (_, m) => benchFigure(i, year, m + 1) * (inMillions ? 1000 : 1));
      ws.addRow([indicator.stt, indicator.nameVi, inMillions ? 'Triệu đồng' : indicator.unit, ...figures]).commit();
    });
    ws.commit();
  }
  await wb.commit();
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** The resident set alone (process.memoryUsage() walks the whole heap, too costly to sample every 10 ms). */
function rssMb(): number {
  return process.memoryUsage.rss() / 1024 / 1024;
}

/** Issue 5: import of 20 sheets × 500 rows × 12 months beside exceljs's bare load of the same file; target ≤ 1,5×. */
export async function benchImport(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-bench-import-'));
  try {
    const backend = createBackend({ dataDir });
    const api = createApiClient((op, input) => backend.call(op, input));
    await createLargeCatalog(api);
    const file = join(dataDir, 'bench-import.xlsx');
    await writeBenchWorkbook(file, api);
    report(`import: workbook of ${sheets} sheets × ${rowsPerSheet} rows × 12 months`, statSync(file).size / 1024 / 1024, 'MB');

    // Bare loads before and after the first import, so that a busy machine weighs on both sides alike.
    const bare: number[] = [];
    const bareCpu: number[] = [];
    const bareLoads = async () => {
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const cpu = process.cpuUsage();
        await new ExcelJS.Workbook().xlsx.readFile(file);
        bare.push(performance.now() - start);
        bareCpu.push(cpuMs(cpu));
      }
    };
    await bareLoads();

    const runs: { read: number; preview: number; commit: number; total: number; cpu: number; cpuRead: number; cpuPreview: number; peak: number; changed: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const baseline = rssMb();
      let peak = baseline;
      const sample = setInterval(() => (peak = Math.max(peak, rssMb())), 10);
      const start = performance.now();
      const cpu = process.cpuUsage();
      const { sessionId } = await api.call('import.read', { files: [{ path: file }] });
      for (;;) {
        const progress = await api.call('import.progress', { sessionId });
        if (progress.done) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      const read = performance.now();
      const cpuRead = cpuMs(cpu);
      peak = Math.max(peak, rssMb());
      const preview = await api.call('import.preview', { sessionId, period: `${firstYear + sheets - 1}-12` });
      const previewed = performance.now();
      const cpuPreview = cpuMs(cpu) - cpuRead;
      peak = Math.max(peak, rssMb());
      if (preview.counts.valuesNew + preview.counts.valuesSame !== sheets * rowsPerSheet * 12) {
        throw new Error(`bench workbook not fully recognized: ${JSON.stringify(preview.counts)}`);
      }
      const result = await api.call('import.commit', { sessionId, period: `${firstYear + sheets - 1}-12` });
      const end = performance.now();
      const cpuUsed = cpuMs(cpu);
      peak = Math.max(peak, rssMb());
      clearInterval(sample);
      runs.push({ read: read - start, preview: previewed - read, commit: end - previewed, total: end - start, cpu: cpuUsed, cpuRead, cpuPreview, peak: peak - baseline, changed: result.changed });
      if (i === 0) await bareLoads();
    }
    const first = runs[0];
    const bareMedian = median(bare);
    report('import: exceljs alone loads the file (median of 6)', bareMedian, 'ms');
    if (first) {
      report(`import: first import, ${first.changed.toLocaleString('vi-VN')} new figures: reading`, first.read, 'ms');
      report('import: first import: preview', first.preview, 'ms');
      report('import: first import: commit (the preview reused when nothing was written since, then every write)', first.commit, 'ms');
      report('import: first import in all', first.total, 'ms');
      report('import: first import, memory above the start (resident set)', first.peak, 'MB');
    }
    const again = runs.slice(1);
    const totalAgain = median(again.map((r) => r.total));
    report('import: the same file again, nothing changes (median of 2)', totalAgain, 'ms');
    report('import: reading and preview ÷ exceljs bare load (what the clerk waits for before the preview shows)', ((first?.read ?? 0) + (first?.preview ?? 0)) / bareMedian, '×');
    report('import: first import in all ÷ exceljs bare load (target ≤ 1,5)', (first?.total ?? 0) / bareMedian, '×');
    // Processor time is what the import itself costs; on a machine busy with other work, wall-clock time also
    // counts the waits for the processor and the disk.
    const bareCpuMedian = median(bareCpu);
    report('import: exceljs alone, processor time (median of 6)', bareCpuMedian, 'ms');
    if (first) {
      report('import: first import, processor time: reading', first.cpuRead, 'ms');
      report('import: first import, processor time: preview', first.cpuPreview, 'ms');
      report('import: first import, processor time: commit', first.cpu - first.cpuRead - first.cpuPreview, 'ms');
    }
    report('import: first import in all, processor time', first?.cpu ?? 0, 'ms');
    report('import: first import ÷ exceljs bare load, in processor time', (first?.cpu ?? 0) / bareCpuMedian, '×');
    report('import: peak resident memory of the whole bench', process.resourceUsage().maxRSS / 1024, 'MB');
    backend.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
