// What `npm start` does, worked out from the facts of the machine (no side effects here, so the
// decisions are unit-tested: tests/unit/start-plan.test.ts).
import { createHash } from 'node:crypto';

export interface StartFacts {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The Chromium found as the tests find it (tests/e2e/find-chromium.ts), or null. */
  chromium: string | null;
  /** The absolute path of the built extension (`.output/chrome-mv3`). */
  extensionDir: string;
  /** The absolute path of the profile `npm start` keeps. */
  profileDir: string;
  /** Whether the process runs as root (Chromium then needs --no-sandbox). */
  root: boolean;
  /** Extra arguments given after `npm start --`. */
  extraArgs: string[];
}

export type StartPlan =
  | { kind: 'launch'; command: string; args: string[]; welcomeUrl: string }
  | { kind: 'refuse'; message: string };

/** How to load the built extension by hand, in one line. */
export function loadByHand(extensionDir: string): string {
  return `load it by hand: open chrome://extensions, switch on Developer mode, click "Load unpacked" and choose ${extensionDir}`;
}

/**
 * The id Chrome and Chromium give an unpacked extension: the SHA-256 of its folder's absolute
 * path, its first 32 hex digits written with the letters a to p. The welcome page's address
 * depends on it.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(extensionDir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Whether a browser window can open here: always on macOS and Windows, with X11 or Wayland on Linux and the BSDs. */
export function hasDisplay(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function planStart(facts: StartFacts): StartPlan {
  const { platform, env, chromium, extensionDir, profileDir, root, extraArgs } = facts;
  if (!hasDisplay(platform, env)) {
    return { kind: 'refuse', message: `npm start: there is no display here to open a browser window on; ${loadByHand(extensionDir)}.` };
  }
  if (!chromium) {
    return {
      kind: 'refuse',
      message: `npm start: no Chromium found (install it, or set CHROMIUM_PATH to a Chromium binary; Google Chrome no longer loads extensions from the command line); or ${loadByHand(extensionDir)}.`,
    };
  }
  const welcomeUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/welcome.html`;
  const args = [
    `--user-data-dir=${profileDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(root ? ['--no-sandbox'] : []),
    ...extraArgs,
  ];
  // No start address: Chromium installs an extension given by --load-extension afresh at every
  // start (its data stays in the profile), so Cairn opens its welcome page itself, as on a first
  // install. Passing the address as well would open it twice (seen with Chromium 156).
  return { kind: 'launch', command: chromium, args, welcomeUrl };
}
