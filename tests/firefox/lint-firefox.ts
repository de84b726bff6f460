// `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org
// runs on upload) over the built Firefox add-on. Any error fails; warnings are listed, one a line.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmd, type LintMessage, type LintReport } from 'web-ext';

const outDir = process.env.CAIRN_OUT_DIR ?? '.output';
const sourceDir = resolve(fileURLToPath(new URL('../..', import.meta.url)), outDir, 'firefox-mv2');

/** One line per message: `warning UNSAFE_VAR_ASSIGNMENT chunks/x.js:9:1781 Unsafe assignment to innerHTML`. */
function formatMessage(kind: string, message: LintMessage): string {
  const where = message.file ? ` ${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}` : '';
  const description = Array.isArray(message.description) ? message.description.join(' ') : message.description;
  // The manifest's messages say what is wrong only in their description.
  const detail = message.file === 'manifest.json' && description ? ` (${description})` : '';
  return `${kind} ${message.code}${where} ${message.message}${detail}`;
}

function formatReport(report: LintReport): string[] {
  return [
    ...report.errors.map((m) => formatMessage('error', m)),
    ...report.warnings.map((m) => formatMessage('warning', m)),
    ...report.notices.map((m) => formatMessage('notice', m)),
    `lint:firefox: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices in ${sourceDir}`,
  ];
}

async function main(): Promise<void> {
  if (!existsSync(`${sourceDir}/manifest.json`)) {
    console.error(`lint:firefox: no built add-on in ${sourceDir}: run "npm run build:firefox" first.`);
    process.exitCode = 1;
    return;
  }
  const report = await cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
  for (const line of formatReport(report)) console.log(line);
  if (report.summary.errors > 0) process.exitCode = 1;
}

await main();
