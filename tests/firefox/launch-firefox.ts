import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bidi } from './bidi.ts';
import { findFirefox, NO_FIREFOX_HELP } from './find-firefox.ts';

const CAIRN_ID = 'cairn@cairn.invalid'; // browser_specific_settings.gecko.id in wxt.config.ts
const outDir = process.env.CAIRN_OUT_DIR ?? '.output';
const addOnPath = resolve(fileURLToPath(new URL('../..', import.meta.url)), outDir, 'firefox-mv2');
const STARTUP_TIMEOUT_MS = 60_000;

export interface FirefoxWithCairn {
  bidi: Bidi;
  /** `moz-extension://<uuid>`: where Cairn's own pages are. */
  extensionOrigin: string;
  close(): Promise<void>;
}

/**
 * Headless Firefox in a fresh profile, driven over WebDriver BiDi, with the built add-on
 * (`.output/firefox-mv2`, or `$CAIRN_OUT_DIR/firefox-mv2`) installed as a temporary add-on, so it
 * needs no signature. The profile fixes the add-on's internal UUID, so its pages have a known
 * address. `--remote-allow-system-access` is what lets BiDi open `moz-extension:` pages (Firefox
 * refuses to navigate there otherwise); the browser listens on 127.0.0.1 only.
 */
export async function launchFirefox(): Promise<FirefoxWithCairn> {
  const executable = findFirefox();
  if (!executable) throw new Error(NO_FIREFOX_HELP);
  const profile = mkdtempSync(join(tmpdir(), 'cairn-firefox-'));
  const uuid = randomUUID();
  writeFileSync(join(profile, 'user.js'), `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [CAIRN_ID]: uuid }))});\n`);

  const child = spawn(executable, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let bidi: Bidi | undefined;
  // Asks Firefox to quit over BiDi (or with SIGTERM before BiDi is up); kills it if it has not
  // exited 10 s later.
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      if (bidi) void bidi.send('browser.close').catch(() => undefined);
      else child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    }
    bidi?.close();
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const webSocketUrl = await listeningUrl(child);
    bidi = await Bidi.connect(webSocketUrl);
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: addOnPath } });
    return { bidi, extensionOrigin: `moz-extension://${uuid}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The `ws://` address Firefox prints once its Remote Agent listens. */
function listeningUrl(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(`firefox: no WebDriver BiDi after ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    function fail(reason: string) {
      clearTimeout(timer);
      reject(new Error(`${reason}\n${log.slice(-2000)}`));
    }
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      log = (log + chunk).slice(-8000);
      const found = /WebDriver BiDi listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found?.[1]) {
        clearTimeout(timer);
        resolveUrl(found[1]);
      }
    });
    child.once('exit', (code, signal) => fail(`firefox: exited (${signal ?? code}) before WebDriver BiDi listened`));
    child.once('error', (error) => fail(`firefox: cannot start: ${error.message}`));
  });
}
