/** A date as a search filter gives it: `2024`, `2024-06` or `2024-06-30`. */
export type DateBound = string;

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The bound written in `text`, or null when it is not a real year, month or day. */
export function parseDateBound(text: string): DateBound | null {
  const match = BOUND.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return year!;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= lastDay ? `${year}-${month}-${day}` : null;
}

/** Whether a `YYYY-MM-DD…` date falls before the whole of the bound's year, month or day. */
export function isBefore(date: string, bound: DateBound): boolean {
  return date.slice(0, bound.length) < bound;
}

/**
 * Whether a `YYYY-MM-DD…` date falls on or after the start of the bound's year, month or day
 * (as Gmail's `after:` includes its day: `after:2023-06` is from June 2023 on).
 */
export function isOnOrAfter(date: string, bound: DateBound): boolean {
  return date.slice(0, bound.length) >= bound;
}

/** Of two `before:` bounds, the one that lets fewer dates through (the earlier start). */
export function narrowerBefore(a: DateBound, b: DateBound): DateBound {
  return a.padEnd(10, '-00-00') <= b.padEnd(10, '-00-00') ? a : b;
}

/** Of two `after:` bounds, the one that lets fewer dates through (the later start). */
export function narrowerAfter(a: DateBound, b: DateBound): DateBound {
  return a.padEnd(10, '-00-00') >= b.padEnd(10, '-00-00') ? a : b;
}
