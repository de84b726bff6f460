import type { SeedFile } from '../lib/background/install-seeds.ts';

// The default collection: every .txt file in this folder, bundled into the extension as text.
const files = import.meta.glob<string>('./*.txt', { query: '?raw', import: 'default', eager: true });

export const SEEDS: SeedFile[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => ({ fileName: path.replace(/^\.\//, ''), text }));
