import { describe, expect, it } from 'vitest';
import { hasDisplay, planStart, unpackedExtensionId, type StartFacts } from '../../scripts/start-plan.ts';

const facts: StartFacts = {
  platform: 'linux',
  env: { DISPLAY: ':0' },
  chromium: '/usr/bin/chromium',
  extensionDir: '/home/me/cairn/.output/chrome-mv3',
  profileDir: '/home/me/cairn/.cairn-profile',
  root: false,
  extraArgs: [],
};

describe('npm start', () => {
  it('opens Chromium with Cairn loaded in its own profile', () => {
    const plan = planStart(facts);

    expect(plan.kind).toBe('launch');
    if (plan.kind !== 'launch') return;
    expect(plan.command).toBe('/usr/bin/chromium');
    expect(plan.args).toEqual(
      expect.arrayContaining(['--user-data-dir=/home/me/cairn/.cairn-profile', '--load-extension=/home/me/cairn/.output/chrome-mv3']),
    );
    expect(plan.args).not.toContain('--no-sandbox');
  });

  it('leaves the welcome page to the install, so it opens once, and names its address', () => {
    const plan = planStart(facts);

    if (plan.kind !== 'launch') throw new Error('expected a launch');
    expect(plan.args.some((arg) => arg.includes('welcome.html'))).toBe(false);
    expect(plan.welcomeUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/welcome\.html$/);
  });

  it('adds --no-sandbox only as root, and passes on extra arguments', () => {
    const plan = planStart({ ...facts, root: true, extraArgs: ['--remote-debugging-port=9222'] });

    if (plan.kind !== 'launch') throw new Error('expected a launch');
    expect(plan.args).toEqual(expect.arrayContaining(['--no-sandbox', '--remote-debugging-port=9222']));
  });

  it('says in one line, without a display, that no window can open and how to load Cairn by hand', () => {
    const plan = planStart({ ...facts, env: {} });

    expect(plan.kind).toBe('refuse');
    if (plan.kind !== 'refuse') return;
    expect(plan.message).not.toContain('\n');
    expect(plan.message).toMatch(/no display/);
    expect(plan.message).toContain('chrome://extensions');
    expect(plan.message).toContain('/home/me/cairn/.output/chrome-mv3');
  });

  it('says what to do when there is no Chromium', () => {
    const plan = planStart({ ...facts, chromium: null });

    expect(plan).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/no Chromium found.*CHROMIUM_PATH.*Load unpacked/) });
  });

  it('knows a display on Linux by X11 or Wayland, and always has one on macOS and Windows', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });

  // That it is the id Chromium really gives is checked end to end (tests/e2e/welcome.spec.ts).
  it("computes an unpacked extension's id from its folder: 32 letters a to p, one per folder", () => {
    expect(unpackedExtensionId('/tmp/ext')).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/tmp/ext')).toBe(unpackedExtensionId('/tmp/ext'));
    expect(unpackedExtensionId('/tmp/ext')).not.toBe(unpackedExtensionId('/tmp/ext2'));
  });
});
