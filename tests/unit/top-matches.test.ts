import fc from 'fast-check';
import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { findCandidates, miniSearchCandidates } from '../../lib/background/search/find-candidates.ts';
import { createIndex } from '../../lib/background/search/snapshot.ts';
import { MAX_TOP_WORDS, topMatches } from '../../lib/background/search/top-matches.ts';
import { parseQuery } from '../../lib/shared/search/parse-query.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';
import { queriesFor, SOURCES, VOCABULARY } from '../integration/term-index-helpers.ts';

// Cairn issue 10: a keystroke ranks only the best matches. `topMatches` must give what
// MiniSearch's own search gives for the same plan: the same total, and the same best articles
// with the same scores.

interface Doc {
  id: number;
  title: string;
  body: string;
  source?: string;
  author?: string;
}

function docOf(id: number, picks: number[]): Doc {
  const word = (k: number) => VOCABULARY[picks[k % picks.length]! % VOCABULARY.length]!;
  return {
    id,
    title: `${word(0)} ${word(1)}`,
    body: picks.map((_, k) => word(k + 2)).join(' '),
    ...(id % 3 > 0 && { source: SOURCES[id % 3] }),
    ...(id % 4 === 0 && { author: 'Wei Chen' }),
  };
}

function indexOf(docs: Doc[], removed: number[] = []) {
  const index = createIndex();
  index.addAll(docs);
  for (const id of removed) index.discard(id);
  return index;
}

/** The same number of matches, and the first `limit` with the same scores, in an order that differs at most among equal scores. */
function expectSameTop(actual: SearchResult[], total: number, expected: SearchResult[], limit: number, query: string): void {
  expect(total, `total of "${query}"`).toBe(expected.length);
  const wanted = expected.slice(0, limit);
  expect(actual.map((r) => r.score), `scores of "${query}"`).toEqual(wanted.map((r) => expect.closeTo(r.score, 9) as unknown as number));
  const round = (score: number) => score.toPrecision(9);
  const cut = round(wanted.at(-1)?.score ?? 0);
  const sure = (results: SearchResult[]) => results.filter((r) => round(r.score) !== cut).map((r) => r.id as number).sort((a, b) => a - b);
  expect(sure(actual), `best of "${query}"`).toEqual(sure(wanted));
  for (const result of actual) {
    const same = expected.find((r) => r.id === result.id)!;
    expect([...result.terms].sort(), `terms of ${String(result.id)} for "${query}"`).toEqual([...same.terms].sort());
  }
}

const DOCS = Array.from({ length: 60 }, (_, i) => docOf(i + 1, [i * 7, i * 13 + 1, i * i + 2, i + 5, i * 3 + 11, (i * 17) % 40]));
const QUERIES = [...queriesFor(VOCABULARY).filter((q) => !q.includes('"') && !q.includes(' -')), 'cab gov', 'harbour harbour', 'shipx stonex', 'the of'];

describe('topMatches', () => {
  it('ranks the best articles of every plain query as MiniSearch does, at every limit', () => {
    const index = indexOf(DOCS);

    for (const query of QUERIES) {
      const expected = miniSearchCandidates(index, parseQuery(query));
      for (const limit of [1, 3, 10, 100, Infinity]) {
        const { results, total } = findCandidates(index, parseQuery(query), limit);
        expectSameTop(results, total, expected, limit, query);
      }
    }
  });

  it('falls back to any word, as MiniSearch does, when no article holds them all', () => {
    const index = indexOf(DOCS.slice(0, 4));
    const query = `${DOCS[0]!.title.split(' ')[0]!} wuzhenx`;

    const { results, total } = findCandidates(index, parseQuery(query), 5);

    expect(total).toBeGreaterThan(0);
    expectSameTop(results, total, miniSearchCandidates(index, parseQuery(query)), 5, query);
  });

  it('leaves out articles discarded from a whole index', () => {
    const index = indexOf(DOCS, [2, 5, 9, 30]);

    for (const query of ['cable', 'gov', 'harbour ship', 'marke']) {
      // MiniSearch's first search after a discard drops the stale postings as it meets them (its
      // own scores are settled from the second search on); the stored term index has none.
      miniSearchCandidates(index, parseQuery(query));
      const { results, total } = findCandidates(index, parseQuery(query), 10);
      expectSameTop(results, total, miniSearchCandidates(index, parseQuery(query)), 10, query);
      expect(results.map((r) => r.id)).not.toContain(5);
    }
  });

  it('takes no plan without words, nor one with more words than its mask holds', () => {
    const index = indexOf(DOCS);
    const many = Array.from({ length: MAX_TOP_WORDS + 1 }, (_, i) => VOCABULARY[i % VOCABULARY.length]).join(' ');

    expect(topMatches(index, planQuery('the of'), 10)).toBeNull();
    expect(topMatches(index, planQuery(many), 10)).toBeNull();
    expect(findCandidates(index, parseQuery(many), 10).total).toBe(miniSearchCandidates(index, parseQuery(many)).length);
  });

  it('agrees with MiniSearch on random collections and queries', () => {
    const word = fc.nat({ max: VOCABULARY.length - 1 });
    const query = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat({ max: 6 }), fc.boolean())
      .map(([words, cut, finished]) => {
        const text = words.map((w) => VOCABULARY[w]!).join(' ');
        const typed = cut > 0 ? text.slice(0, Math.max(1, text.length - cut)) : text;
        return finished ? `${typed} ` : typed;
      });
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 200 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }), query, fc.nat({ max: 12 }), (picks, text, limit) => {
        const index = indexOf(picks.map((p, i) => docOf(i + 1, p)));
        const parsed = parseQuery(text);
        const { results, total } = findCandidates(index, parsed, limit + 1);
        expectSameTop(results, total, miniSearchCandidates(index, parsed), limit + 1, text);
      }),
      { numRuns: 150 },
    );
  });
});
