/** Turns the runs of bench/highlight-bench.ts into the Markdown tables of docs/highlight-benchmark.md. */
import type { CairnResult, MarkResult, PhaseResult } from './highlight-in-page.ts';
import { cpuBetween, END, START, type TraceSummary } from './highlight-trace.ts';

/** A measurement plus what Chromium's trace says about the main thread over the same stretch. */
export type Traced<T> = T & { trace: TraceSummary };

/** Every run for one vocabulary size. */
export interface SizeResults {
  /** Idle callback always ready, budget raised: the whole scan's main-thread time. */
  immediate: Array<Traced<CairnResult>>;
  /** Real `requestIdleCallback`, budget raised: how the work splits into tasks. */
  idle: Array<Traced<CairnResult>>;
  /** Real `requestIdleCallback`, the product's default budget (250 ms). */
  budget: Array<Traced<CairnResult>>;
  phases: Array<Traced<PhaseResult>>;
  /** mark.js limited to the occurrences Cairn paints (the first few of each phrase). */
  markKept: Array<Traced<MarkResult>>;
  /** mark.js marking every occurrence. */
  markAll: Array<Traced<MarkResult>>;
}

export interface Measurements {
  date: string;
  machine: string;
  chromium: string;
  node: string;
  /** The product code measured: commit and uncommitted changes. */
  code: string;
  loadBefore: number[];
  loadAfter: number[];
  runs: number;
  page: { chars: number; htmlBytes: number; articles: number; elements: number; blocks: number };
  keptPerPhrase: number;
  results: Map<number, SizeResults>;
}

/** Main-thread time of one Cairn run: scan, ranges, hover index, registration, and the frame after. */
export function cairnTotal(run: CairnResult): number {
  return run.scanMs + run.paintMs + run.hoverIndexMs + run.registerMs + run.frame.renderMs;
}

export function markTotal(run: MarkResult): number {
  return run.markMs + run.frame.renderMs;
}

export function printReport(m: Measurements): void {
  const out = (line = '') => console.log(line);
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  out(`Date: ${m.date}; ${m.machine}; Chromium ${m.chromium} (headless, --disable-gpu); Node ${m.node}.  `);
  out(`Code: ${m.code}.  `);
  out(`Load average (1 / 5 / 15 min): ${load(m.loadBefore)} at start, ${load(m.loadAfter)} at end (shared machine).  `);
  out(`Page: ${m.page.chars.toLocaleString('en')} characters of visible text, ${m.page.htmlBytes.toLocaleString('en')} bytes of HTML, ` +
    `${m.page.articles} articles, ${m.page.blocks} text blocks, ${m.page.elements} text elements. ` +
    `p50 = median, (max) over ${m.runs} runs, each on a fresh page (mark.js above 1,000 phrases: see the run count). Times in ms.`);
  out();
  const rows = [...m.results].map(([size, results]) => ({ size: size.toLocaleString('en'), r: results }));

  out('### Cairn against mark.js\n');
  out('Total = the work plus the frame after it, wall clock on the main thread; CPU = the main thread\'s thread time over ' +
    'the same stretch, from Chromium\'s trace. Longest task: Cairn with real idle callbacks (trace; wall, with its CPU).\n');
  out(`| phrases | Cairn total | Cairn CPU | Cairn longest task | ranges (matches) | mark.js first ${m.keptPerPhrase}/phrase: total | CPU | marks ` +
    '| ratio total / CPU | mark.js every occurrence: total | CPU | marks | ratio total / CPU |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    const cairnWall = median(r.immediate.map(cairnTotal));
    const cairnCpu = median(r.immediate.map((run) => run.trace.cpuMs));
    const versus = (runs: ReadonlyArray<Traced<MarkResult>>) => runs.length === 0 ? '– | – | – | –'
      : `${spread(runs.map(markTotal))} | ${spread(runs.map((run) => run.trace.cpuMs))} | ${runs[0]!.marks} ` +
        `| ${ratio(median(runs.map(markTotal)), cairnWall)} / ${ratio(median(runs.map((run) => run.trace.cpuMs)), cairnCpu)}` +
        (runs.length < r.immediate.length ? ` (${runs.length} run${runs.length > 1 ? 's' : ''})` : '');
    const longest = r.idle.map((run) => run.trace.longestTaskMs);
    out(`| ${size} | ${spread(r.immediate.map(cairnTotal))} | ${spread(r.immediate.map((run) => run.trace.cpuMs))} ` +
      `| ${spread(longest)}, CPU ${ms(median(r.idle.map((run) => run.trace.longestTaskCpuMs)))} ` +
      `| ${r.immediate[0]!.ranges} (${r.immediate[0]!.matches}) | ${versus(r.markKept)} | ${versus(r.markAll)} |`);
  }
  out();

  out('### Where Cairn\'s time goes\n');
  out('Main-thread CPU time (thread time from the trace, between marks the page sets), p50. "Whole scan" is `scanPage` in one go; ' +
    'the phases after it are the same work done one phase at a time on another fresh page. Frame: from registering the highlight ' +
    'to the task after the next frame; of it, Chromium\'s rendering steps. Compile: wall time in the page, outside the measurement.\n');
  out('| phrases | compile | whole scan | collect text | unpack matcher | scanWords | findPhrases (incl. words) | paintRanges | hover index ' +
    '| new Highlight + set | frame | of it pre-paint + paint | style + layout | GC (in the above) |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    const p = (from: string, to: string) => ms(median(r.phases.map((run) => cpuBetween(run.trace, from, to))));
    const c = (from: string, to: string) => ms(median(r.immediate.map((run) => cpuBetween(run.trace, from, to))));
    const wall = (pick: (run: Traced<CairnResult>) => number) => ms(median(r.immediate.map(pick)));
    out(`| ${size} | ${wall((run) => run.compileMs)} | ${c(START, 'scanned')} | ${p(START, 'collected')} | ${p('collected', 'unpacked')} ` +
      `| ${p('unpacked', 'worded')} | ${p('worded', 'found')} | ${c('paint', 'painted')} | ${c('painted', 'indexed')} ` +
      `| ${c('indexed', 'registered')} | ${c('registered', END)} | ${wall((run) => run.trace.paintMs)} ` +
      `| ${wall((run) => run.trace.styleMs + run.trace.layoutMs)} | ${wall((run) => run.trace.gcMs)} |`);
  }
  out();

  out('### Cairn with real idle callbacks\n');
  out('Time in chunks and longest chunk: own wall-clock timing of the idle chunks. Longest task and tasks: from the trace (all main-thread tasks ' +
    'from the scan\'s start to the frame after painting). Longtask API: the longest entry the page\'s own observer saw (0: none over 50 ms).\n');
  out('| phrases | budget | truncated | text read (min) | idle chunks | time in chunks | longest chunk | paint task | longest task | its CPU | longtask API | scan wall |');
  out('|---:|---|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    for (const [budget, runs] of [['raised', r.idle], ['250 ms (default)', r.budget]] as const) {
      const truncated = runs.filter((run) => run.truncated).length;
      const each = (pick: (run: Traced<CairnResult>) => number) => spread(runs.map(pick));
      out(`| ${size} | ${budget} | ${truncated}/${runs.length} | ${Math.min(...runs.map((run) => run.textLength)).toLocaleString('en')} ` +
        `| ${median(runs.map((run) => run.chunks))} | ${each((run) => run.scanMs)} | ${each((run) => run.longestChunkMs)} ` +
        `| ${each((run) => run.paintMs + run.hoverIndexMs + run.registerMs)} | ${each((run) => run.trace.longestTaskMs)} ` +
        `| ${each((run) => run.trace.longestTaskCpuMs)} | ${each((run) => run.longTasks.longestMs)} | ${each((run) => run.scanWallMs)} |`);
    }
  }
  out();

  out('### mark.js\n');
  out('CPU: main-thread thread time from the trace. Frame: wall (CPU) from `done` to the task after the next frame: ' +
    'style, layout and paint of the page with its new <mark> elements; the empty frame before is the floor.\n');
  out('| phrases | occurrences | runs | mark() to done | its CPU | frame | frame CPU | empty frame | longtask API | marks |');
  out('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    for (const [label, runs] of [[`first ${m.keptPerPhrase}`, r.markKept], ['all', r.markAll]] as const) {
      if (runs.length === 0) continue;
      const each = (pick: (run: Traced<MarkResult>) => number) => spread(runs.map(pick));
      out(`| ${size} | ${label} | ${runs.length} | ${each((run) => run.markMs)} | ${each((run) => cpuBetween(run.trace, START, 'marked'))} ` +
        `| ${each((run) => run.frame.renderMs)} | ${each((run) => cpuBetween(run.trace, 'marked', END))} ` +
        `| ${ms(median(runs.map((run) => run.frame.idleRenderMs)))} | ${each((run) => run.longTasks.longestMs)} | ${runs[0]!.marks} |`);
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `p50 (max)`. */
function spread(values: readonly number[]): string {
  return values.length === 1 ? ms(values[0]!) : `${ms(median(values))} (${ms(Math.max(...values))})`;
}

function ratio(slow: number, fast: number): string {
  return `${(slow / fast).toFixed(slow / fast >= 10 ? 0 : 1)}×`;
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
