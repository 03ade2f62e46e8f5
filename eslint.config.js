/**
 * ESLint 9 flat config: `npm run lint` = `eslint src test scripts`.
 *
 * eslint-plugin-office-addins ships flat configs, but its `recommended`/`react` presets make
 * Prettier formatting an error, parse as ES6 and match only .js/.ts files (not .tsx). So this
 * config takes the plugin's Office rules (call-sync-after-load, load-object-before-read, …)
 * from its recommended preset and pairs them with typescript-eslint's and eslint-plugin-react's
 * recommended sets. Formatting is Prettier's (.prettierrc.json; `npm run format`), checked by `npm run lint`.
 */
const js = require('@eslint/js');
const globals = require('globals');
const officeAddins = require('eslint-plugin-office-addins');
const react = require('eslint-plugin-react');
const tseslint = require('typescript-eslint');

const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith('office-addins/')),
);

/** A layer's allowed imports: `patterns` of ours it must not import (types allowed when `types`). */
function layer(files, patterns, types, ignores = []) {
  return [
    {
      files: [files],
      ignores: ['**/*.test.{ts,tsx}', '**/testing/**', ...ignores],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [{ group: patterns, allowTypeImports: types, message: 'crosses a layer boundary (see eslint.config.js, "Layers")' }] },
        ],
      },
    },
  ];
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // typescript-eslint 8.8 (what eslint-plugin-office-addins brings) crashes on this rule under
      // ESLint >= 9.15 unless its options are spelled out.
      '@typescript-eslint/no-unused-expressions': [
        'error',
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },
  {
    plugins: { 'office-addins': officeAddins },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The Office rules are static guesses (any `getX().y` looks like an unloaded proxy read, exceljs
  // code included): warnings across src/, errors where the add-in talks to Excel, off in tests and
  // in the Excel double (src/excel/double), whose tests read unloaded properties on purpose.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/excel/double/**'],
    rules: Object.fromEntries(Object.keys(officeAddinsRules).map((rule) => [rule, 'warn'])),
  },
  {
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'src/excel/double/**', 'src/excel/testing/**'],
    rules: officeAddinsRules,
  },
  // Small modules and functions a newcomer can read (issue #16); tests and test helpers exempt.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/**/testing/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.tsx'],
    ...react.configs.flat.recommended,
    settings: { react: { version: '18.3' } },
  },
  {
    files: ['**/*.tsx'],
    ...react.configs.flat['jsx-runtime'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  // Layers (README "Folder map"): the pure core imports nothing of ours but itself and the string
  // catalogue; the workbook schema neither the Office adapter nor the pane; the pane takes only types
  // from the adapter (values come in through props, put together in taskpane/index.tsx and the
  // preview), apart from the pure 自检 report model. Tests may reach across.
  ...layer('src/domain/**/*.ts', ['**/workbook/**', '**/excel/**', '**/taskpane/**', '**/documents/**', '**/preview/**', '**/cli/**', 'react', 'react-dom', '@fluentui/*', 'exceljs', 'docx'], false),
  ...layer('src/workbook/**/*.ts', ['**/excel/**', '**/taskpane/**', '**/preview/**', '**/cli/**', 'react', '@fluentui/*'], false),
  ...layer('src/taskpane/**/*.{ts,tsx}', ['**/excel/*', '**/excel/**', '!**/excel/selfCheckModel'], true, ['src/taskpane/index.tsx', 'src/taskpane/testing/**']),
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
