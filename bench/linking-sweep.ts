/**
 * The phrase budget and signature size, swept on the labelled set: `node --import tsx
 * bench/linking-sweep.ts [size]`. Mines every article of a collection (the defaults plus `size`
 * Brown pieces) again with each setting into a fresh index, and prints recall and quiet pages.
 */
import 'fake-indexeddb/auto';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { createApp } from '../lib/background/create-app.ts';
import { LinkIndex, linksRecord } from '../lib/background/linking/link-index.ts';
import { memorySettingsStore, memoryTabStore } from '../lib/background/linking-stores.ts';
import { mineArticle } from '../lib/background/linking/mine-article.ts';
import { DEFAULT_LINKING_SETTINGS } from '../lib/shared/linking/site-policy.ts';
import { parseScrapedArticle } from '../lib/shared/text/parse-scraped-article.ts';
import { fakeEffects } from '../tests/integration/fake-effects.ts';
import { readWordVectors } from '../tests/integration/read-word-vectors.ts';
// The word table is installed up front: this script mines and ranks itself, outside the engine that would load it first.
import '../tests/install-word-vectors.ts';
import { addDistractors, evaluateIndex, summarize } from '../tests/integration/linking-set.ts';
import { nodeSeeds } from './node-seeds.ts';

const size = Number(process.argv[2] ?? 0);
const db = new CairnDb(`linking-sweep-${size}`);
const app = createApp({
  db, seeds: nodeSeeds(), parseSeed: parseScrapedArticle, self: { id: 'sweep', origin: 'chrome-extension://sweep/' },
  settings: memorySettingsStore(DEFAULT_LINKING_SETTINGS), tabs: memoryTabStore(), effects: fakeEffects(), loadWordVectors: readWordVectors, saveDelayMs: 60_000,
});
await app.ready;
await addDistractors(app, size);
const articles = await db.articles.toArray();
const seedIds = new Map(articles.filter((a) => a.origin === 'seed').map((a) => [a.id, a.fileName!.replace(/\.txt$/, '')]));
console.log(`| phrase budget | signature words | phrases per article (mean) | recall@3 | unrelated listing anything |`);
console.log('|---:|---:|---:|---:|---:|');
for (const [maxPhrases, maxTerms] of [[8, 100], [16, 100], [24, 100], [40, 100], [24, 40], [24, 60], [24, 200]] as const) {
  const index = new LinkIndex();
  let phrases = 0;
  for (const article of articles) {
    const mined = mineArticle(article, { maxPhrases, maxTerms });
    phrases += mined.phrases.length;
    index.add(linksRecord(article.id, mined));
  }
  const summary = summarize(evaluateIndex(index, seedIds));
  console.log(`| ${maxPhrases} | ${maxTerms} | ${(phrases / articles.length).toFixed(1)} | ${(100 * summary.recallAt3).toFixed(0)} % | ${(100 * summary.unrelatedListing).toFixed(0)} % |`);
}
process.exit(0);
