import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

// Cairn's build. The manifest asks for no more than it uses: the collection lives in the
// extension's own IndexedDB (no permission needed); "storage" keeps the linking settings and what
// was found on each open tab; the content script's match patterns (http and https pages) are
// what lets Cairn read the pages it links, and the same host permissions plus "scripting" let it
// run the article extractor in a tab when the user adds that page; "contextMenus" is the "Add
// this page to Cairn", "Search Cairn for …" and "Save selection to Cairn" menu items (saving a
// selection reads it from the tab with "scripting", to keep its line breaks). No "tabs", no
// "history", no "downloads", no remote code.
export default defineConfig({
  // CAIRN_OUT_DIR lets two builds (say, two people testing side by side) not overwrite each other.
  outDir: process.env.CAIRN_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: the lint zones that keep browser APIs out of lib/ can only see
  // what is imported.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Cairn',
    description:
      'Keep a personal collection of articles in your browser and see how the pages you read relate to it. Everything stays on your computer.',
    action: { default_title: 'Search your Cairn collection' },
    permissions: ['storage', 'scripting', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The library is the options page: "Options" in the extensions menu opens it in a tab.
    options_ui: { page: 'library.html', open_in_tab: true },
    // Keyboard shortcuts, as suggestions: the browser leaves one unset when it clashes, and the
    // user can change them (the settings page lists what is bound). Chrome takes at most four
    // suggested keys.
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Cairn popup to search your collection',
      },
      ...(browser === 'firefox'
        ? {}
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+L' },
              description: 'Open the Cairn side panel beside the page',
            },
          }),
      'highlight-page': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide the highlights on this page',
      },
      // No suggested keys (Chrome's four are taken): the user binds them if they want them.
      'next-highlight': { description: 'Go to the next highlight and open its card' },
      'previous-highlight': { description: 'Go to the previous highlight and open its card' },
    },
    // Type "ca", then a space, in the address bar to search the collection from there.
    omnibox: { keyword: 'ca' },
    // Firefox 140 (an ESR) is the first with `data_collection_permissions` and with the CSS Custom
    // Highlight API that the optional painter uses; Firefox for Android reads that key from 142 on.
    // `web-ext lint` (npm run lint:firefox) warns when a declared minimum predates a key in use.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cairn@cairn.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    // CAIRN_NO_MINIFY=1 keeps function names, so a CPU profile (`import-bench.ts --profile`) reads.
    ...(process.env.CAIRN_NO_MINIFY === '1' && { build: { minify: false } }),
    worker: {
      // The library's import worker (entrypoints/library/read-file.worker.ts) has no DOM: micromark's
      // entity decoder takes its plain build there, not the browser one that calls document.createElement.
      plugins: () => [
        {
          name: 'cairn-worker-without-dom',
          enforce: 'pre' as const,
          resolveId: (source: string) =>
            source === 'decode-named-character-reference' ? createRequire(import.meta.url).resolve(source) : undefined,
        },
      ],
    },
  }),
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', '.output/**', 'bench/results/**'],
  },
});
