// Part of `npm run setup`: makes sure the end-to-end tests have a Chromium to drive. On Debian or
// Ubuntu as root it installs the distribution's package; anywhere else it says what to do, and
// setup still succeeds (the extension itself is built either way).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.ts';

const found = findChromium();
if (found) {
  console.log(`setup: end-to-end tests will use ${found}`);
} else if (process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
  console.log("setup: installing Debian's Chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  console.log(`setup: end-to-end tests will use ${findChromium() ?? '(still none found)'}`);
} else {
  console.warn(`setup: ${NO_CHROMIUM_HELP}`);
}
console.log('setup: the extension is built in .output/chrome-mv3 — load it from chrome://extensions (Developer mode → Load unpacked).');
