import type { CairnDb } from '../db/cairn-db.ts';
import { readArticles } from '../db/read-articles.ts';
import { summaryOf } from '../db/summary-of.ts';
import type { DamagedArticle, SearchHit, SearchResult } from '../../protocol.ts';
import { parseQuery, type ParsedQuery } from '../../shared/search/parse-query.ts';
import { checkCandidates, type Checked } from './check-candidates.ts';
import { findCandidates } from './find-candidates.ts';
import { makeSnippet } from './make-snippet.ts';
import { markTerms } from './mark-terms.ts';
import type { SearchIndex } from './snapshot.ts';

/** A MiniSearch able to answer the parsed query: the stored term index's query index, or a whole index (the bench's old design). */
export type IndexFor = (parsed: ParsedQuery) => Promise<SearchIndex>;

/** The candidates of a query that pass its phrase and field checks, best first. */
export async function rankedMatches(db: CairnDb, indexFor: IndexFor, query: string, wanted: number, onDamaged?: (damaged: DamagedArticle) => void): Promise<Checked> {
  const parsed = parseQuery(query);
  return checkCandidates(db, findCandidates(await indexFor(parsed), parsed, wanted), parsed, wanted, onDamaged);
}

/** The best `limit` articles for a query, with title marks and snippets read from the database. */
export async function searchArticles(
  db: CairnDb,
  indexFor: IndexFor,
  query: string,
  limit: number,
  onDamaged: (damaged: DamagedArticle) => void,
): Promise<SearchResult> {
  const matches = await rankedMatches(db, indexFor, query, limit, onDamaged);
  const { results } = matches;
  if (results.length === 0) return { query, hits: [], total: 0, ...(!matches.complete && { totalAtLeast: true as const }) };
  const top = results.slice(0, limit);
  const unread = top.map((r) => r.id as number).filter((id) => !matches.articles.has(id));
  const read = await readArticles(db, unread, onDamaged);
  unread.forEach((id, i) => read[i] && matches.articles.set(id, read[i]));
  const hits: SearchHit[] = [];
  for (const result of top) {
    const article = matches.articles.get(result.id as number);
    if (!article) continue; // Deleted (or found damaged) between the query and the read.
    const terms = new Set(result.terms);
    hits.push({
      ...summaryOf(article),
      score: result.score,
      titleHighlights: markTerms(article.title, terms),
      snippet: makeSnippet(article.body, terms),
    });
  }
  return { query, hits, total: matches.total, ...(!matches.complete && { totalAtLeast: true as const }) };
}
