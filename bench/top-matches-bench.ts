/// <reference types="node" />
/**
 * Issue 10: ranking a plain query by `topMatches` (only the best 20 described) against
 * MiniSearch's own `search` (every match described and sorted), side by side over one whole
 * MiniSearch of Brown articles, each query timed both ways in turn. It measures the ranking
 * alone: no IndexedDB, no snippets (`npm run bench:index` measures the whole keystroke).
 * `npm run bench:top [-- --sizes 10000,50000 --queries 300 --rounds 3]`
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { findCandidates, miniSearchCandidates } from '../lib/background/search/find-candidates.ts';
import { createIndex } from '../lib/background/search/snapshot.ts';
import { parseQuery } from '../lib/shared/search/parse-query.ts';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles } from './make-articles.ts';
import { makeQueries, type QueryKind } from './queries.ts';
import { percentiles, timed } from './stats.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,50000' }, queries: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } },
});
const WANTED = 20;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

interface Row {
  size: number;
  kind: QueryKind | 'all';
  miniSearch: ReturnType<typeof percentiles>;
  top: ReturnType<typeof percentiles>;
}

function measure(size: number): { rows: Row[]; disagreements: number } {
  const corpus = loadBrownCorpus();
  const index = createIndex();
  index.addAll(makeArticles(corpus, size));
  const { mix } = makeQueries(corpus, Number(values.queries));
  const times = { miniSearch: new Map<string, number[]>(), top: new Map<string, number[]>() };
  const note = (which: Map<string, number[]>, kind: string, ms: number) => which.set(kind, [...(which.get(kind) ?? []), ms]);
  let disagreements = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [i, { text, kind }] of mix.entries()) {
      const parsed = parseQuery(text);
      const byMiniSearch = () => miniSearchCandidates(index, parsed).slice(0, WANTED);
      const byTop = () => findCandidates(index, parsed, WANTED).results;
      // Each goes first on every other query, so neither always finds the caches warm.
      const miniSearchFirst = i % 2 === 0;
      const a = timed(miniSearchFirst ? byMiniSearch : byTop);
      const b = timed(miniSearchFirst ? byTop : byMiniSearch);
      const [whole, top] = miniSearchFirst ? [a, b] : [b, a];
      if (round === 0) {
        const same = whole.value.length === top.value.length && whole.value.every((r, k) => Math.abs(r.score - top.value[k]!.score) <= 1e-9 * r.score);
        if (!same) disagreements += 1;
        continue; // The first round warms the JIT and checks the answers.
      }
      for (const kindName of [kind, 'all']) {
        note(times.miniSearch, kindName, whole.ms);
        note(times.top, kindName, top.ms);
      }
    }
  }
  const kinds: Row['kind'][] = ['all', 'keystroke', 'words', 'typo'];
  return { rows: kinds.map((kind) => ({ size, kind, miniSearch: percentiles(times.miniSearch.get(kind) ?? []), top: percentiles(times.top.get(kind) ?? []) })), disagreements };
}

console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString()}, load ${load()}`);
const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const lines = ['| articles | queries | n | MiniSearch p50 | p95 | p99 | max | topMatches p50 | p95 | p99 | max | p95 ratio |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
for (const size of values.sizes.split(',').map(Number)) {
  console.error(`[${size}] building…`);
  const { rows, disagreements } = measure(size);
  console.error(`[${size}] done, load ${load()}; top 20 differing from MiniSearch's: ${disagreements}`);
  for (const { kind, miniSearch: m, top: t } of rows) {
    lines.push(`| ${size.toLocaleString('en')} | ${kind} | ${m.count} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.p99)} | ${f(m.max)} | ${f(t.p50)} | ${f(t.p95)} | ${f(t.p99)} | ${f(t.max)} | ${(t.p95 / m.p95).toFixed(2)}× |`);
  }
}
console.log(lines.join('\n'));
