// ESLint 9 flat config: the Office add-in rules (load before read, sync after load, isNullObject
// tests, no sync in loops...) from eslint-plugin-office-addins, for the TypeScript sources.
import tsParser from '@typescript-eslint/parser';
import officeAddins from 'eslint-plugin-office-addins';

const TS = ['src/**/*.ts', 'src/**/*.tsx'];

// The plugin's configs apply to the file kinds it names (js/ts); extend them to .tsx here.
const scoped = (configs) => configs.map((c) => ({ ...c, files: TS }));

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...scoped(officeAddins.configs.react),
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
];
