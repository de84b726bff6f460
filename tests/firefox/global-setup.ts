import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox, NO_FIREFOX_HELP } from './find-firefox.ts';

// Fail once, clearly, before the smoke test starts.
export default function globalSetup(): void {
  if (!findFirefox()) throw new Error(NO_FIREFOX_HELP);
  const outDir = process.env.CAIRN_OUT_DIR ?? '.output';
  const manifest = resolve(fileURLToPath(new URL('../..', import.meta.url)), outDir, 'firefox-mv2', 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`No built add-on in ${outDir}/firefox-mv2: run "npm run build:firefox" first.`);
}
