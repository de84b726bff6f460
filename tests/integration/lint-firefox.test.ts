import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lintAddOn } from '../firefox/lint-firefox.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An output folder holding `firefox-mv2/` with this manifest and these files. */
function outDirWith(manifest: object, files: Record<string, string> = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), 'cairn-lint-'));
  made.push(outDir);
  mkdirSync(join(outDir, 'firefox-mv2'));
  writeFileSync(join(outDir, 'firefox-mv2', 'manifest.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, 'firefox-mv2', name), text);
  return outDir;
}

const BROKEN = { manifest_version: 2, version: '1.0', background: { scripts: ['missing.js'] } };

// web-ext loads addons-linter on first use: seconds on a busy machine.
describe('lintAddOn', { timeout: 30_000 }, () => {
  it('counts the errors of a broken add-on and names them', async () => {
    const outDir = outDirWith(BROKEN);

    const { errors, lines } = await lintAddOn(join(outDir, 'firefox-mv2'));

    expect(errors).toBeGreaterThan(0);
    expect(lines.some((line) => line.startsWith('error MANIFEST_FIELD_REQUIRED '))).toBe(true);
  });

  it('passes an add-on with warnings only, and lists them with where they are', async () => {
    const outDir = outDirWith(
      {
        manifest_version: 2,
        name: 'Warns',
        version: '1.0',
        browser_specific_settings: { gecko: { id: 'warns@example.invalid', data_collection_permissions: { required: ['none'] } } },
        background: { scripts: ['background.js'] },
      },
      { 'background.js': 'document.body.innerHTML = location.hash;\n' },
    );

    const { errors, lines } = await lintAddOn(join(outDir, 'firefox-mv2'));

    expect(errors).toBe(0);
    expect(lines.some((line) => /^warning UNSAFE_VAR_ASSIGNMENT background\.js:1:\d+ /.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^lint:firefox: 0 errors, [1-9]\d* warnings/);
  });

  it('fails when nothing was built', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'cairn-lint-'));
    made.push(outDir);

    const { errors, lines } = await lintAddOn(join(outDir, 'firefox-mv2'));

    expect(errors).toBe(1);
    expect(lines.join('\n')).toContain('run "npm run build:firefox" first');
  });
});

describe('npm run lint:firefox', { timeout: 30_000 }, () => {
  it('exits with 1 when the add-on has lint errors', async () => {
    const outDir = outDirWith(BROKEN);
    const script = fileURLToPath(new URL('../firefox/lint-firefox.ts', import.meta.url));

    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, CAIRN_OUT_DIR: outDir } }, (error) =>
        resolve(error ? Number(error.code ?? 1) : 0),
      );
    });

    expect(code).toBe(1);
  });
});
