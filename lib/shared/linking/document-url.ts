import { cleanUrl } from '../import/clean-url.ts';

/**
 * The address of the document a URL shows, as the importer stores addresses (`cleanUrl`: http or
 * https only, parsed and written back by `URL`, so `HTTPS://Example.COM:443/a` is
 * `https://example.com/a`), without its fragment: `…/story#comments` is the same page as
 * `…/story`. Anything else (another scheme, garbage, too long) is undefined.
 */
export function documentUrl(value: unknown): string | undefined {
  const href = cleanUrl(value);
  if (href === undefined) return undefined;
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}
