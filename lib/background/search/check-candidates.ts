import type { SearchResult } from 'minisearch';
import type { Article, ArticleListing, DamagedArticle } from '../../protocol.ts';
import type { CairnDb } from '../db/cairn-db.ts';
import { validListings } from '../db/listing-schema.ts';
import { readArticles } from '../db/read-articles.ts';
import { hasFieldFilters, matchesFieldFilters } from '../../shared/search/field-filters.ts';
import { matchesPhrases } from '../../shared/search/match-phrases.ts';
import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import type { TopMatches } from './top-matches.ts';

/** Candidates read from the database at a time. */
export const CHECK_CHUNK = 50;
/** Once enough matches are found, candidates checked before the count stops being exact. */
export const EXACT_COUNT_BUDGET = 500;
/** Most candidates checked for one query, however few of them match. */
export const MAX_CHECKED = 5000;

export interface Checked {
  /** The candidates that passed, in their order. */
  results: SearchResult[];
  /** The articles read for the phrase check, by id, so the caller need not read them again. */
  articles: Map<number, Article>;
  /** Every candidate was checked: `total` is exact. */
  complete: boolean;
  /** How many candidates passed: more than `results` holds when the ranking kept only the best. */
  total: number;
}

/**
 * Keeps the candidates whose articles pass the query's phrase and field checks, reading them in
 * chunks, best first, and stopping once `wanted` have passed and `EXACT_COUNT_BUDGET` were looked
 * at, or after `MAX_CHECKED`: a rare phrase in a large collection costs a bounded number of reads.
 * Phrases need the article's text; filters alone only its library row.
 */
export async function checkCandidates(
  db: CairnDb,
  { results: candidates, total }: TopMatches,
  parsed: ParsedQuery,
  wanted: number,
  onDamaged?: (damaged: DamagedArticle) => void,
): Promise<Checked> {
  const needsText = parsed.phrases.length > 0 || parsed.excludePhrases.length > 0;
  const articles = new Map<number, Article>();
  if (!needsText && !hasFieldFilters(parsed.filters)) return { results: [...candidates], articles, complete: true, total };

  const results: SearchResult[] = [];
  let checked = 0;
  while (checked < candidates.length) {
    if (checked >= MAX_CHECKED || (results.length >= wanted && checked >= EXACT_COUNT_BUDGET)) return { results, articles, complete: false, total: results.length };
    const chunk = candidates.slice(checked, checked + CHECK_CHUNK);
    checked += chunk.length;
    const ids = chunk.map((result) => result.id as number);
    const passes = needsText ? await checkTexts(db, ids, parsed, articles, onDamaged) : await checkRows(db, ids, parsed);
    for (const result of chunk) if (passes.has(result.id as number)) results.push(result);
  }
  return { results, articles, complete: true, total: results.length };
}

async function checkTexts(
  db: CairnDb,
  ids: number[],
  parsed: ParsedQuery,
  articles: Map<number, Article>,
  onDamaged?: (damaged: DamagedArticle) => void,
): Promise<Set<number>> {
  const passes = new Set<number>();
  for (const article of await readArticles(db, ids, onDamaged)) {
    if (!article) continue;
    if (!matchesFieldFilters(article, parsed.filters) || !matchesPhrases(article, parsed.phrases, parsed.excludePhrases)) continue;
    passes.add(article.id);
    articles.set(article.id, article);
  }
  return passes;
}

async function checkRows(db: CairnDb, ids: number[], parsed: ParsedQuery): Promise<Set<number>> {
  const rows = validListings(((await db.listing.bulkGet(ids)) as unknown[]).filter((row) => row !== undefined));
  return new Set(rows.filter((row: ArticleListing) => matchesFieldFilters(row, parsed.filters)).map((row) => row.id));
}
