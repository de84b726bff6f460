/**
 * The page side of bench/highlight-bench.ts, bundled by esbuild into `globalThis.highlightBench`.
 * Each function runs once, on a fresh copy of the page, and returns plain numbers.
 *
 * Cairn runs exactly the content script's path (entrypoints/content/linker.ts): `scanPage` with a
 * `PageReader` (n-gram hashes, whatever the collection's size), then the occurrences of the
 * phrases the background named, `paintRanges` and a painter (`CSS.highlights` by default, or the overlay).
 * mark.js (injected separately as `globalThis.Mark`) wraps the same phrases in <mark> elements.
 */
import { keyHash } from '../lib/shared/linking/key-hash.ts';
import { PageReader } from '../lib/page/page-reader.ts';
import { primeWordScanner, scanWords, wordScannerProfile } from '../lib/shared/text/scan-words.ts';
import { collectBlocks } from '../lib/page/collect-text.ts';
import { paintRanges, type PaintedRange } from '../lib/page/paint-ranges.ts';
import { scanPage } from '../lib/page/scan-page.ts';
import { END, START } from './highlight-trace.ts';
import { forcedFrame, nextTask, stamp, watchLongTasks, type FrameTiming, type LongTasks } from './highlight-timing.ts';
import { createBenchPainter, rememberPainted, type PainterKind } from './painter-in-page.ts';

export { checkReflow, checkScroll, endReflow, placement, runScroll, startReflow, watchShadowRoots } from './painter-in-page.ts';
export type { FrameTiming, LongTasks } from './highlight-timing.ts';

const HIGHLIGHT = 'cairn-link';

export interface CairnOptions {
  keys: string[];
  /** `immediate`: an idle callback that is always ready, so the whole scan is one measured stretch of CPU. */
  idle: 'immediate' | 'requestIdleCallback';
  /** Passed to `scanPage`; undefined keeps the product's default (250 ms). */
  maxWorkMs?: number;
  /** Passed to `scanPage`; undefined keeps the product's character budget (`DEFAULT_MAX_CHARS`). */
  maxChars?: number;
  /** Which painter shows the ranges; default the Highlight API. It is made before the clock starts, as linker.ts makes it at start. */
  painter?: PainterKind;
  /** Frames waited after painting before the clock stops; default 1 (the overlay could still be placing boxes in the second). */
  settleFrames?: number;
  /** Runs V8's profiler (`console.profile`) from the scan's start to its end (bench/highlight-profile.ts). */
  profile?: boolean;
}

export interface CairnResult {
  /** Hashing the phrases the background answers with (the background's work, shown for scale). */
  compileMs: number;
  /** Main-thread time inside the scan's idle chunks, summed. */
  scanMs: number;
  chunks: number;
  longestChunkMs: number;
  /** From the scan's start to its end, idle waits included. */
  scanWallMs: number;
  paintMs: number;
  /** The hover lookup by text node that linker.ts builds after `paintRanges`. */
  hoverIndexMs: number;
  /** `painter.paint(ranges)`: for the Highlight API `new Highlight(...ranges)` plus `CSS.highlights.set`. */
  registerMs: number;
  frame: FrameTiming;
  longTasks: LongTasks;
  matches: number;
  ranges: number;
  textLength: number;
  truncated: boolean;
}

export async function runCairn(options: CairnOptions): Promise<CairnResult> {
  const compileStarted = performance.now();
  // The content script receives no vocabulary: the background answers a report with the hashes of
  // the phrases to paint, here all of `keys`.
  const wanted = new Set(options.keys.map(keyHash));
  const phraseWords = new Set(options.keys.flatMap((key) => key.split(' ')).map(keyHash));
  const reader = new PageReader();
  // The background also sends this browser's word-break profile; linker.ts primes the scanner with it.
  primeWordScanner(structuredClone(wordScannerProfile()));
  const compileMs = performance.now() - compileStarted;
  const painter = createBenchPainter(options.painter ?? 'highlight-api');
  const { renderMs: idleRenderMs } = await forcedFrame();

  const longTasks = watchLongTasks();
  const chunks: number[] = [];
  let chunkStarted = -1;
  const idle = options.idle === 'immediate'
    ? () => Promise.resolve({ timeRemaining: () => 50 })
    : () => new Promise<IdleDeadline>((resolve) => {
      if (chunkStarted >= 0) chunks.push(performance.now() - chunkStarted);
      requestIdleCallback((deadline) => {
        chunkStarted = performance.now();
        resolve(deadline);
      }, { timeout: 1000 });
    });
  const started = stamp(START);
  if (options.profile) console.profile('scan');
  const scan = await scanPage({
    root: document.body, reader, idle, maxWorkMs: options.maxWorkMs, maxChars: options.maxChars,
  });
  // The background's first answer (worked out before the clock started): which of the page's
  // words are words of its phrases; the page then hashes the n-grams made of them, as linker.ts does.
  const report = scan.report(scan.words.flatMap((word, i) => (phraseWords.has(word) ? [i] : [])));
  if (options.profile) console.profileEnd('scan');
  const scanEnded = stamp('scanned');
  chunks.push(scanEnded - (chunkStarted >= 0 ? chunkStarted : started));
  // linker.ts paints after a round trip to the background: a task of its own.
  if (options.idle !== 'immediate') await nextTask();

  const paintStarted = stamp('paint');
  const painted = paintRanges(scan.occurrences(wanted), wanted);
  const paintEnded = stamp('painted');
  hoverIndex(painted);
  const indexEnded = stamp('indexed');
  const ranges = painted.map((entry) => entry.range);
  painter.paint(ranges);
  const registered = stamp('registered');
  rememberPainted(ranges);
  const frame = await forcedFrame(idleRenderMs);
  for (let more = 1; more < (options.settleFrames ?? 1); more++) await forcedFrame();
  stamp(END);

  return {
    compileMs,
    scanMs: chunks.reduce((sum, chunk) => sum + chunk, 0),
    chunks: chunks.length,
    longestChunkMs: Math.max(...chunks),
    scanWallMs: scanEnded - started,
    paintMs: paintEnded - paintStarted,
    hoverIndexMs: indexEnded - paintEnded,
    registerMs: registered - indexEnded,
    frame,
    longTasks: await longTasks(started),
    matches: report.keys.reduce((sum, key, i) => sum + (wanted.has(key) ? report.counts[i]! : 0), 0),
    ranges: painted.length,
    textLength: scan.textLength,
    truncated: scan.truncated,
  };
}

export interface PhaseResult {
  /** `collectBlocks` alone: walking the DOM, visibility checks, joining text nodes into blocks. */
  collectMs: number;
  blocks: number;
  /** Hashing the phrases to paint (the background's answer), once per page. */
  unpackMs: number;
  /** `scanWords` over every block: finding the words. */
  wordsMs: number;
  /** `PageReader.read` over every block, one call per block: words again, term lanes and n-gram hashes. */
  findMs: number;
  paintMs: number;
  registerMs: number;
  frame: FrameTiming;
}

/** The same work as `runCairn`, one phase at a time, to see where the time goes. */
export async function runPhases(keys: string[]): Promise<PhaseResult> {
  const { renderMs: idleRenderMs } = await forcedFrame();
  const t0 = stamp(START);
  const blocks = [...collectBlocks(document.body, { maxChars: Infinity })];
  const t1 = stamp('collected');
  const wanted = new Set(keys.map(keyHash));
  const reader = new PageReader();
  reader.reset();
  const t2 = stamp('unpacked');
  for (const block of blocks) scanWords(block.text);
  const t3 = stamp('worded');
  let before = 0;
  const reads = blocks.map((block) => {
    const read = reader.read(block.text, before);
    before += block.text.length;
    return read;
  });
  const t4 = stamp('found');
  const occurrences = reads.flatMap((read, b) => {
    const found: { phrase: number; block: (typeof blocks)[number]; start: number; end: number }[] = [];
    reader.locate(read, wanted, (phrase, start, end) => found.push({ phrase, block: blocks[b]!, start, end }));
    return found;
  });
  const t5 = stamp('kept');
  const painted = paintRanges(occurrences, wanted);
  const t6 = stamp('painted');
  CSS.highlights.set(HIGHLIGHT, new Highlight(...painted.map((entry) => entry.range)));
  const t7 = stamp('registered');
  const frame = await forcedFrame(idleRenderMs);
  stamp(END);
  return {
    collectMs: t1 - t0, blocks: blocks.length, unpackMs: t2 - t1, wordsMs: t3 - t2, findMs: t4 - t3,
    paintMs: t6 - t5, registerMs: t7 - t6, frame,
  };
}

interface MarkOptions {
  separateWordSearch: boolean;
  accuracy: { value: 'exactly'; limiters: string[] };
  diacritics: boolean;
  acrossElements: boolean;
  caseSensitive: boolean;
  filter?: (node: Text, term: string, total: number, counter: number) => boolean;
  done: (total: number) => void;
}
type MarkConstructor = new (context: Element) => { mark(keywords: string[], options: MarkOptions): void };

/** Keywords per `mark()` call. */
const MARK_BATCH = 100;

/** ASCII punctuation and typographic quotes end a word too, not only spaces (mark.js's default). */
const LIMITERS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014'];

export interface MarkResult {
  /** From the first `mark()` to the last `done`: mark.js runs synchronously, so this is one task. */
  markMs: number;
  frame: FrameTiming;
  longTasks: LongTasks;
  marks: number;
}

/**
 * mark.js with the options that compare fairly: case-insensitive whole words, a phrase as one
 * keyword. `perPhrase` limits it to the first occurrences of each phrase, as Cairn paints; null
 * marks every occurrence (mark.js's own behaviour).
 */
export async function runMark(labels: string[], perPhrase: number | null): Promise<MarkResult> {
  const Mark = (globalThis as unknown as { Mark: MarkConstructor }).Mark;
  const { renderMs: idleRenderMs } = await forcedFrame();
  const longTasks = watchLongTasks();
  const started = stamp(START);
  let marks = 0;
  const options: MarkOptions = {
    separateWordSearch: false,
    accuracy: { value: 'exactly', limiters: LIMITERS },
    diacritics: false,
    acrossElements: false,
    caseSensitive: false,
    done: (total) => (marks += total),
  };
  if (perPhrase !== null) options.filter = (_node, _term, _total, counter) => counter < perPhrase;
  // mark() recurses once per keyword: about 1,000 keywords overflow the stack. With iframes off it
  // is synchronous, so batches one after the other do the same work in the same task.
  const instance = new Mark(document.body);
  for (let at = 0; at < labels.length; at += MARK_BATCH) instance.mark(labels.slice(at, at + MARK_BATCH), options);
  const markMs = stamp('marked') - started;
  const frame = await forcedFrame(idleRenderMs);
  stamp(END);
  return { markMs, frame, longTasks: await longTasks(started), marks };
}

/** Waits for the page to be laid out and painted once, so the work measured next starts clean. */
export async function settle(): Promise<void> {
  await forcedFrame();
  await forcedFrame();
}

/** What linker.ts builds after painting, so a hover can find its range by text node. */
function hoverIndex(painted: readonly PaintedRange[]): Map<Node, PaintedRange[]> {
  const byNode = new Map<Node, PaintedRange[]>();
  const indexUnder = (node: Node, entry: PaintedRange) => {
    const entries = byNode.get(node);
    if (entries) entries.push(entry);
    else byNode.set(node, [entry]);
  };
  for (const entry of painted) {
    const { startContainer, endContainer } = entry.range;
    indexUnder(startContainer, entry);
    if (endContainer !== startContainer) indexUnder(endContainer, entry);
  }
  return byNode;
}
