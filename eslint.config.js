import tseslint from 'typescript-eslint';

// Boundaries between contexts, enforced rather than remembered:
// - lib/ is pure logic that runs in Node; only lib/platform/ may touch browser APIs or WXT.
// - components/ take props and give callbacks; they never reach the browser or the database.
const browserOnlyImports = {
  patterns: [
    { group: ['wxt/*', '#imports', '@wxt-dev/*', 'webextension-polyfill'], message: 'Browser APIs belong in lib/platform/ or entrypoints/.' },
  ],
};
const browserGlobals = [
  { name: 'browser', message: 'Browser APIs belong in lib/platform/ or entrypoints/.' },
  { name: 'chrome', message: 'Browser APIs belong in lib/platform/ or entrypoints/.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/platform/**'],
    rules: {
      'no-restricted-imports': ['error', browserOnlyImports],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
);
