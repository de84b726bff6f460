/**
 * Prototype for issue 10: can one query be answered from the postings of just the terms it
 * expands to, loaded into a throwaway MiniSearch with the collection's global statistics, with
 * the same answer as the whole index? And how long does that take per keystroke?
 * `node --max-old-space-size=12000 --import tsx bench/measure-term-store.mts [articles]`
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles } from './make-articles.ts';
import { makeQueries } from './queries.ts';
import { SEARCH_OPTIONS, type IndexedDocument } from '../lib/shared/search/search-options.ts';
import { planQuery } from '../lib/shared/search/query-plan.ts';

const count = Number(process.argv[2] ?? 10_000);
const corpus = loadBrownCorpus();
const articles = makeArticles(corpus, count);
let t = performance.now();
const full = new MiniSearch<IndexedDocument>(SEARCH_OPTIONS);
full.addAll(articles);
console.log(`built ${count} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

type Plain = ReturnType<MiniSearch['toJSON']> & { index: [string, Record<string, Record<string, number>>][] };
const plain = full.toJSON() as unknown as Plain;
const postings = new Map(plain.index);
const terms = [...postings.keys()].sort();
const fieldLength = plain.fieldLength as Record<string, number[]>;
console.log(`terms ${terms.length}`);

let tt = performance.now();
const dictionary = new SearchableMap<true>();
for (const term of terms) dictionary.set(term, true);
console.log(`term dictionary as a radix tree: ${(performance.now() - tt).toFixed(0)} ms`);
tt = performance.now();
const joined = terms.join('\n');
const splitBack = joined.split('\n');
console.log(`dictionary as one string: ${(joined.length / 1e6).toFixed(2)} MB, split in ${(performance.now() - tt).toFixed(1)} ms (${splitBack.length} terms)`);
function expandTree(query: string): Set<string> {
  const plan = planQuery(query, 'AND');
  const out = new Set<string>();
  plan.terms.forEach((term, index) => {
    if (dictionary.has(term)) out.add(term);
    const prefix = typeof plan.options.prefix === 'function' ? plan.options.prefix(term, index, plan.terms) : plan.options.prefix;
    if (prefix) for (const key of dictionary.atPrefix(term).keys()) out.add(key);
    const fuzzy = typeof plan.options.fuzzy === 'function' ? plan.options.fuzzy(term, index, plan.terms) : plan.options.fuzzy;
    if (fuzzy) for (const key of dictionary.fuzzyGet(term, 1).keys()) out.add(key);
  });
  return out;
}
const expand = expandTree;
function local(query: string): MiniSearch<IndexedDocument> {
  const wanted = expand(query);
  const index: Plain['index'] = [];
  const docs = new Set<string>();
  for (const term of wanted) {
    const data = postings.get(term)!;
    index.push([term, data]);
    for (const field of Object.values(data)) for (const id of Object.keys(field)) docs.add(id);
  }
  const documentIds: Record<string, number> = {};
  const lengths: Record<string, number[]> = {};
  const stored: Record<string, object> = {};
  for (const id of docs) { documentIds[id] = plain.documentIds[id] as number; lengths[id] = fieldLength[id]!; stored[id] = {}; }
  return MiniSearch.loadJS({ ...plain, index, documentIds, fieldLength: lengths, storedFields: stored } as never, SEARCH_OPTIONS);
}
/**
 * The same, without `loadJS`: the expanded terms' posting maps (as a cache of decoded postings
 * would hold them) and the collection's document maps, shared, in a fresh MiniSearch.
 */
const inner = full as unknown as Record<string, unknown> & { _index: SearchableMap<unknown> };
function shared(query: string): MiniSearch<IndexedDocument> {
  const wanted = expand(query);
  const index = new SearchableMap<unknown>();
  for (const term of wanted) index.set(term, inner._index.get(term));
  const fresh = new MiniSearch<IndexedDocument>(SEARCH_OPTIONS);
  for (const key of ['_documentCount', '_avgFieldLength', '_fieldIds', '_documentIds', '_fieldLength', '_storedFields', '_idToShortId', '_nextId']) {
    (fresh as unknown as Record<string, unknown>)[key] = inner[key];
  }
  (fresh as unknown as Record<string, unknown>)._index = index;
  return fresh;
}
const expandTimes: number[] = [];
function run(index: MiniSearch<IndexedDocument>, query: string) {
  const all = planQuery(query, 'AND');
  if (all.terms.length === 0) return [];
  const r = index.search(query, all.options);
  if (r.length > 0 || all.terms.length === 1) return r;
  return index.search(query, planQuery(query, 'OR').options);
}

const { mix } = makeQueries(corpus, 400);
let same = 0, differ = 0;
const times: number[] = [], fullTimes: number[] = [], sharedTimes: number[] = [];
for (const { text } of mix) {
  t = performance.now();
  const a = run(full, text);
  fullTimes.push(performance.now() - t);
  t = performance.now();
  const b = run(local(text), text);
  times.push(performance.now() - t);
  t = performance.now();
  expand(text);
  expandTimes.push(performance.now() - t);
  t = performance.now();
  const c = run(shared(text), text);
  sharedTimes.push(performance.now() - t);
  if (c.length !== a.length) console.log('SHARED DIFF', text, a.length, c.length);
  // The same articles with the same scores; summing a score's parts in another order may move
  // its last bits, and with them the order of near-ties, so scores are compared per id.
  const scores = new Map(b.map((x) => [x.id, x.score]));
  const ok = a.length === b.length && a.every((x) => Math.abs(x.score - (scores.get(x.id) ?? NaN)) <= 1e-9 * x.score);
  if (ok) same++; else { differ++; if (differ < 4) console.log('DIFF', text, a.length, b.length); }
}
const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))]!.toFixed(1);
console.log(`same ${same} differ ${differ}`);
console.log(`full index: p50 ${q(fullTimes, 0.5)} p95 ${q(fullTimes, 0.95)} max ${q(fullTimes, 1)} ms`);
console.log(`shared maps: p50 ${q(sharedTimes, 0.5)} p95 ${q(sharedTimes, 0.95)} max ${q(sharedTimes, 1)} ms`);
console.log(`expansion alone: p50 ${q(expandTimes, 0.5)} p95 ${q(expandTimes, 0.95)} max ${q(expandTimes, 1)} ms`);
console.log(`query-local: p50 ${q(times, 0.5)} p95 ${q(times, 0.95)} max ${q(times, 1)} ms`);
