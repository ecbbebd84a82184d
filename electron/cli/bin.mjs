#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('Lỗi: ChiTieu chưa được dựng. Hãy chạy "npm install" (hoặc "npm run build") trong thư mục dự án.\n');
  process.exit(1);
}
await import(bundle.href);
