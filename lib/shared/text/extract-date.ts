/** A calendar date (and perhaps a time of day) found in a line. */
export interface DateMatch {
  /** ISO 8601 without a time zone: `2024-04-03`, or `2024-04-03T15:30` when a time was given. */
  iso: string;
  /** UTF-16 offsets of the date and its time (and time zone, dropped) in the line. */
  start: number;
  end: number;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONE = String.raw`(?:\s*(?:Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[ECMP][SD]T|BJT|CES?T|BST|JST|KST|HKT|SGT)\b)?`;
const TIME = String.raw`(?:(?:\s*[T,]\s*|\s+(?:at\s+)?)(?<hour>\d{1,2})[:：](?<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*(?<half>[ap])\.?m\b\.?)?${ZONE})?`;

/** Each pattern names its parts `year`, `month` (a number or a name) and `day`. */
const PATTERNS = [
  String.raw`(?<![\d/.-])(?<year>\d{4})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?!\d)`,
  String.raw`(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日`,
  String.raw`\b(?<month>${MONTHS})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?!\d)`,
  String.raw`(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>${MONTHS})\.?,?\s+(?<year>\d{4})(?!\d)`,
].map((source) => new RegExp(source + TIME, 'giu'));

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/**
 * Finds the first valid date in a line, written as `2024-04-03`, `2024/04/03`, `2024.04.03`,
 * `2024年4月3日`, `April 3, 2024`, `Apr. 3rd, 2024` or `3 April 2024`, with an optional time
 * (`15:30`, `T15:30:00Z`, `3:30 pm`, `at 15:30 GMT`). Time zones are dropped, not converted: the
 * time is kept as the page showed it. Impossible dates (month 13, February 30) are not dates; an
 * impossible time leaves the date alone. Ambiguous forms such as `03/04/2024` are not read.
 */
export function extractDate(line: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (const pattern of PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      const iso = toIso(match.groups ?? {});
      if (iso === undefined) continue;
      if (best === undefined || match.index < best.start) {
        best = { iso, start: match.index, end: match.index + match[0].length };
      }
      break;
    }
  }
  return best;
}

function toIso(parts: Record<string, string | undefined>): string | undefined {
  const year = Number(parts.year);
  const month = monthNumber(parts.month ?? '');
  const day = Number(parts.day);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const time = timeOfDay(parts.hour, parts.minute, parts.half);
  return time === undefined ? date : `${date}T${time}`;
}

function monthNumber(month: string): number {
  return /^\d+$/.test(month) ? Number(month) : MONTH_INDEX.indexOf(month.slice(0, 3).toLowerCase()) + 1;
}

function timeOfDay(hourText?: string, minuteText?: string, half?: string): string | undefined {
  if (hourText === undefined || minuteText === undefined) return undefined;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
