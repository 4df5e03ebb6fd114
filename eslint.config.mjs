// ESLint 9 flat config: typescript-eslint's recommended set for every TypeScript file (src, test,
// bench); the React hooks rules for the components and hooks; the Office add-in rules (load before
// read, sync after load, isNullObject tests, no sync in loops...) from eslint-plugin-office-addins
// for the sources; ESLint's recommended set for the Node scripts; the layer rules (below).
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['src/**/*.ts', 'src/**/*.tsx'];
const ALL_TS = [...TS, 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'bench/**/*.tsx'];
/** Where React components and hooks live (a custom hook may sit in a .ts file of the faces). */
const REACT = ['src/**/*.tsx', 'src/taskpane/**/*.ts', 'src/preview/**/*.ts', 'test/**/*.tsx'];
const SCRIPTS = ['scripts/**/*.js', 'assets/**/*.js', 'test/**/*.js', 'bench/**/*.js', '*.config.js'];

/**
 * The layers (docs/ARCHITECTURE.md): each folder of src/ and the folders of ours it must not import.
 * Imports go downwards only: domain <- workbook <- app <- adapters; the faces (task pane) talk to the
 * application; only the composition roots (task pane entry, preview, command line, sample) wire
 * adapters in.
 */
const FOLDERS = ['domain', 'workbook', 'app', 'adapters', 'taskpane', 'preview', 'cli', 'sample'];
export const LAYERS = [
  { folder: 'domain', may: [], why: 'the domain is pure: it imports nothing of ours' },
  { folder: 'workbook', may: ['domain'], why: 'the workbook layout builds on the domain only' },
  { folder: 'app', may: ['domain', 'workbook'], why: 'the application talks to ports, never to adapters or faces' },
  { folder: 'adapters', may: ['domain', 'workbook', 'app'], why: 'adapters implement ports; they know no face' },
  {
    folder: 'taskpane',
    may: ['app'],
    why: 'the task pane talks to the application layer (src/app); only src/taskpane/index.tsx wires adapters in',
  },
  { folder: 'preview', may: ['domain', 'workbook', 'app', 'adapters', 'taskpane', 'sample'], why: 'the preview is a composition root' },
  { folder: 'cli', may: ['domain', 'workbook', 'app', 'adapters', 'sample'], why: 'the command line is a composition root' },
  { folder: 'sample', may: ['domain', 'workbook', 'app', 'adapters'], why: 'the sample builds workbooks through the adapters' },
];

const layerRules = LAYERS.map(({ folder, may, why }) => {
  const forbidden = FOLDERS.filter((f) => f !== folder && !may.includes(f));
  return {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
    ignores: folder === 'taskpane' ? ['src/taskpane/index.tsx'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
              message: `Layer rule: src/${folder} may not import src/{${forbidden.join(',')}}; ${why}.`,
            },
          ],
        },
      ],
    },
  };
});
const compositionRoot = {
  files: ['src/taskpane/index.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(\\.\\./)+(preview|cli|sample)(/|$)', message: 'Layer rule: the task pane entry wires the office.js adapters only.' },
        ],
      },
    ],
  },
};

// The plugin's configs apply to the file kinds it names (js/ts); extend them to .tsx here.
const scoped = (configs) => configs.map((c) => ({ ...c, files: TS }));

// The office-addins configs register their own copy of the @typescript-eslint plugin; drop it so that
// typescript-eslint's (the same package, one instance) is the one ESLint sees.
const withoutTsPlugin = (configs) =>
  configs.map((c) => {
    if (!c.plugins || !c.plugins['@typescript-eslint']) return c;
    const plugins = Object.fromEntries(Object.entries(c.plugins).filter(([name]) => name !== '@typescript-eslint'));
    return { ...c, plugins };
  });

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ALL_TS })),
  ...withoutTsPlugin(scoped(officeAddins.configs.react)),
  { files: REACT, ...reactHooks.configs.flat.recommended },
  {
    files: ALL_TS,
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: SCRIPTS,
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['*.config.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: TS,
    // The plugin's recommended config reads the parser's default export, which
    // @typescript-eslint/parser 8 no longer has; set it here (it is the plugin's own dependency).
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript already checks names (Office, Excel, document come from @types and the DOM lib).
      'no-undef': 'off',
      // Formatting is not enforced by the linter here (no shared Prettier settings in the project).
      'prettier/prettier': 'off',
      // React 18 automatic JSX runtime; props are typed by TypeScript.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      // A type and a value of the same name (e.g. Decimal) is normal TypeScript.
      'no-redeclare': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The load/sync rules read any `.load(...)`/property access as office.js proxies; they apply to
    // the code that talks to Excel, not to exceljs or plain objects elsewhere.
    files: TS,
    ignores: ['src/adapters/officejs/**', 'src/taskpane/**'],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'off'])),
  },
  ...layerRules,
  compositionRoot,
];
