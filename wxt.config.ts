import { defineConfig } from 'wxt';

// Cairn's build. The manifest asks for nothing it does not use: the collection lives in the
// extension's own IndexedDB (no permission needed) and extension pages open with tabs.create
// (no "tabs" permission needed for that).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: the lint zones that keep browser APIs out of lib/ can only see
  // what is imported.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Cairn',
    description:
      'Keep a personal collection of articles in your browser and see how the pages you read relate to it. Everything stays on your computer.',
    action: { default_title: 'Search your Cairn collection' },
    permissions: [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cairn@cairn.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', '.output/**', 'bench/results/**'],
  },
});
