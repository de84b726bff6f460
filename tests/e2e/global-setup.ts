import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.ts';

// Fail once, clearly, before any test starts, rather than forty times with a launch error.
export default function globalSetup(): void {
  if (!findChromium()) throw new Error(NO_CHROMIUM_HELP);
  const manifest = fileURLToPath(new URL(`../../${process.env.CAIRN_OUT_DIR ?? '.output'}/chrome-mv3/manifest.json`, import.meta.url));
  if (!existsSync(manifest)) throw new Error('No built extension in .output/chrome-mv3: run "npm run build" first.');
}
