import * as v from 'valibot';
import type { ArticleListing } from '../../protocol.ts';

const optionalText = v.optional(v.string());

/** A library row as it must be read back: a broken one is left out rather than break the list. */
const listingSchema = v.object({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: v.string(),
  origin: v.picklist(['seed', 'file', 'page', 'paste']),
  importedAt: v.number(),
  size: v.pipe(v.number(), v.minValue(0)),
  tags: v.array(v.string()),
  source: optionalText,
  author: optionalText,
  publishedAt: optionalText,
  url: optionalText,
  fileName: optionalText,
});

/** The rows that have the shape the library relies on (sorting, filtering, dates). */
export function validListings(rows: unknown[]): ArticleListing[] {
  const valid: ArticleListing[] = [];
  let broken = 0;
  for (const row of rows) {
    if (v.is(listingSchema, row)) valid.push(row as ArticleListing);
    else broken += 1;
  }
  if (broken > 0) console.warn(`listing: ${broken} library row(s) are damaged and left out of the list`);
  return valid;
}
