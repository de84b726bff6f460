import { expect } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { listingOf } from '../../lib/background/db/listing-of.ts';
import { bumpRevision } from '../../lib/background/db/revision.ts';
import { checkCandidates } from '../../lib/background/search/check-candidates.ts';
import { miniSearchCandidates } from '../../lib/background/search/find-candidates.ts';
import { createIndex, toIndexed } from '../../lib/background/search/snapshot.ts';
import type { SearchEngine } from '../../lib/background/search-engine.ts';
import type { Article } from '../../lib/protocol.ts';
import { parseQuery } from '../../lib/shared/search/parse-query.ts';

/** Words that share prefixes and lie one typo apart, so completions, typos and AND/OR all come into play. */
export const VOCABULARY = [
  'cable', 'cables', 'cabinet', 'cabin', 'submarine', 'submit', 'subway', 'governance', 'govern', 'government',
  'harbour', 'harbor', 'ship', 'ships', 'shipping', 'internet', 'interest', 'intern', 'conference', 'confer',
  'wuzhen', 'résumé', 'resume', 'river', 'rivers', 'driver', 'garden', 'gardens', 'warden', 'market',
  'markets', 'marker', 'delegate', 'delegates', 'storm', 'stork', 'stone', 'stones', 'north', 'nurse',
];
export const SOURCES = ['The Hindu', 'Xinhua', 'Le Monde'];

export type Draft = Pick<Article, 'title' | 'body'> & Partial<Pick<Article, 'source' | 'author'>>;

let counter = 0;

export function openDb(name = `cairn-terms-${Date.now()}-${++counter}`): CairnDb {
  return new CairnDb(name);
}

export function article(id: number, draft: Draft): Article {
  return { id, origin: 'paste', importedAt: 1_700_000_000_000 + id, contentHash: id.toString(16).padStart(64, '0'), ...draft };
}

/** Stores articles (new or edited) and removes others in one transaction, as the collection writer does; answers the new revision. */
export async function writeArticles(db: CairnDb, put: Article[], removedIds: number[] = []): Promise<number> {
  return db.transaction('rw', [db.articles, db.listing, db.meta], async () => {
    await db.articles.bulkDelete(removedIds);
    await db.listing.bulkDelete(removedIds);
    await db.articles.bulkPut(put);
    await db.listing.bulkPut(put.map(listingOf));
    return bumpRevision(db);
  });
}

/** What one MiniSearch over every stored article (added in id order) answers, by id. */
export async function referenceScores(db: CairnDb, query: string): Promise<Map<number, number>> {
  const articles = await db.articles.orderBy(':id').toArray();
  const index = createIndex();
  index.addAll(articles.map(toIndexed));
  const parsed = parseQuery(query);
  const candidates = miniSearchCandidates(index, parsed);
  const { results } = await checkCandidates(db, { results: candidates, total: candidates.length }, parsed, Infinity);
  return new Map(results.map((result) => [result.id as number, result.score]));
}

export async function engineScores(engine: SearchEngine, query: string): Promise<Map<number, number>> {
  const { hits } = await engine.search(query, 100_000);
  return new Map(hits.map((hit) => [hit.id, hit.score]));
}

/** The first ten by score, ties broken by id, scores rounded so the order in which a score's parts were added does not count. */
export function topTen(scores: Map<number, number>): number[] {
  const round = (score: number) => Number(score.toPrecision(9));
  return [...scores].sort(([a, x], [b, y]) => round(y) - round(x) || a - b).slice(0, 10).map(([id]) => id);
}

/** The same articles match, each with the same score (to 1e-9), so the top ten agree. */
export function expectSameAnswers(actual: Map<number, number>, expected: Map<number, number>, query: string): void {
  expect([...actual.keys()].sort((a, b) => a - b), `matches of "${query}"`).toEqual([...expected.keys()].sort((a, b) => a - b));
  for (const [id, score] of expected) {
    expect(Math.abs(actual.get(id)! - score), `score of ${id} for "${query}"`).toBeLessThanOrEqual(1e-9 * Math.abs(score));
  }
  expect(topTen(actual), `top ten of "${query}"`).toEqual(topTen(expected));
}

/** Queries of every kind over the vocabulary: words, prefixes being typed, typos, pairs, phrases, exclusions. */
export function queriesFor(words: readonly string[]): string[] {
  const queries: string[] = [];
  for (const word of words) {
    queries.push(word, `${word} `, word.slice(0, 3), word.slice(0, 4));
    if (word.length >= 5) queries.push(`${word.slice(0, 2)}x${word.slice(3)}`);
  }
  for (let i = 0; i + 1 < words.length; i += 3) {
    queries.push(`${words[i]} ${words[i + 1]}`, `"${words[i]} ${words[i + 1]}"`, `${words[i]} -${words[i + 1]}`);
  }
  return queries;
}
