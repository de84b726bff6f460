/**
 * Reads a Chromium trace of one measurement for bench/highlight-bench.ts: the renderer main
 * thread's tasks between two `performance.mark`s, with their thread (CPU) time as well as their
 * wall time. On a shared machine the wall time includes stretches where the thread was not
 * running; the thread time does not, so it is the steadier number.
 */

/** Trace categories: tasks and user-timing marks, which cost next to nothing to record. */
export const LIGHT_TRACE = ['toplevel', 'blink.user_timing'];
/**
 * Plus the rendering steps of each frame and garbage collection. Not for mark.js: this records an
 * event for every call from the browser into JavaScript (its NodeIterator filter: about 850,000
 * calls at 100 phrases), which slows it five-fold and overflows the trace buffer.
 */
export const FULL_TRACE = [...LIGHT_TRACE, 'devtools.timeline', 'v8'];

/** The page names its marks `MARK_PREFIX + step`; the measured stretch runs from `START` to `END`. */
export const MARK_PREFIX = 'highlight-bench:';
export const START = 'start';
export const END = 'end';

/** When a mark was made: wall clock and the main thread's CPU clock, in ms (only differences mean anything). */
export interface MarkTime {
  wallMs: number;
  cpuMs: number;
}

export interface TraceSummary {
  /** Main-thread tasks that overlap the marked stretch. */
  tasks: number;
  /** Their wall time and thread time, summed. */
  wallMs: number;
  cpuMs: number;
  /** The longest of them, wall time, and the thread time of that task. */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** Thread time of the rendering steps inside those tasks (0 in a `LIGHT_TRACE`). */
  styleMs: number;
  layoutMs: number;
  /** Pre-paint, paint and layerize: turning the laid-out page into display lists. */
  paintMs: number;
  /** Garbage collection on the main thread (inside the tasks above, not in addition to them). */
  gcMs: number;
  /** Thread time of `requestAnimationFrame` callbacks (0 in a `LIGHT_TRACE`). */
  animationFrameMs: number;
  /** Every mark the page made, by step name. */
  marks: Record<string, MarkTime>;
}

/** Main-thread CPU time from mark `from` to mark `to`: every task in between, and nothing else. */
export function cpuBetween(trace: TraceSummary, from: string, to: string): number {
  const a = trace.marks[from];
  const b = trace.marks[to];
  if (!a || !b) throw new Error(`highlight-trace: no mark "${a ? to : from}" in the trace`);
  return b.cpuMs - a.cpuMs;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
}

const TASK = 'ThreadControllerImpl::RunTask';
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles']);
const LAYOUT = new Set(['Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'PaintImage', 'UpdateLayer']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GC_MARK_COMPACTOR']);
const ANIMATION_FRAME = new Set(['FireAnimationFrame']);

export function summarizeTrace(json: string): TraceSummary {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks: Record<string, MarkTime> = {};
  for (const event of events) {
    if (!event.name.startsWith(MARK_PREFIX) || event.tts === undefined) continue;
    marks[event.name.slice(MARK_PREFIX.length)] = { wallMs: event.ts / 1000, cpuMs: event.tts / 1000 };
  }
  const start = events.find((event) => event.name === MARK_PREFIX + START);
  const end = events.find((event) => event.name === MARK_PREFIX + END);
  if (!start || !end) throw new Error('highlight-trace: the trace has no start or end mark');
  const onMainThread = (event: TraceEvent) => event.pid === start.pid && event.tid === start.tid && event.ph === 'X';
  const overlaps = (event: TraceEvent) => event.ts < end.ts && event.ts + (event.dur ?? 0) > start.ts;
  const inWindow = events.filter((event) => onMainThread(event) && overlaps(event));
  const tasks = inWindow.filter((event) => event.name === TASK);
  const longest = tasks.reduce<TraceEvent | null>((best, task) => (!best || (task.dur ?? 0) > (best.dur ?? 0) ? task : best), null);
  const sum = (list: readonly TraceEvent[], field: 'dur' | 'tdur') => list.reduce((total, event) => total + (event[field] ?? 0), 0) / 1000;
  const named = (names: ReadonlySet<string>) => sum(outermost(inWindow.filter((event) => names.has(event.name))), 'tdur');
  return {
    tasks: tasks.length,
    wallMs: sum(tasks, 'dur'),
    cpuMs: sum(tasks, 'tdur'),
    longestTaskMs: (longest?.dur ?? 0) / 1000,
    longestTaskCpuMs: (longest?.tdur ?? 0) / 1000,
    styleMs: named(STYLE),
    layoutMs: named(LAYOUT),
    paintMs: named(PAINT),
    gcMs: named(GC),
    animationFrameMs: named(ANIMATION_FRAME),
    marks,
  };
}

/** Drops events nested in another of the list ("Paint" inside "Paint"), so none is counted twice. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  let coveredUntil = -Infinity;
  for (const event of [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (event.ts < coveredUntil) continue;
    kept.push(event);
    coveredUntil = event.ts + (event.dur ?? 0);
  }
  return kept;
}
