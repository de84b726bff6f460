/// <reference types="node" />
/**
 * The labelled linking set measured on Cairn's linking as it was before issue 9 (one vocabulary
 * mined from the whole collection, a compiled trie matcher run by the content script), for a side
 * by side comparison with bench/linking-eval.ts. It lives here but measures the tree it is run
 * from: check out the old commit in a worktree, link node_modules, copy tests/fixtures/linking-set
 * and tests/distractors into it, then
 *
 *   cd /tmp/old-cairn && node --import tsx /work/main/bench/old-linking-eval.ts [size]
 *
 * Every product module is imported from `process.cwd()`; only the visible-text rules come from this
 * tree (tests/integration/page-text.ts, which imports nothing of the product). Prints one JSON line.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { visibleText } from '../tests/integration/page-text.ts';

interface Sender { id: string; url: string; tab: { id: number; url: string }; frameId: number }
interface Envelope { ok: boolean; value?: unknown; error?: { name: string; message: string } }
interface OldLink { articleId: number; weight: number }
interface OldPhrase { key: string; label: string; kind: string; links: OldLink[] }
interface OldApp {
  ready: Promise<void>;
  linking: { load(): Promise<{ vocabulary: { phrases: OldPhrase[] } }> };
  writer: { add(items: unknown[], options: { matchUrls?: boolean }): Promise<{ added: number[] }> };
  dispatch(message: unknown, sender: Sender): Promise<Envelope>;
}
interface Match { phrase: number; start: number; end: number }
interface LabelledPage { file: string; expect: 'related' | 'unrelated'; relevant?: string[]; wording?: string }

const root = process.cwd();
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;

const { CairnDb } = await load<{ CairnDb: new (name: string) => { articles: { toArray(): Promise<{ id: number; origin: string; fileName?: string }[]> } } }>('lib/background/db/cairn-db.ts');
const { createApp } = await load<{ createApp(deps: unknown): OldApp }>('lib/background/create-app.ts');
const { memorySettingsStore, memoryTabStore } = await load<{ memorySettingsStore(s: unknown): unknown; memoryTabStore(): unknown }>('lib/background/linking-stores.ts');
const { DEFAULT_LINKING_SETTINGS } = await load<{ DEFAULT_LINKING_SETTINGS: unknown }>('lib/shared/linking/site-policy.ts');
const { parseScrapedArticle } = await load<{ parseScrapedArticle(text: string): unknown }>('lib/shared/text/parse-scraped-article.ts');
const { findPhrases } = await load<{ findPhrases(text: string, matcher: unknown): Match[] }>('lib/page/find-phrases.ts');
const { phraseKey } = await load<{ phraseKey(phrase: string): string }>('lib/shared/linking/phrase-key.ts');
const { fakeEffects } = await load<{ fakeEffects(): unknown }>('tests/integration/fake-effects.ts');
const { brownPieces } = await load<{ brownPieces(count: number): object[] }>('tests/distractors/brown-pieces.ts');

const size = Number(process.argv[2] ?? 0);
const seedFolder = join(root, 'seeds');
const seeds = readdirSync(seedFolder).filter((name) => name.endsWith('.txt')).sort()
  .map((fileName) => ({ fileName, text: readFileSync(join(seedFolder, fileName), 'utf8') }));

const self = { id: 'eval', origin: 'chrome-extension://eval/' };
const db = new CairnDb(`old-linking-eval-${size}`);
const app = createApp({
  db, seeds, parseSeed: parseScrapedArticle, self, settings: memorySettingsStore(DEFAULT_LINKING_SETTINGS),
  tabs: memoryTabStore(), effects: fakeEffects(), saveDelayMs: 60_000,
});
await app.ready;
const seedIds = new Map((await db.articles.toArray()).filter((a) => a.origin === 'seed').map((a) => [a.id, a.fileName!.replace(/\.txt$/, '')]));

// The Brown pieces go in as addDistractors sends them: files of 500 through the writer.
const pieces = brownPieces(size);
for (let at = 0; at < pieces.length; at += 500) {
  await app.writer.add(pieces.slice(at, at + 500).map((piece) => ({ ...piece, origin: 'file', fileName: 'brown.jsonl' })), { matchUrls: false });
}

// The old engine mines the whole collection on first use after a change.
const mineStart = performance.now();
const state = await app.linking.load();
const mineMs = performance.now() - mineStart;
const phrases = state.vocabulary.phrases;
const seedPhrases = Object.fromEntries(['Wuzhen', 'World Internet Conference', 'submarine cables'].map((label) => {
  const phrase = phrases.find((p) => p.key === phraseKey(label));
  return [label, phrase ? (phrase.links.some((link) => seedIds.has(link.articleId)) ? 'seed' : 'other') : 'absent'];
}));

async function ask<T>(type: string, data: unknown, sender: Sender): Promise<T> {
  const response = await app.dispatch({ type, data }, sender);
  if (!response.ok) throw new Error(`${type}: ${response.error?.name}: ${response.error?.message}`);
  return response.value as T;
}

const folder = pathToFileURL(join(root, 'tests/fixtures/linking-set/'));
const pages: LabelledPage[] = readdirSync(folder).filter((name) => /^index-.*\.json$/.test(name)).sort()
  .flatMap((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as LabelledPage[]);

interface Outcome { page: LabelledPage; relatedIds: number[]; relatedSeeds: string[]; hit: boolean; highlighted: string[] }
const outcomes: Outcome[] = [];
let tabId = 0;
for (const page of pages) {
  const text = visibleText(page.file, folder);
  const url = `https://news.example.com/${page.file}`;
  const sender: Sender = { id: self.id, url, tab: { id: ++tabId, url }, frameId: 0 };
  // The content script: the matcher, its phrases counted over the page, the report.
  const data = await ask<{ enabled: boolean; version?: string; matcher?: unknown }>('linkingData', {}, sender);
  let related: { id: number; title: string }[] = [];
  let highlighted: string[] = [];
  if (data.enabled) {
    const matches = findPhrases(text, data.matcher);
    const counts = new Map<number, { phrase: number; count: number; firstAt: number }>();
    for (const match of matches) {
      const entry = counts.get(match.phrase);
      if (entry) entry.count++;
      else counts.set(match.phrase, { phrase: match.phrase, count: 1, firstAt: match.start / Math.max(1, text.length) });
    }
    const links = await ask<{ related: { id: number; title: string }[]; highlight: number[] }>(
      'reportPage', { version: data.version, phrases: [...counts.values()], textLength: text.length }, sender);
    related = links.related;
    highlighted = [...new Set(links.highlight.map((i) => {
      const match = matches.find((m) => m.phrase === i)!;
      return text.slice(match.start, match.end);
    }))];
  }
  const relevant = page.relevant ?? [];
  const relatedIds = related.map((r) => r.id);
  outcomes.push({
    page,
    relatedIds,
    relatedSeeds: relatedIds.flatMap((id) => seedIds.get(id) ?? []),
    hit: relatedIds.slice(0, 3).some((id) => relevant.includes(seedIds.get(id) ?? '')),
    highlighted,
  });
}

const related = outcomes.filter((o) => o.page.expect === 'related');
const unrelated = outcomes.filter((o) => o.page.expect === 'unrelated');
const share = (part: number, whole: number) => part / Math.max(1, whole);
const byWording: Record<string, { pages: number; recallAt3: number }> = {};
for (const wording of [...new Set(related.map((o) => o.page.wording ?? 'unlabelled'))].sort()) {
  const group = related.filter((o) => (o.page.wording ?? 'unlabelled') === wording);
  byWording[wording] = { pages: group.length, recallAt3: share(group.filter((o) => o.hit).length, group.length) };
}
const wrong = outcomes
  .filter((o) => (o.page.expect === 'related' ? !o.hit : o.relatedIds.length > 0))
  .map((o) => ({ file: o.page.file, wording: o.page.wording, relatedSeeds: o.relatedSeeds, relatedIds: o.relatedIds.slice(0, 3), highlighted: o.highlighted.slice(0, 5) }));

console.log(JSON.stringify({
  size,
  summary: {
    related: related.length,
    recallAt3: share(related.filter((o) => o.hit).length, related.length),
    unrelated: unrelated.length,
    unrelatedListing: share(unrelated.filter((o) => o.relatedIds.length > 0).length, unrelated.length),
    unrelatedListingSeed: share(unrelated.filter((o) => o.relatedSeeds.length > 0).length, unrelated.length),
  },
  byWording,
  vocabularyPhrases: phrases.length,
  mineMs: Math.round(mineMs),
  seedPhrases,
  wrong,
}));
process.exit(0);
