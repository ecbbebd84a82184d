// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of the house and what each may not import. ESLint's own no-restricted-imports checks them, on the
 * import as written: that is exact here because the repository has no path aliases and every layer is a folder at
 * its root, so an import into another layer is always a relative path climbing to that folder's name. No
 * resolver plugin is needed for it. The same patterns are applied to dynamic import() by no-restricted-syntax,
 * which no-restricted-imports does not look at.
 */
const escaped = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const forbid = {
  node: {
    regex: `^(node:|(${builtinModules.map(escaped).join('|')})(/|$))`,
    message: 'Node built-ins belong to db/ and electron/: this layer runs where there is no Node.',
  },
  domLibraries: {
    regex: '^((react|react-dom|antd|echarts|echarts-for-react)(/|$)|@ant-design/|@tanstack/react-)',
    message: 'shared/ is pure TypeScript for every side: UI libraries belong to renderer/.',
  },
  databaseLibraries: {
    regex: '^(better-sqlite3|drizzle-orm)(/|$)',
    message: 'The database libraries belong to db/.',
  },
  electron: {
    regex: '^electron(/|$)',
    message: "Only electron/host/ imports 'electron': the backend, the doors and the CLI run without it.",
  },
  intoDb: {
    regex: '^(\\.\\./)+db(/|$)',
    message: 'This layer does not reach the database: db/ is below electron/ only.',
  },
  intoElectron: {
    regex: '^(\\.\\./)+electron(/|$)',
    message: 'electron/ is the top of the house: nothing below imports it.',
  },
  intoRenderer: {
    regex: '^(\\.\\./)+renderer(/|$)',
    message: 'renderer/ is a leaf: it talks to the backend through the API client.',
  },
  handlers: {
    regex: '(^|/)handlers(/|$)',
    message:
      'Only electron/backend/backend.ts imports handlers/: domain work lives in the services, which doors and other services import.',
  },
  siblingHandler: {
    regex: '^\\./',
    message: 'A handler is a thin map onto services: it imports no other handler (only backend.ts imports handlers/).',
  },
};

/** One entry per group of files; ESLint takes a rule's options from the last matching entry, so each file meets exactly one. */
const layers = [
  {
    files: ['shared/**'],
    forbidden: [
      'node',
      'domLibraries',
      'databaseLibraries',
      'electron',
      'intoDb',
      'intoElectron',
      'intoRenderer',
      'handlers',
    ],
  },
  {
    files: ['renderer/**'],
    forbidden: ['node', 'databaseLibraries', 'electron', 'intoDb', 'intoElectron', 'handlers'],
  },
  { files: ['db/**'], forbidden: ['electron', 'intoElectron', 'intoRenderer', 'handlers'] },
  { files: ['electron/host/**'], forbidden: ['handlers'] },
  { files: ['electron/backend/backend.ts'], forbidden: ['electron'] },
  { files: ['electron/backend/handlers/**'], forbidden: ['electron', 'handlers', 'siblingHandler'] },
  {
    files: ['electron/**', 'tests/**', 'build/**', '*.{ts,js,mjs}'],
    ignores: ['electron/host/**', 'electron/backend/backend.ts', 'electron/backend/handlers/**'],
    forbidden: ['electron', 'handlers'],
  },
];

/** esquery's regular expressions end at the first '/', so one inside a pattern is written as \x2F. */
const dynamicImportSelector = (regex) => `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`;

const boundaryConfigs = layers.map(({ files, ignores = [], forbidden }) => {
  const rules = forbidden.map((name) => forbid[name]);
  return {
    name: `chitieu/layers ${files[0]}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: rules.map(({ regex, message }) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...rules.map(({ regex, message }) => ({ selector: dynamicImportSelector(regex), message })),
      ],
    },
  };
});

export default tseslint.config(
  {
    name: 'chitieu/ignores',
    ignores: ['out/', 'dist/', 'node_modules/', 'db/migrations/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  // Not the type-checked sets: building the program again for ESLint takes over a minute on two cores, and tsc
  // already checks the types of every project in `npm test`.
  tseslint.configs.strict,
  {
    name: 'chitieu/typescript',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // noUncheckedIndexedAccess types every indexed read as possibly undefined; after a bounds check the code says
      // so with `!`, where the alternative would be a runtime check that cannot fail.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // verbatimModuleSyntax keeps every import that is not marked as a type: the mark is what erases it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // `x == null` is the one loose comparison kept: it means null or undefined, as the code uses it.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    name: 'chitieu/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  { name: 'chitieu/renderer globals', files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  ...boundaryConfigs,
);
