import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the house are the linter's rules: each case plants an import in a file of one layer and reads
 * what `npm run lint` would say of it. The files need not exist; ESLint picks the rules by path.
 */
const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const refused: { rule: string; file: string; code: string; says: RegExp }[] = [
  {
    rule: 'shared/ imports no Node',
    file: 'shared/periods/planted.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    says: /Node built-ins belong to db\/ and electron\//,
  },
  {
    rule: 'shared/ imports no Node, not even without the node: prefix',
    file: 'shared/periods/planted.ts',
    code: "import { join } from 'path';\nexport const j = join;\n",
    says: /Node built-ins belong/,
  },
  {
    rule: 'shared/ imports no Node by a dynamic import either',
    file: 'shared/periods/planted.ts',
    code: "export const fs = () => import('node:fs');\n",
    says: /Node built-ins belong/,
  },
  {
    rule: 'shared/ imports no UI library',
    file: 'shared/periods/planted.ts',
    code: "import { useState } from 'react';\nexport const u = useState;\n",
    says: /UI libraries belong to renderer\//,
  },
  {
    rule: 'shared/ imports no db/',
    file: 'shared/periods/planted.ts',
    code: "import { openDatabase } from '../../db/open-database';\nexport const o = openDatabase;\n",
    says: /does not reach the database/,
  },
  {
    rule: 'shared/ imports no electron/',
    file: 'shared/periods/planted.ts',
    code: "import { createBackend } from '../../electron/backend/backend';\nexport const c = createBackend;\n",
    says: /electron\/ is the top of the house/,
  },
  {
    rule: 'renderer/ imports no db/',
    file: 'renderer/app/planted.tsx',
    code: "import { indicatorValues } from '../../db/schema/tables';\nexport const t = indicatorValues;\n",
    says: /does not reach the database/,
  },
  {
    rule: 'renderer/ imports no database library',
    file: 'renderer/app/planted.tsx',
    code: "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    says: /database libraries belong to db\//,
  },
  {
    rule: 'renderer/ imports no electron/',
    file: 'renderer/app/planted.tsx',
    code: "import { createBackend } from '../../electron/backend/backend';\nexport const c = createBackend;\n",
    says: /electron\/ is the top of the house/,
  },
  {
    rule: "renderer/ imports no 'electron'",
    file: 'renderer/app/planted.tsx',
    code: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    says: /Only electron\/host\/ imports 'electron'/,
  },
  {
    rule: 'db/ imports no electron/',
    file: 'db/access/planted.ts',
    code: "import { createFileLogger } from '../../electron/backend/log';\nexport const l = createFileLogger;\n",
    says: /electron\/ is the top of the house/,
  },
  {
    rule: 'db/ imports no renderer/',
    file: 'db/access/planted.ts',
    code: "import { screens } from '../../renderer/app/screens';\nexport const s = screens;\n",
    says: /renderer\/ is a leaf/,
  },
  {
    rule: "a backend service imports no 'electron'",
    file: 'electron/backend/backup/planted.ts',
    code: "import { app } from 'electron';\nexport const a = app;\n",
    says: /Only electron\/host\/ imports 'electron'/,
  },
  {
    rule: "the command line imports no 'electron'",
    file: 'electron/cli/planted.ts',
    code: "import { dialog } from 'electron';\nexport const d = dialog;\n",
    says: /Only electron\/host\/ imports 'electron'/,
  },
  {
    rule: 'a service imports no handler',
    file: 'electron/backend/import/planted.ts',
    code: "import { importHandlers } from '../handlers/import';\nexport const h = importHandlers;\n",
    says: /Only electron\/backend\/backend.ts imports handlers\//,
  },
  {
    rule: 'the web door imports no handler',
    file: 'electron/web/planted.ts',
    code: "import { settingsHandlers } from '../backend/handlers/settings';\nexport const h = settingsHandlers;\n",
    says: /Only electron\/backend\/backend.ts imports handlers\//,
  },
  {
    rule: 'the Electron host imports no handler',
    file: 'electron/host/planted.ts',
    code: "import { settingsHandlers } from '../backend/handlers/settings';\nexport const h = settingsHandlers;\n",
    says: /Only electron\/backend\/backend.ts imports handlers\//,
  },
  {
    rule: 'a handler imports no other handler',
    file: 'electron/backend/handlers/planted.ts',
    code: "import { settingsHandlers } from './settings';\nexport const h = settingsHandlers;\n",
    says: /A handler is a thin map onto services/,
  },
  {
    rule: 'a test imports no handler',
    file: 'tests/unit/planted.test.ts',
    code: "import { settingsHandlers } from '../../electron/backend/handlers/settings';\nexport const h = settingsHandlers;\n",
    says: /Only electron\/backend\/backend.ts imports handlers\//,
  },
];

const allowed: { rule: string; file: string; code: string }[] = [
  {
    rule: 'shared/ imports zod and other shared/ files',
    file: 'shared/periods/planted.ts',
    code: "import { z } from 'zod';\nimport { parseViNumber } from '../numbers/vi-number';\nexport const a = [z, parseViNumber];\n",
  },
  {
    rule: 'db/ imports drizzle, Node and shared/',
    file: 'db/access/planted.ts',
    code: "import { eq } from 'drizzle-orm';\nimport { join } from 'node:path';\nimport { formatPeriodKey } from '../../shared/periods/period';\nexport const a = [eq, join, formatPeriodKey];\n",
  },
  {
    rule: 'renderer/ imports React and shared/',
    file: 'renderer/app/planted.tsx',
    code: "import { useState } from 'react';\nimport { parseViNumber } from '../../shared/numbers/vi-number';\nexport const a = [useState, parseViNumber];\n",
  },
  {
    rule: 'a service imports db/ and other services',
    file: 'electron/backend/import/planted.ts',
    code: "import { openDatabase } from '../../../db/open-database';\nimport { changeAuthor } from '../settings/settings-service';\nexport const a = [openDatabase, changeAuthor];\n",
  },
  {
    rule: 'backend.ts imports the handlers',
    file: 'electron/backend/backend.ts',
    code: "import { settingsHandlers } from './handlers/settings';\nexport const h = settingsHandlers;\n",
  },
  {
    rule: 'a handler imports its service',
    file: 'electron/backend/handlers/planted.ts',
    code: "import { changeAuthor } from '../settings/settings-service';\nexport const a = changeAuthor;\n",
  },
  {
    rule: "the Electron host imports 'electron'",
    file: 'electron/host/planted.ts',
    code: "import { app } from 'electron';\nexport const a = app;\n",
  },
];

describe('the lint run refuses an import across a layer', () => {
  it.each(refused)('$rule', async ({ file, code, says }) => {
    const messages = await boundaryMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(says);
  });
});

describe('the lint run lets each layer import what is below it', () => {
  it.each(allowed)('$rule', async ({ file, code }) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
});

/** The diagnostics tsc gives a planted file of shared/ under shared/'s own project. */
function sharedTypeErrors(code: string): string[] {
  const configPath = join(root, 'tsconfig.shared.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.shared.json could not be read');
  const planted = join(root, 'shared', 'periods', 'planted.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === planted ? code : readFile(name));
  host.fileExists = (name) => name === planted || ts.sys.fileExists(name);
  const program = ts.createProgram({ rootNames: [planted], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(planted))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("shared/'s own type project has neither DOM nor Node", () => {
  it('refuses the document of a browser', () => {
    expect(sharedTypeErrors('export const title = document.title;\n').join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
  });

  it("refuses Node's process", () => {
    expect(sharedTypeErrors('export const env = process.env;\n').join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('accepts plain TypeScript', () => {
    expect(sharedTypeErrors('export const n: number = Math.round(14659.9);\n')).toEqual([]);
  });
});
