import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Trust boundaries, enforced rather than remembered. Code is laid out by where it runs:
//   lib/background/  the service worker: the only writer of the database and the index
//   lib/page/        what ships in the content script, inside hostile pages, and nothing else
//   lib/ui/          React hooks and helpers that only extension pages use
//   lib/platform/    the message transport every extension context shares
//   lib/shared/      pure logic any context may import; it imports nothing context-specific
//   lib/protocol.ts  the typed contract between all of them
// Only lib/background/platform/, lib/platform/ and lib/ui/ may touch browser APIs inside lib/.
const browserApiMessage = 'Browser APIs belong in lib/platform/, lib/ui/, lib/background/platform/ or entrypoints/.';
const browserApis = { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*', 'webextension-polyfill'], message: browserApiMessage };
const browserGlobals = [
  { name: 'browser', message: browserApiMessage },
  { name: 'chrome', message: browserApiMessage },
  // Even an extension's own files (lib/background/platform/fetch-word-vectors.ts): what lib/ needs, it is handed.
  { name: 'fetch', message: browserApiMessage },
];
const background = {
  group: ['**/lib/background/**', '**/background/**', 'dexie'],
  message: 'Only the background reads or writes the database: send a typed message instead.',
};
const react = { group: ['react', 'react-dom', 'react-dom/*', '**/components/**', '**/lib/ui/**'], message: 'The content script runs in every page: no React, no extension-page UI.' };
const contextSpecific = {
  group: ['**/background/**', '**/page/**', '**/ui/**', '**/platform/**', '**/entrypoints/**', '**/components/**', 'react', 'react-dom', 'dexie'],
  message: 'lib/shared/ is pure code every context may import: it imports nothing context-specific.',
};
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render markup from data.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never assign markup: build nodes.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insert markup: build nodes.' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'lib/ui/**/*.ts', 'entrypoints/*/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Pure lib/ code and components never reach the browser.
  {
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/platform/**', 'lib/ui/**', 'lib/background/platform/**'],
    rules: {
      'no-restricted-imports': restrict(browserApis),
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  { files: ['lib/shared/**/*.ts'], rules: { 'no-restricted-imports': restrict(browserApis, contextSpecific) } },
  // The content script: no database, no background, no React.
  { files: ['lib/page/**/*.ts'], rules: { 'no-restricted-imports': restrict(browserApis, background, react) } },
  { files: ['entrypoints/content/**/*.ts', 'entrypoints/extract-article.ts'], rules: { 'no-restricted-imports': restrict(background, react) } },
  // Extension pages and their UI pieces: no database, no background.
  {
    files: ['entrypoints/{popup,library,reader,settings,sidepanel}/**/*.{ts,tsx}', 'lib/ui/**/*.ts', 'lib/platform/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(background) },
  },
  { files: ['components/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict(browserApis, background) } },
);
