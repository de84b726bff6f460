import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../firefox/lint-firefox.ts', import.meta.url));

/** Runs `npm run lint:firefox`'s linter step over `<outDir>/firefox-mv2`. */
function lintFirefox(outDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, CAIRN_OUT_DIR: outDir } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Each case starts Node with tsx and loads web-ext: seconds each on a busy machine.
describe('lint-firefox', { timeout: 30_000 }, () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function addOn(manifest: object, files: Record<string, string> = {}): string {
    const outDir = mkdtempSync(join(tmpdir(), 'cairn-lint-'));
    made.push(outDir);
    mkdirSync(join(outDir, 'firefox-mv2'));
    writeFileSync(join(outDir, 'firefox-mv2', 'manifest.json'), JSON.stringify(manifest));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, 'firefox-mv2', name), text);
    return outDir;
  }

  it('fails on an add-on with lint errors and names them', async () => {
    const outDir = addOn({ manifest_version: 2, version: '1.0', background: { scripts: ['missing.js'] } });

    const { code, stdout } = await lintFirefox(outDir);

    expect(code).toBe(1);
    expect(stdout).toMatch(/^error MANIFEST_FIELD_REQUIRED /m);
    expect(stdout).toMatch(/lint:firefox: [1-9]\d* errors/);
  });

  it('passes an add-on with warnings only, and lists them', async () => {
    const outDir = addOn(
      {
        manifest_version: 2,
        name: 'Warns',
        version: '1.0',
        browser_specific_settings: { gecko: { id: 'warns@example.invalid', data_collection_permissions: { required: ['none'] } } },
        background: { scripts: ['background.js'] },
      },
      { 'background.js': 'document.body.innerHTML = location.hash;\n' },
    );

    const { code, stdout } = await lintFirefox(outDir);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^warning UNSAFE_VAR_ASSIGNMENT background\.js:1:\d+ /m);
    expect(stdout).toMatch(/lint:firefox: 0 errors, [1-9]\d* warnings/);
  });

  it('fails when nothing was built', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'cairn-lint-'));
    made.push(outDir);

    const { code, stderr } = await lintFirefox(outDir);

    expect(code).toBe(1);
    expect(stderr).toContain('run "npm run build:firefox" first');
  });
});
