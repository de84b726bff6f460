/**
 * The painter comparison of bench/highlight-bench.ts (`--painters`, Cairn issue 8): the overlay
 * painter against the Highlight API painter on the same pages in the same run, each measurement on
 * a fresh tab, the painters' tabs interleaved (their order turns with every run). Per page and
 * painter: the scan and paint (always-ready idle callback: the CPU; real idle callbacks: the
 * tasks), then on the idle tab a scroll and a series of reflows. `none` (scan, no marks) gives
 * what the page's own scrolling and reflows cost.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { fresh, inPage, traced } from './highlight-browser.ts';
import type { CairnResult } from './highlight-in-page.ts';
import type { Traced } from './highlight-report.ts';
import { FULL_TRACE } from './highlight-trace.ts';
import type { Placement, PainterKind, ReflowStep, ScrollResult } from './painter-in-page.ts';

export const PAINTERS: readonly PainterKind[] = ['highlight-api', 'overlay', 'none'];

/** The reflows measured, in order: each is undone later, so the page ends as it started. */
export const REFLOW_STEPS: readonly ReflowStep[] = ['font', 'width', 'insert', 'viewport', 'remove', 'font-back', 'width-back', 'viewport-back'];
/**
 * On the 1 MB page a new font size or width lays out a megabyte of text again (0.1–0.6 s of the
 * page's own work), which buries what the painters add: there, only the changes that leave most
 * lines where they are.
 */
export const LIGHT_REFLOWS: readonly ReflowStep[] = ['insert', 'viewport', 'remove', 'viewport-back'];
/** The placement check also moves the text without resizing anything. */
const SHIFT_STEPS: readonly ReflowStep[] = ['shift', 'shift-back'];

/** The tab's size (Playwright's default) and the narrower one of the `viewport` step. */
const WIDE = { width: 1280, height: 720 };
const NARROW = { width: 1000, height: 720 };
/** Scrolling: frames, and CSS pixels per frame (about a wheel notch). */
export const SCROLL_FRAMES = 40;
export const SCROLL_STEP_PX = 100;
/** The frames after painting that are measured: the overlay could still be placing boxes in the second. */
const SETTLE_FRAMES = 2;

export interface BenchPageRef {
  id: string;
  name: string;
  reflowSteps: readonly ReflowStep[];
  path: string;
  chars: number;
  htmlBytes: number;
}

export interface ReflowRun {
  steps: ReflowStep[];
}

export interface PainterSamples {
  /** Always-ready idle callback: the main-thread CPU of scan + paint (not run for `none`). */
  paint: Array<Traced<CairnResult>>;
  /** Real idle callbacks: the tasks of scan + paint. */
  idle: Array<Traced<CairnResult>>;
  scroll: Array<Traced<ScrollResult>>;
  reflow: Array<Traced<ReflowRun>>;
}

export interface PlacementCheck {
  /** `paint`: just after painting; `scroll`: one frame after scrolling the document down. */
  step: ReflowStep | 'paint' | 'scroll';
  afterOneFrame: Placement;
  settled: Placement;
}

export interface PagePainterResults {
  page: BenchPageRef;
  samples: Map<PainterKind, PainterSamples>;
  /** The overlay's boxes against its ranges' text after each change (first run only, untimed). */
  check: PlacementCheck[];
}

export interface PainterOptions {
  context: BrowserContext;
  base: string;
  pages: readonly BenchPageRef[];
  keys: string[];
  runs: number;
}

export async function comparePainters(options: PainterOptions): Promise<PagePainterResults[]> {
  const { context, base, keys, runs } = options;
  const results: PagePainterResults[] = options.pages.map((page) => ({
    page, check: [],
    samples: new Map(PAINTERS.map((painter) => [painter, { paint: [], idle: [], scroll: [], reflow: [] }])),
  }));
  for (let run = 1; run <= runs; run++) {
    const order = PAINTERS.map((_, i) => PAINTERS[(i + run) % PAINTERS.length]!);
    for (const result of results) {
      const path = result.page.path;
      const step = (what: string) => console.error(`${(performance.now() / 1000).toFixed(0)} s: run ${run}/${runs}, ${result.page.name}: ${what}`);
      step(`scan and paint (${order.join(', ')})`);
      for (const painter of order) {
        if (painter === 'none') continue;
        result.samples.get(painter)!.paint.push(await fresh(context, base, { path }, (tab) => traced(tab, FULL_TRACE, () =>
          inPage(tab, 'runCairn', { keys, idle: 'immediate', painter, settleFrames: SETTLE_FRAMES }))));
      }
      step('idle callbacks, scroll, reflows');
      for (const painter of order) {
        const samples = result.samples.get(painter)!;
        await fresh(context, base, { path }, async (tab) => {
          samples.idle.push(await traced(tab, FULL_TRACE, () =>
            inPage(tab, 'runCairn', { keys, idle: 'requestIdleCallback', painter, settleFrames: SETTLE_FRAMES })));
          samples.scroll.push(await traced(tab, FULL_TRACE, () => inPage(tab, 'runScroll', SCROLL_FRAMES, SCROLL_STEP_PX)));
          samples.reflow.push(await traced(tab, FULL_TRACE, () => reflow(tab, result.page.reflowSteps)));
        });
      }
      if (run === 1) {
        step('placement check');
        result.check = await checkPlacement(context, base, path, keys, result.page.reflowSteps);
      }
    }
  }
  return results;
}

async function reflow(tab: Page, steps: readonly ReflowStep[]): Promise<ReflowRun> {
  for (const [index, step] of steps.entries()) {
    await inPage(tab, 'startReflow', step, index);
    await resizeFor(tab, step);
    await inPage(tab, 'endReflow', index, index === steps.length - 1);
  }
  await tab.setViewportSize(WIDE);
  return { steps: [...steps] };
}

function resizeFor(tab: Page, step: ReflowStep): Promise<void> {
  if (step === 'viewport') return tab.setViewportSize(NARROW);
  if (step === 'viewport-back') return tab.setViewportSize(WIDE);
  return Promise.resolve();
}

/** Paints with the overlay on a fresh tab, then checks its boxes after each change and after scrolling. */
function checkPlacement(
  context: BrowserContext, base: string, path: string, keys: string[], steps: readonly ReflowStep[],
): Promise<PlacementCheck[]> {
  return fresh(context, base, { path }, async (tab) => {
    await inPage(tab, 'watchShadowRoots');
    await inPage(tab, 'runCairn', { keys, idle: 'immediate', painter: 'overlay', settleFrames: SETTLE_FRAMES });
    const checks: PlacementCheck[] = [];
    const painted = await inPage(tab, 'placement');
    checks.push({ step: 'paint', afterOneFrame: painted, settled: painted });
    const scrolled = await inPage(tab, 'checkScroll', SCROLL_FRAMES * SCROLL_STEP_PX);
    checks.push({ step: 'scroll', afterOneFrame: scrolled, settled: scrolled });
    for (const step of [...steps, ...SHIFT_STEPS]) {
      await resizeFor(tab, step);
      checks.push({ step, ...await inPage(tab, 'checkReflow', step) });
    }
    await tab.setViewportSize(WIDE);
    return checks;
  });
}
