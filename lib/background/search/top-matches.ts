import type { SearchResult } from 'minisearch';
import type { QueryPlan } from '../../shared/search/query-plan.ts';
import { grownTo } from '../../shared/grow-typed-array.ts';
import type { FieldPostings } from './field-postings.ts';
import type { Internals } from './query-index.ts';
import type { SearchIndex } from './snapshot.ts';
import { wordSpecs, type WordSpec } from './word-specs.ts';

/** MiniSearch 7's defaults, which Cairn's search options leave as they are. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
/** Words a query may have for this path: one bit each in a 32-bit mask. */
export const MAX_TOP_WORDS = 30;
/** Above this many wanted, the matches are sorted whole rather than kept in a short sorted list. */
const SHORT_LIST = 64;

/** The best matches of a query, and how many there are in all. */
export interface TopMatches {
  results: SearchResult[];
  total: number;
}

/** An index term a word reaches, and what a match on it weighs. */
interface Reached {
  term: string;
  weight: number;
  postings: FieldPostings;
}

/**
 * The best `limit` articles for a query of plain words, with the scores, order and total that
 * MiniSearch's `search` gives for the same plan, but without building a result object for every
 * match: scores add up in typed arrays indexed by the index's short ids, and only the winners get
 * their matched terms. Three-letter prefixes reach tens of thousands of articles in a large
 * collection, and that allocation and the full sort were most of a keystroke's cost
 * (docs/benchmarks.md). Answers null for a plan it does not cover (no words, or too many).
 * Ties are broken by short id, where MiniSearch keeps the order it met them in. A whole
 * MiniSearch with discarded articles not yet vacuumed (only the bench has one) still counts them
 * in a term's document frequency here; the stored term index never holds them.
 */
export function topMatches(index: SearchIndex, plan: QueryPlan, limit: number): TopMatches | null {
  const specs = wordSpecs(plan);
  if (specs.length === 0 || specs.length > MAX_TOP_WORDS) return null;
  const internals = index as unknown as Internals;
  const reached = specs.map((spec) => reach(internals, spec));
  const fields = Object.entries(internals._fieldIds).map(([name, id]) => ({ name, id, boost: plan.options.boost?.[name] || 1 }));
  const scored = scoreAll(internals, reached, fields);
  const { order, total } = pickBest(scored, wordsMatched(specs, plan.options.combineWith === 'OR'), limit);
  const results = order.map(({ doc, score }) => describe(internals, doc, score, specs, reached, fields));
  return { results, total };
}

/** The terms a word reaches, as `executeQuerySpec` finds and weighs them. */
function reach(internals: Internals, spec: WordSpec): Reached[] {
  const tree = internals._index;
  const found: Reached[] = [];
  const exact = tree.get(spec.term);
  if (exact) found.push({ term: spec.term, weight: 1, postings: exact });
  const completed = new Set<string>();
  if (spec.prefix) {
    for (const [term, postings] of tree.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length;
      if (distance === 0) continue;
      completed.add(term);
      found.push({ term, weight: (WEIGHTS.prefix * term.length) / (term.length + 0.3 * distance), postings });
    }
  }
  if (spec.maxDistance > 0) {
    for (const [term, [postings, distance]] of tree.fuzzyGet(spec.term, spec.maxDistance)) {
      if (distance === 0 || completed.has(term)) continue;
      found.push({ term, weight: (WEIGHTS.fuzzy * term.length) / (term.length + distance), postings });
    }
  }
  return found;
}

interface Field {
  name: string;
  id: number;
  boost: number;
}

interface Scored {
  /** Summed weighted BM25 by short id. */
  scores: Float64Array;
  /** The query's words (a bit each, in query order) each short id matched; 0 for none. */
  matched: Int32Array;
  /** The short ids with a non-zero `matched`, in the order they were first met. */
  touched: number[];
}

function scoreAll(internals: Internals, reached: Reached[][], fields: Field[]): Scored {
  const { k, b, d } = BM25;
  const count = internals._documentCount;
  const size = Math.max(1024, internals._documentIds.size * 2);
  let scores = new Float64Array(size);
  let matched = new Int32Array(size);
  const touched: number[] = [];
  reached.forEach((terms, word) => {
    const bit = 1 << word;
    for (const { weight, postings } of terms) {
      for (const field of fields) {
        const docs = postings.get(field.id);
        if (!docs) continue;
        const idf = Math.log(1 + (count - docs.size + 0.5) / (docs.size + 0.5));
        const average = internals._avgFieldLength[field.id]!;
        const factor = weight * field.boost;
        for (const [doc, times] of docs) {
          const lengths = internals._fieldLength.get(doc);
          if (lengths === undefined) continue; // Not an indexed article (MiniSearch skips it too).
          if (doc >= scores.length) {
            const grown = Math.max(doc + 1, scores.length * 2);
            scores = grownTo(scores, grown);
            matched = grownTo(matched, grown);
          }
          if (matched[doc] === 0) touched.push(doc);
          matched[doc]! |= bit;
          const norm = k * (1 - b + (b * lengths[field.id]!) / average);
          scores[doc]! += factor * idf * (d + (times * (k + 1)) / (times + norm));
        }
      }
    }
  });
  return { scores, matched, touched };
}

interface Pick {
  doc: number;
  score: number;
}

/**
 * What a match on the query's words (a mask, as in `Scored`) multiplies its score by, or 0 when
 * it does not count: MiniSearch multiplies by the number of distinct words matched (a repeated
 * word counts once), and with AND a match must hold every word.
 */
function wordsMatched(specs: WordSpec[], any: boolean): (mask: number) => number {
  const distinct = [...new Set(specs.map((spec) => spec.term))];
  const every = 2 ** specs.length - 1;
  if (!any) return (mask) => (mask === every ? distinct.length : 0);
  return (mask) => {
    let seen = 0;
    specs.forEach((spec, word) => {
      if (mask & (1 << word)) seen |= 1 << distinct.indexOf(spec.term);
    });
    return bitCount(seen);
  };
}

/** The best `limit` short ids that count (see `wordsMatched`), each score multiplied as MiniSearch does, best first. */
function pickBest({ scores, matched, touched }: Scored, quality: (mask: number) => number, limit: number): { order: Pick[]; total: number } {
  const best: Pick[] = [];
  const all = limit > SHORT_LIST;
  let total = 0;
  for (const doc of touched) {
    const times = quality(matched[doc]!);
    if (times === 0) continue;
    total += 1;
    const score = scores[doc]! * times;
    if (all) {
      best.push({ doc, score });
      continue;
    }
    if (best.length >= limit && !before(score, doc, best[best.length - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(score, doc, best[at - 1]!)) at--;
    best.splice(at, 0, { doc, score });
    if (best.length > limit) best.pop();
  }
  if (all) best.sort((x, y) => (before(x.score, x.doc, y) ? -1 : before(y.score, y.doc, x) ? 1 : 0)).splice(limit);
  return { order: best, total };
}

function before(score: number, doc: number, other: Pick): boolean {
  return score > other.score || (score === other.score && doc < other.doc);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** A winner as MiniSearch describes a result: the index terms it matched, in which fields, and the query's words it matched. */
function describe(internals: Internals, doc: number, score: number, specs: WordSpec[], reached: Reached[][], fields: Field[]): SearchResult {
  const match: Record<string, string[]> = {};
  const queryTerms = new Set<string>();
  specs.forEach((spec, s) => {
    for (const { term, postings } of reached[s]!) {
      for (const field of fields) {
        if (!postings.get(field.id)?.has(doc)) continue;
        const where = (match[term] ??= []);
        if (!where.includes(field.name)) where.push(field.name);
        queryTerms.add(spec.term);
      }
    }
  });
  return { id: internals._documentIds.get(doc), score, terms: Object.keys(match), queryTerms: [...queryTerms], match };
}
