const formats = new Map<string, Intl.NumberFormat>();

/**
 * `n.toLocaleString(locale, options)` with the formatter kept: `toLocaleString` builds a new
 * `Intl.NumberFormat` on every call, which is what made an import report of thousands of rows
 * slow to redraw. An unknown locale falls back to the browser's.
 */
export function formatNumber(n: number, locale: string, options?: Intl.NumberFormatOptions): string {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format.format(n);
}
