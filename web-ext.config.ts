import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens a browser with the extension loaded. On Linux it prefers Debian's Chromium
// (or CHROMIUM_PATH); on a machine without a display there is nothing to open, so it only builds
// and watches.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

export default defineWebExtConfig({
  disabled: headless,
  binaries: existsSync(chromium) ? { chrome: chromium } : undefined,
});
