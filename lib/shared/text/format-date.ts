/**
 * A publication date as a reader would write it: `2024-04-03` → "3 Apr 2024" in `en-GB`,
 * "Apr 3, 2024" in `en-US`. Takes the ISO 8601 forms articles store (`2024-04-03`,
 * `2024-04-03T15:30`, optionally with seconds) and shows the day only: a time of day says little
 * in a list of articles. Anything else, or a day that does not exist (`2024-02-30`), gives
 * undefined, so callers can simply leave the date out.
 *
 * @param locale BCP 47 tag(s) to format for; an invalid tag falls back to the runtime's default.
 */
export function formatDate(iso: string | undefined, locale: string | readonly string[]): string | undefined {
  const match = iso === undefined ? null : ISO_DATE.exec(iso.trim());
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  // Built in UTC and formatted in UTC, so the day shown never shifts with the user's time zone.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return formatterFor(locale).format(date);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string | readonly string[]): Intl.DateTimeFormat {
  const key = typeof locale === 'string' ? locale : locale.join(',');
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    try {
      formatter = new Intl.DateTimeFormat(locale as string | string[], options);
    } catch {
      formatter = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}
