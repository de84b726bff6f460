/**
 * The labelled linking set at one collection size, page by page: `node --import tsx
 * bench/linking-eval.ts [size] [--direct]`. Prints the summary, the pages ranked wrongly, and for every page
 * the two best-scored articles with both signals, for calibrating `rank-page.ts`.
 */
import 'fake-indexeddb/auto';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { createApp } from '../lib/background/create-app.ts';
import { memorySettingsStore, memoryTabStore } from '../lib/background/linking-stores.ts';
import { DEFAULT_LINKING_SETTINGS } from '../lib/shared/linking/site-policy.ts';
import { parseScrapedArticle } from '../lib/shared/text/parse-scraped-article.ts';
import { fakeEffects } from '../tests/integration/fake-effects.ts';
import { readWordVectors } from '../tests/integration/read-word-vectors.ts';
// The word table is installed up front: this script ranks pages itself, outside the engine that would load it first.
import '../tests/install-word-vectors.ts';
import { addDistractors, storeDistractorsDirect, allScores, evaluate, labelledPages, labelledText, phraseWordsOf, summarize } from '../tests/integration/linking-set.ts';
import { rankPage } from '../lib/background/linking/rank-page.ts';
import { readPage } from '../tests/integration/read-page.ts';
import { englishIdfOfHash } from '../lib/background/linking/background-idf.ts';
import { writeFileSync } from 'node:fs';
import { nodeSeeds } from './node-seeds.ts';

const size = Number(process.argv[2] ?? 0);
const db = new CairnDb(`linking-eval-${size}`);
const app = createApp({
  db, seeds: nodeSeeds(), parseSeed: parseScrapedArticle, self: { id: 'eval', origin: 'chrome-extension://eval/' },
  settings: memorySettingsStore(DEFAULT_LINKING_SETTINGS), tabs: memoryTabStore(), effects: fakeEffects(), loadWordVectors: readWordVectors, saveDelayMs: 60_000,
});
await app.ready;
const seedIds = new Map((await db.articles.toArray()).filter((a) => a.origin === 'seed').map((a) => [a.id, a.fileName!.replace(/\.txt$/, '')]));
if (process.argv.includes('--direct')) await storeDistractorsDirect(app, db, size);
else await addDistractors(app, size);
await app.linking.settled();
const outcomes = await evaluate(app, seedIds);
console.log(JSON.stringify(summarize(outcomes)));
for (const o of outcomes) {
  const wrong = o.page.expect === 'related' ? !o.hit : o.relatedIds.length > 0;
  if (wrong) console.log('WRONG', o.page.file, o.relatedSeeds, o.relatedIds.slice(0, 3), o.highlighted.slice(0, 5));
}
for (const { page, scores } of await allScores(app)) {
  const top = scores.sort((a, b) => b.similarity - a.similarity).slice(0, 2);
  const bestMeaning = Math.max(...scores.filter((r) => seedIds.has(r.articleId)).map((r) => r.meaning), -1);
  const bestOther = Math.max(...scores.filter((r) => !seedIds.has(r.articleId)).map((r) => r.meaning), -1);
  const shown = top.map((r) => `${seedIds.has(r.articleId) ? 'SEED' : `#${r.articleId}`} S=${r.similarity.toFixed(3)} M=${r.meaning.toFixed(2)} E=${r.evidence.toFixed(1)} n=${r.phrases.length}`);
  console.log(page.expect[0], page.file.slice(0, 52).padEnd(52), `Mseed=${bestMeaning.toFixed(2)} Mother=${bestOther.toFixed(2)}`, shown.join('  '));
}
// `--dump <file>`: every related article of every page with its signals, for trying rankings offline.
const dumpAt = process.argv.indexOf('--dump');
if (dumpAt > 0) {
  const index = await app.linking.load();
  const pages = labelledPages().map((page) => {
    const ranked = rankPage(index, readPage(labelledText(page), phraseWordsOf(index)).ngrams, { idfOfHash: englishIdfOfHash, limit: Infinity });
    return {
      file: page.file,
      expect: page.expect,
      listed: ranked.map((r) => ({
        id: r.articleId, relevant: page.relevant.includes(seedIds.get(r.articleId) ?? ''), seed: seedIds.has(r.articleId),
        score: r.score, similarity: r.similarity, meaning: r.meaning, evidence: r.evidence, phrases: r.phrases.length,
      })),
    };
  });
  writeFileSync(process.argv[dumpAt + 1]!, JSON.stringify(pages));
}
process.exit(0);
