import { englishDf } from './english-df.ts';
import { ENGLISH_DOCUMENTS } from './english-df-data.ts';
import { keyHash } from '../../shared/linking/key-hash.ts';

/**
 * How rare a match term is in general English: the inverse document frequency over the Brown
 * corpus's 500 samples, `ln((D + 1) / (df + 1))`. A term the table does not have (a name, a
 * technical word, anything in fewer than 3 samples) gets the highest value. This is the
 * "general English background" each article's phrases are scored against: it does not change as
 * the collection grows, so an article's phrases depend on the article alone.
 */
export const MAX_IDF = Math.log(ENGLISH_DOCUMENTS + 1);

let byTerm: Map<string, number> | undefined;
let byHash: Map<number, number> | undefined;

function idfOf(df: number): number {
  return Math.log((ENGLISH_DOCUMENTS + 1) / (df + 1));
}

export function englishIdf(term: string): number {
  byTerm ??= new Map([...englishDf()].map(([key, df]) => [key, idfOf(df)]));
  return byTerm.get(term) ?? MAX_IDF;
}

/** `englishIdf` of the term whose `keyHash` this is: how the background weighs a page's words. */
export function englishIdfOfHash(hash: number): number {
  byHash ??= new Map([...englishDf()].map(([key, df]) => [keyHash(key), idfOf(df)]));
  return byHash.get(hash) ?? MAX_IDF;
}

/** `englishIdf` scaled to 0–1: 1 for a term general English hardly uses. */
export function englishRarity(term: string): number {
  return englishIdf(term) / MAX_IDF;
}
