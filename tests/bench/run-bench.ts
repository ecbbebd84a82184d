import { benchCommit } from './bench-commit';
import { benchExport } from './bench-export';
import { benchGrid } from './bench-grid';
import { benchImport } from './bench-import';
import { benchImportAccuracy } from './bench-import-accuracy';
import { benchOffice } from './bench-office';
import { benchValidation } from './bench-validation';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  grid: benchGrid,
  validation: benchValidation,
  import: benchImport,
  'import-accuracy': benchImportAccuracy,
  commit: benchCommit,
  export: benchExport,
  office: benchOffice,
};

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
