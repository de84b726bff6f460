/** Turns the runs of bench/highlight-bench.ts into the Markdown tables of docs/highlight-benchmark.md. */
import type { CairnResult, MarkResult, PhaseResult } from './highlight-in-page.ts';
import { cpuBetween, END, START, type TraceSummary } from './highlight-trace.ts';

/** A measurement plus what Chromium's trace says about the main thread over the same stretch. */
export type Traced<T> = T & { trace: TraceSummary };

/** Every run for one vocabulary size. */
export interface SizeResults {
  /** Idle callback always ready, the product's budgets: the main-thread time the product spends. */
  immediate: Array<Traced<CairnResult>>;
  /** Real `requestIdleCallback`, the product's budgets: how that work splits into tasks. */
  idle: Array<Traced<CairnResult>>;
  /** Idle callback always ready, budgets lifted: the cost of reading the whole page. */
  full: Array<Traced<CairnResult>>;
  /** Real `requestIdleCallback`, budgets lifted: the tasks of a whole-page scan. */
  idleFull: Array<Traced<CairnResult>>;
  phases: Array<Traced<PhaseResult>>;
  /** mark.js limited to the occurrences Cairn paints (the first few of each phrase). */
  markKept: Array<Traced<MarkResult>>;
  /** mark.js marking every occurrence. */
  markAll: Array<Traced<MarkResult>>;
}

/** Where and when a browser benchmark ran, shared by every report. */
export interface RunInfo {
  date: string;
  machine: string;
  chromium: string;
  node: string;
  /** The product code measured: commit and uncommitted changes. */
  code: string;
  loadBefore: number[];
  loadAfter: number[];
  runs: number;
}

export interface Measurements extends RunInfo {
  page: { chars: number; htmlBytes: number; articles: number; elements: number; blocks: number };
  keptPerPhrase: number;
  /** The product's character budget per page (`DEFAULT_MAX_CHARS`) and range cap. */
  maxChars: number;
  maxPaintedRanges: number;
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
  const chars = (runs: ReadonlyArray<Traced<CairnResult>>) => {
    const least = Math.min(...runs.map((run) => run.textLength));
    const truncated = runs.filter((run) => run.truncated).length;
    return `${least.toLocaleString('en')}${truncated > 0 ? ` (cut ${truncated}/${runs.length})` : ''}`;
  };

  out('### Cairn: with the product\'s budgets, and reading the whole page\n');
  out(`Budgets: the product reads at most ${m.maxChars.toLocaleString('en')} characters of a page and paints at most ` +
    `${m.maxPaintedRanges.toLocaleString('en')} ranges. "Text read" is the least any run read (and how many runs stopped at a budget). ` +
    'Total = scan, ranges, hover index, registration and the frame after, wall clock on the main thread, with an always-ready idle ' +
    'callback; CPU = main-thread thread time over the same stretch, from Chromium\'s trace. Longest task: the same work with real ' +
    'idle callbacks (trace; wall, and the CPU of that task).\n');
  out('| phrases | text read | CPU | total | longest task | ranges (matches) | whole page: text read | CPU | total | longest task | ranges (matches) |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    const side = (quick: ReadonlyArray<Traced<CairnResult>>, idle: ReadonlyArray<Traced<CairnResult>>) =>
      `${chars(quick)} | ${spread(quick.map((run) => run.trace.cpuMs))} | ${spread(quick.map(cairnTotal))} ` +
      `| ${spread(idle.map((run) => run.trace.longestTaskMs))}, CPU ${ms(median(idle.map((run) => run.trace.longestTaskCpuMs)))} ` +
      `| ${quick[0]!.ranges} (${quick[0]!.matches})`;
    out(`| ${size} | ${side(r.immediate, r.idle)} | ${side(r.full, r.idleFull)} |`);
  }
  out();

  if (rows.some(({ r }) => r.markKept.length > 0)) {
    out('### Cairn (whole page) against mark.js\n');
    out(`| phrases | Cairn total | Cairn CPU | mark.js first ${m.keptPerPhrase}/phrase: total | CPU | marks ` +
      '| ratio total / CPU | mark.js every occurrence: total | CPU | marks | ratio total / CPU |');
    out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { size, r } of rows) {
      const cairnWall = median(r.full.map(cairnTotal));
      const cairnCpu = median(r.full.map((run) => run.trace.cpuMs));
      const versus = (runs: ReadonlyArray<Traced<MarkResult>>) => runs.length === 0 ? '– | – | – | –'
        : `${spread(runs.map(markTotal))} | ${spread(runs.map((run) => run.trace.cpuMs))} | ${runs[0]!.marks} ` +
          `| ${ratio(median(runs.map(markTotal)), cairnWall)} / ${ratio(median(runs.map((run) => run.trace.cpuMs)), cairnCpu)}` +
          (runs.length < r.full.length ? ` (${runs.length} run${runs.length > 1 ? 's' : ''})` : '');
      out(`| ${size} | ${spread(r.full.map(cairnTotal))} | ${spread(r.full.map((run) => run.trace.cpuMs))} ` +
        `| ${versus(r.markKept)} | ${versus(r.markAll)} |`);
    }
    out();
  }

  out('### Where Cairn\'s time goes\n');
  out('Main-thread CPU time (thread time from the trace, between marks the page sets), p50. "Scan" is `scanPage` in one go, with the ' +
    'budgets and for the whole page; the phases after it are the whole-page work done one phase at a time on another fresh page ' +
    '(`findPhrases` called once per block there, where `scanPage` batches blocks). Frame: from registering the highlight ' +
    'to the task after the next frame; of it, Chromium\'s rendering steps. Compile: wall time in the page, outside the measurement.\n');
  out('| phrases | compile | scan (budget) | scan (whole page) | collect text | unpack matcher | scanWords | findPhrases (incl. words) ' +
    '| paintRanges | hover index | new Highlight + set | frame | of it pre-paint + paint | style + layout | GC (in the above) |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    const p = (from: string, to: string) => ms(median(r.phases.map((run) => cpuBetween(run.trace, from, to))));
    const c = (from: string, to: string, runs = r.immediate) => ms(median(runs.map((run) => cpuBetween(run.trace, from, to))));
    const wall = (pick: (run: Traced<CairnResult>) => number) => ms(median(r.immediate.map(pick)));
    out(`| ${size} | ${wall((run) => run.compileMs)} | ${c(START, 'scanned')} | ${c(START, 'scanned', r.full)} | ${p(START, 'collected')} ` +
      `| ${p('collected', 'unpacked')} | ${p('unpacked', 'worded')} | ${p('worded', 'found')} | ${c('paint', 'painted')} | ${c('painted', 'indexed')} ` +
      `| ${c('indexed', 'registered')} | ${c('registered', END)} | ${wall((run) => run.trace.paintMs)} ` +
      `| ${wall((run) => run.trace.styleMs + run.trace.layoutMs)} | ${wall((run) => run.trace.gcMs)} |`);
  }
  out();

  out('### Cairn with real idle callbacks\n');
  out('Time in chunks and longest chunk: own wall-clock timing of the idle chunks. Longest task and tasks: from the trace (all main-thread tasks ' +
    'from the scan\'s start to the frame after painting). Longtask API: the longest entry the page\'s own observer saw (0: none over 50 ms).\n');
  out('| phrases | budgets | text read | idle chunks | time in chunks | longest chunk | paint task | longest task | its CPU | longtask API | scan wall |');
  out('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, r } of rows) {
    for (const [budget, runs] of [['product', r.idle], ['lifted', r.idleFull]] as const) {
      const each = (pick: (run: Traced<CairnResult>) => number) => spread(runs.map(pick));
      out(`| ${size} | ${budget} | ${chars(runs)} ` +
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

/** `--quick`: the product's budgets only, one line per size. */
export function printQuickReport(m: Measurements): void {
  const out = (line = '') => console.log(line);
  out(`Date: ${m.date}; code: ${m.code}; load ${m.loadBefore[0]!.toFixed(1)} → ${m.loadAfter[0]!.toFixed(1)}; ${m.runs} runs.`);
  out('| phrases | text read | CPU | scan CPU | frame CPU | GC | longest task (wall) | its CPU | ranges (matches) |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [size, r] of m.results) {
    const cpu = (from: string, to: string) => spread(r.immediate.map((run) => cpuBetween(run.trace, from, to)));
    out(`| ${size.toLocaleString('en')} | ${r.immediate[0]!.textLength.toLocaleString('en')} | ${spread(r.immediate.map((run) => run.trace.cpuMs))} ` +
      `| ${cpu(START, 'scanned')} | ${cpu('registered', END)} | ${spread(r.immediate.map((run) => run.trace.gcMs))} | ${spread(r.idle.map((run) => run.trace.longestTaskMs))} ` +
      `| ${spread(r.idle.map((run) => run.trace.longestTaskCpuMs))} | ${r.immediate[0]!.ranges} (${r.immediate[0]!.matches}) |`);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `p50 (max)`. */
export function spread(values: readonly number[]): string {
  return values.length === 1 ? ms(values[0]!) : `${ms(median(values))} (${ms(Math.max(...values))})`;
}

function ratio(slow: number, fast: number): string {
  return `${(slow / fast).toFixed(slow / fast >= 10 ? 0 : 1)}×`;
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
