import type { Indicator } from '../../../shared/api/entities';
import { openSession } from '../backend-session';

function depthOf(indicator: Indicator, byCode: Map<string, Indicator>): number {
  let depth = 0;
  for (let p = indicator.parentCode; p; p = byCode.get(p)?.parentCode ?? null) depth++;
  return depth;
}

export async function catalogCommand(dataDir: string, json: boolean): Promise<void> {
  const { backend, api } = openSession(dataDir);
  try {
    const rows = await api.call('catalog.list', { includeRetired: false });
    if (json) {
      const out = rows.map((r) => ({
        code: r.code,
        parent: r.parentCode,
        stt: r.stt,
        name_vi: r.nameVi,
        unit: r.unit,
        kind: r.kind,
        decimals: r.decimals,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const codeWidth = Math.max(...rows.map((r) => r.code.length), 3);
    for (const r of rows) {
      const indent = '  '.repeat(depthOf(r, byCode));
      const unit = r.unit ? ` (${r.unit})` : '';
      process.stdout.write(`${r.code.padEnd(codeWidth)}  ${indent}${r.stt ? `${r.stt}. ` : ''}${r.nameVi}${unit}\n`);
    }
  } finally {
    backend.close();
  }
}
