import { existsSync } from 'node:fs';

/**
 * The Firefox the smoke test drives: FIREFOX_PATH if set, else Debian's firefox-esr, else a
 * `firefox` on the usual path. Null when there is none. Any Firefox from 140 on works; Playwright's
 * own Firefox build is not needed (and cannot be downloaded here).
 */
export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

export const NO_FIREFOX_HELP = [
  'The Firefox smoke test needs Firefox (140 or newer) and found none.',
  '  Debian/Ubuntu: sudo apt-get install firefox-esr',
  '  Elsewhere: set FIREFOX_PATH to a Firefox binary.',
].join('\n');
