/** Markdown for the painter comparison (`highlight-bench.ts --painters`), for docs/highlight-benchmark.md. */
import type { CairnResult } from './highlight-in-page.ts';
import { median, ms, spread, type RunInfo, type Traced } from './highlight-report.ts';
import { cpuBetween, END, START } from './highlight-trace.ts';
import { PAINTERS, SCROLL_FRAMES, SCROLL_STEP_PX, type PagePainterResults, type PainterSamples } from './painter-bench.ts';
import type { PainterKind } from './painter-in-page.ts';

export interface PainterMeasurements extends RunInfo {
  phrases: number;
  maxPaintedRanges: number;
  pages: PagePainterResults[];
}

const NAMES: Record<PainterKind, string> = { 'highlight-api': 'Highlight API', overlay: 'overlay', none: 'none (no marks)' };
const MEASURED: readonly PainterKind[] = ['highlight-api', 'overlay'];

export function printPainterReport(m: PainterMeasurements): void {
  const out = (line = '') => console.log(line);
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  out(`Date: ${m.date}; ${m.machine}; Chromium ${m.chromium} (headless, --disable-gpu); Node ${m.node}.  `);
  out(`Code: ${m.code}.  `);
  out(`Load average (1 / 5 / 15 min): ${load(m.loadBefore)} at start, ${load(m.loadAfter)} at end.  `);
  out(`${m.phrases.toLocaleString('en')} phrases, at most ${m.maxPaintedRanges} ranges painted. Pages: ` +
    m.pages.map(({ page }) => `${page.name} (${page.chars.toLocaleString('en')} characters of text, ${page.htmlBytes.toLocaleString('en')} bytes of HTML)`).join(', ') +
    `. p50 (max) over ${m.runs} runs; every measurement on a fresh tab, the painters' tabs interleaved. Main-thread CPU from Chromium's trace, ms.`);
  out();

  out('#### Scan and paint\n');
  out('CPU: scan, ranges, hover index, `painter.paint` and the two frames after, with an always-ready idle callback. Longest task: ' +
    'the same with real idle callbacks (wall, and that task\'s CPU). Ratio: overlay p50 / Highlight API p50.\n');
  out('| page | painter | CPU | of it scan | `paint()` | two frames after | of it style + layout | pre-paint + paint | longest task | its CPU | ranges |');
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { page, samples } of m.pages) {
    const p50 = (painter: PainterKind, pick: (run: Traced<CairnResult>) => number, runs: 'paint' | 'idle' = 'paint') =>
      median(samples.get(painter)![runs].map(pick));
    const columns: Array<[(run: Traced<CairnResult>) => number, 'paint' | 'idle']> = [
      [(run) => run.trace.cpuMs, 'paint'],
      [(run) => cpuBetween(run.trace, START, 'scanned'), 'paint'],
      [(run) => cpuBetween(run.trace, 'indexed', 'registered'), 'paint'],
      [(run) => cpuBetween(run.trace, 'registered', END), 'paint'],
      [(run) => run.trace.styleMs + run.trace.layoutMs, 'paint'],
      [(run) => run.trace.paintMs, 'paint'],
      [(run) => run.trace.longestTaskMs, 'idle'],
      [(run) => run.trace.longestTaskCpuMs, 'idle'],
    ];
    for (const painter of MEASURED) {
      const s = samples.get(painter)!;
      out(`| ${page.name} | ${NAMES[painter]} | ${columns.map(([pick, runs]) => spread(s[runs].map(pick))).join(' | ')} | ${s.paint[0]?.ranges ?? '–'} |`);
    }
    out(`| ${page.name} | **overlay / Highlight API** | ${columns.map(([pick, runs]) => ratio(p50('overlay', pick, runs), p50('highlight-api', pick, runs))).join(' | ')} | |`);
  }
  out();

  out(`#### Reflows\n`);
  out('Changes made one after the other on the painted tab, each followed by three frames: on the p90 page ' +
    `${stepList(m, 'p90')}; on the 1 MB page only ${stepList(m, '1mb')} (a new font size or width lays out the whole megabyte again, ` +
    'hundreds of ms of the page\'s own work that bury the painters\' part). `viewport` resizes the tab from 1280 to 1000 px wide. ' +
    'CPU per reflow: the whole series / its length. Added: minus the same page with no marks. rAF: `requestAnimationFrame` ' +
    'callbacks (where the overlay measures and moves its boxes). Longest task: over the whole series (wall, and its CPU).\n');
  out('| page | painter | CPU per reflow | added | of it rAF | style + layout | pre-paint + paint | longest task | its CPU |');
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { page, samples } of m.pages) {
    const perReflow = (s: PainterSamples) => s.reflow.map((run) => run.trace.cpuMs / run.steps.length);
    const none = median(perReflow(samples.get('none')!));
    for (const painter of PAINTERS) {
      const s = samples.get(painter)!;
      const each = (pick: (run: PainterSamples['reflow'][number]) => number) => spread(s.reflow.map(pick));
      out(`| ${page.name} | ${NAMES[painter]} | ${spread(perReflow(s))} | ${painter === 'none' ? '–' : ms(median(perReflow(s)) - none)} ` +
        `| ${each((run) => run.trace.animationFrameMs / run.steps.length)} ` +
        `| ${each((run) => (run.trace.styleMs + run.trace.layoutMs) / run.steps.length)} | ${each((run) => run.trace.paintMs / run.steps.length)} ` +
        `| ${each((run) => run.trace.longestTaskMs)} | ${each((run) => run.trace.longestTaskCpuMs)} |`);
    }
    const p50 = (painter: PainterKind) => median(perReflow(samples.get(painter)!));
    out(`| ${page.name} | **overlay / Highlight API** | ${ratio(p50('overlay'), p50('highlight-api'))} ` +
      `| ${ratio(p50('overlay') - none, p50('highlight-api') - none)} | | | | | |`);
  }
  out();
  for (const { page, samples } of m.pages) {
    const steps = page.reflowSteps;
    out(`CPU of each change on the ${page.name} (p50 over the runs), ms:\n`);
    out(`| painter | ${steps.join(' | ')} |`);
    out(`|---|${steps.map(() => '---:').join('|')}|`);
    for (const painter of PAINTERS) {
      const runs = samples.get(painter)!.reflow;
      out(`| ${NAMES[painter]} | ${steps.map((_, i) => ms(median(runs.map((run) => cpuBetween(run.trace, `step-${i}`, `done-${i}`))))).join(' | ')} |`);
    }
    out();
  }

  out('#### Scrolling\n');
  out(`${SCROLL_FRAMES} frames, the document scrolled ${SCROLL_STEP_PX} px down in each (\`scrollBy\` then a frame). CPU per frame: the whole ` +
    'stretch / frames. Added: minus the same page with no marks.\n');
  out('| page | painter | CPU per frame | added | longest task | its CPU |');
  out('|---|---|---:|---:|---:|---:|');
  for (const { page, samples } of m.pages) {
    const perFrame = (s: PainterSamples) => s.scroll.map((run) => run.trace.cpuMs / run.frames);
    const none = median(perFrame(samples.get('none')!));
    for (const painter of PAINTERS) {
      const s = samples.get(painter)!;
      out(`| ${page.name} | ${NAMES[painter]} | ${spread(perFrame(s))} | ${painter === 'none' ? '–' : ms(median(perFrame(s)) - none)} ` +
        `| ${spread(s.scroll.map((run) => run.trace.longestTaskMs))} | ${spread(s.scroll.map((run) => run.trace.longestTaskCpuMs))} |`);
    }
    const p50 = (painter: PainterKind) => median(perFrame(samples.get(painter)!));
    out(`| ${page.name} | **overlay / Highlight API** | ${ratio(p50('overlay'), p50('highlight-api'))} | | | |`);
  }
  out();

  out('#### Are the overlay\'s boxes on the text?\n');
  out('First run only, on a tab of its own (not timed): painted ranges with a line that no box covers, and boxes over no range, ' +
    'one frame after the change and three frames later. `shift` moves the text with a CSS transform, which resizes nothing.\n');
  out('| page | after | ranges | boxes | uncovered, 1 frame later | uncovered, settled | stray boxes, settled |');
  out('|---|---|---:|---:|---:|---:|---:|');
  for (const { page, check } of m.pages) {
    for (const { step, afterOneFrame, settled } of check) {
      out(`| ${page.name} | ${step} | ${settled.ranges} | ${settled.boxes} | ${afterOneFrame.uncovered} | ${settled.uncovered} | ${settled.stray} |`);
    }
  }
}

function stepList(m: PainterMeasurements, id: string): string {
  return m.pages.find(({ page }) => page.id === id)?.page.reflowSteps.join(', ') ?? '(not run)';
}

function ratio(value: number, reference: number): string {
  if (!Number.isFinite(value / reference) || reference <= 0) return '–';
  return `${(value / reference).toFixed(2)}×`;
}
