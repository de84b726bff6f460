import { extractDate } from '../text/extract-date.ts';

/** Shorter numbers than this are not timestamps (a year, a page number). */
const MIN_EPOCH_SECONDS = 1e9;
/** Numbers from here on are milliseconds, not seconds (year 5138 in seconds). */
const MIN_EPOCH_MS = 1e11;
/** A date field longer than this is a sentence, not a date. */
const MAX_DATE_TEXT = 100;
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/**
 * Reads a publication date from an imported field, as `ParsedArticle.publishedAt` wants it
 * (`2024-04-03`, or `2024-04-03T15:30` when a time is known). Takes the written forms
 * `extractDate` knows (ISO 8601, `April 3, 2024`, RFC 2822 `Wed, 03 Apr 2024 15:30:00 GMT`…), a
 * `Date`, or a Unix timestamp in seconds or milliseconds. Time zones are dropped, not converted,
 * like everywhere else in Cairn. Anything else, or an impossible date, gives undefined: a wrong
 * date is worse than none.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return fromDate(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < MIN_EPOCH_SECONDS) return undefined;
    return fromDate(new Date(value < MIN_EPOCH_MS ? value * 1000 : value));
  }
  if (typeof value !== 'string' || value.length > MAX_DATE_TEXT) return undefined;
  return extractDate(value)?.iso;
}

function fromDate(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}
