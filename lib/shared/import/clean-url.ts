import { MAX_URL_CHARS } from './limits.ts';

/**
 * A web address an article may link to: an absolute http or https URL of at most
 * `MAX_URL_CHARS` characters, resolved against `base` when relative and a base is given.
 * Anything else (`javascript:`, `data:`, `file:`, garbage) gives undefined: an imported file
 * decides what Cairn opens when the user clicks the link, so only the web is allowed.
 */
export function cleanUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > MAX_URL_CHARS) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.length <= MAX_URL_CHARS ? url.href : undefined;
}
