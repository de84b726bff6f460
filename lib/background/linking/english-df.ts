import { ENGLISH_DF, ENGLISH_DOCUMENTS } from './english-df-data.ts';

/** How many documents (Brown corpus samples) the frequencies of `englishDf` were counted over. */
export { ENGLISH_DOCUMENTS };

let table: Map<string, number> | undefined;

/**
 * Background document frequencies of everyday English: match term (folded and stemmed as
 * `matchTerm` keys it) → in how many of `ENGLISH_DOCUMENTS` Brown corpus samples it occurs.
 * Terms in fewer than 3 samples, and numbers, are absent. Parsed on first use, then shared: do not
 * modify the map.
 */
export function englishDf(): Map<string, number> {
  if (table) return table;
  const parts = ENGLISH_DF.split(' ');
  const map = new Map<string, number>();
  for (let i = 0; i + 1 < parts.length; i += 2) map.set(parts[i]!, Number(parts[i + 1]));
  table = map;
  return table;
}
