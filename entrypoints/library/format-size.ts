import { formatNumber } from '../../lib/shared/text/format-number.ts';

/**
 * An article's length for a list: "1 char", "850 chars", "4.2k chars", "1.3M chars". One decimal below
 * ten thousand and ten million, none above, so the column stays short.
 */
export function formatChars(chars: number, locale: string): string {
  return `${compact(chars, locale, 1_000, 'k')} ${chars === 1 ? 'char' : 'chars'}`;
}

function compact(n: number, locale: string, base: number, unit: string): string {
  if (n < base) return formatNumber(Math.round(n), locale);
  const mega = n >= base * base * 0.9995;
  const value = mega ? n / (base * base) : n / base;
  const digits = value < 9.95 ? 1 : 0;
  return `${formatNumber(value, locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })}${mega ? 'M' : unit}`;
}

const BYTE_UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** A number of bytes for people: "512 bytes", "4.2 MB", "120 GB" (powers of 1,000, as browsers show them). */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 999.5 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 9.95 ? 0 : 1;
  return `${formatNumber(value, locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
}
