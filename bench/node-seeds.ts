/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import type { SeedFile } from '../lib/background/install-seeds.ts';

/** The default collection read from `seeds/` with Node's file system: `seeds/index.ts` needs the bundler. */
export function nodeSeeds(): SeedFile[] {
  const folder = new URL('../seeds/', import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(new URL(fileName, folder), 'utf8') }));
}
