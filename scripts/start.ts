// `npm start`: builds Cairn if the build is missing or older than its sources, then opens
// Chromium with Cairn loaded, in a profile kept in .cairn-profile/ (git-ignored), on the welcome
// page. Where no window can open, it says so in one line and how to load Cairn by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { planStart } from './start-plan.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = process.env.CAIRN_OUT_DIR ?? '.output';
const extensionDir = join(root, outDir, 'chrome-mv3');
const profileDir = join(root, '.cairn-profile');
const SOURCES = ['entrypoints', 'components', 'lib', 'seeds', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function buildIsCurrent(): boolean {
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((source) => newest(join(root, source)) <= built);
}

if (!buildIsCurrent()) {
  console.log('npm start: building Cairn…');
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (built.status !== 0) {
    console.error('npm start: the build failed (see above).');
    process.exit(built.status ?? 1);
  }
}

const plan = planStart({
  platform: process.platform,
  env: process.env,
  chromium: findChromium(),
  extensionDir,
  profileDir,
  root: process.getuid?.() === 0,
  extraArgs: process.argv.slice(2),
});

if (plan.kind === 'refuse') {
  console.log(plan.message);
} else {
  console.log(`npm start: opening ${plan.command} with Cairn on its welcome page (${plan.welcomeUrl}); profile in .cairn-profile/; close the window to stop.`);
  const browser = spawn(plan.command, plan.args, { stdio: 'ignore' });
  browser.on('error', (error) => {
    console.error(`npm start: could not start ${plan.command}: ${error.message}`);
    process.exitCode = 1;
  });
  browser.on('exit', (code) => {
    if (code) console.error(`npm start: the browser exited with code ${code}.`);
  });
}
