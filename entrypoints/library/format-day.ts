const formatters = new Map<string, Intl.DateTimeFormat>();

/** A moment (milliseconds since the epoch) as the day it fell on, in the user's time zone: "3 Apr 2024". */
export function formatDay(ms: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      formatter = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(locale, formatter);
  }
  return Number.isFinite(ms) ? formatter.format(new Date(ms)) : '';
}
