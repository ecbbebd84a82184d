import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/**
 * One build for every part: the Electron host, the backend that runs in a utility process, the command
 * line (which also serves the browser mode), the sandboxed preload and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules: Node's loader re-reads drizzle-orm's 180 kB package.json for
      // each of its hundreds of modules, which cost every start of the command line 2 s and 200 MB.
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rolldownOptions: {
        input: {
          main: resolve(root, 'electron/host/main.ts'),
          'backend-process': resolve(root, 'electron/backend/process-entry.ts'),
          cli: resolve(root, 'electron/cli/main.ts'),
          bench: resolve(root, 'tests/bench/run-bench.ts'),
        },
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/host/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
