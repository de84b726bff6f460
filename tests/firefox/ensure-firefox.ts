// Part of `npm run setup`: makes sure the Firefox smoke test has a Firefox to drive. On Debian or
// Ubuntu as root it installs firefox-esr; anywhere else it says what to do, and setup still
// succeeds.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFirefox, NO_FIREFOX_HELP } from './find-firefox.ts';

const found = findFirefox();
if (found) {
  console.log(`setup: the Firefox smoke test will use ${found}`);
} else if (process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
  console.log("setup: installing Debian's firefox-esr for the Firefox smoke test…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
  console.log(`setup: the Firefox smoke test will use ${findFirefox() ?? '(still none found)'}`);
} else {
  console.warn(`setup: ${NO_FIREFOX_HELP}`);
}
