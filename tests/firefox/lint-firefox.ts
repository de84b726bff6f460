// `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org
// runs on upload) over the built Firefox add-on. Any error fails; warnings are listed, one a line.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cmd, type LintMessage } from 'web-ext';

/** Lints the add-on in `sourceDir`: how many errors, and one line per message plus a summary. */
export async function lintAddOn(sourceDir: string): Promise<{ errors: number; lines: string[] }> {
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    return { errors: 1, lines: [`lint:firefox: no built add-on in ${sourceDir}: run "npm run build:firefox" first.`] };
  }
  const report = await cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
  const { errors, warnings, notices } = report.summary;
  return {
    errors,
    lines: [
      ...report.errors.map((m) => formatMessage('error', m)),
      ...report.warnings.map((m) => formatMessage('warning', m)),
      ...report.notices.map((m) => formatMessage('notice', m)),
      `lint:firefox: ${errors} errors, ${warnings} warnings, ${notices} notices in ${sourceDir}`,
    ],
  };
}

/** `warning UNSAFE_VAR_ASSIGNMENT chunks/x.js:9:1781 Unsafe assignment to innerHTML` */
function formatMessage(kind: string, message: LintMessage): string {
  const where = message.file ? ` ${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}` : '';
  const description = Array.isArray(message.description) ? message.description.join(' ') : message.description;
  // The manifest's messages say what is wrong only in their description.
  const detail = message.file === 'manifest.json' && description ? ` (${description})` : '';
  return `${kind} ${message.code}${where} ${message.message}${detail}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { errors, lines } = await lintAddOn(resolve(root, process.env.CAIRN_OUT_DIR ?? '.output', 'firefox-mv2'));
  for (const line of lines) (errors > 0 ? console.error : console.log)(line);
  if (errors > 0) process.exitCode = 1;
}
