import { readdirSync, readFileSync } from 'node:fs';
import type { App } from '../../lib/background/create-app.ts';
import type { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { prepareArticles } from '../../lib/background/store-articles.ts';
import { englishIdfOfHash } from '../../lib/background/linking/background-idf.ts';
import { rankPage, scorePage, type RankThresholds } from '../../lib/background/linking/rank-page.ts';
import type { LinkIndex } from '../../lib/background/linking/link-index.ts';
import { brownPieces } from '../distractors/brown-pieces.ts';
import { visibleText } from './page-text.ts';
import { readPage } from './read-page.ts';

/** The labelled linking set (tests/fixtures/linking-set): pages written for Cairn, each related to some seeds or to none. */
export interface LabelledPage {
  file: string;
  expect: 'related' | 'unrelated';
  topic: string;
  /** Seed file names (without .txt) a reader of the page would want listed; empty for unrelated pages. */
  relevant: string[];
  hard?: boolean;
  wording?: string;
}

const folder = new URL('../fixtures/linking-set/', import.meta.url);

export function labelledPages(): LabelledPage[] {
  const pages: LabelledPage[] = [];
  for (const name of readdirSync(folder).filter((n) => /^index-.*\.json$/.test(n)).sort()) {
    for (const entry of JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as LabelledPage[]) {
      pages.push({ ...entry, relevant: entry.relevant ?? [] });
    }
  }
  return pages;
}

export function labelledText(page: LabelledPage): string {
  return visibleText(page.file, folder);
}

/** Imports `count` Brown pieces through the collection writer, in files of 500 as the library sends them. */
export async function addDistractors(app: App, count: number): Promise<number[]> {
  const ids: number[] = [];
  const pieces = brownPieces(count);
  for (let at = 0; at < pieces.length; at += 500) {
    const items = pieces.slice(at, at + 500).map((piece) => ({ ...piece, origin: 'file' as const, fileName: 'brown.jsonl' }));
    const result = await app.writer.add(items, { matchUrls: false });
    ids.push(...result.added);
  }
  return ids;
}

/**
 * The same pieces stored straight into the articles table and left to linking to mine (for the
 * benchmarks' `--direct`: the search index does not follow, which at 50,000 pieces over
 * fake-indexeddb would take most of an hour of whole-snapshot saves).
 */
export async function storeDistractorsDirect(app: App, db: CairnDb, count: number): Promise<void> {
  const pieces = brownPieces(count).map((piece) => ({ ...piece, origin: 'file' as const, fileName: 'brown.jsonl' }));
  for (let at = 0; at < pieces.length; at += 5000) await db.articles.bulkAdd(await prepareArticles(pieces.slice(at, at + 5000), Date.now()));
  app.linking.changed({});
}

export interface PageOutcome {
  page: LabelledPage;
  /** File names (without .txt) of the seeds among the related list, in rank order; and all ranks' ids. */
  relatedSeeds: string[];
  relatedIds: number[];
  /** A relevant seed is among the first three. */
  hit: boolean;
  highlighted: string[];
}

/** The background's answer to `phraseWords`, straight from an index. */
export function phraseWordsOf(index: LinkIndex): (keys: number[]) => number[] {
  return (keys) => index.phraseWords(keys);
}

/** Runs every labelled page through the same ranking as `reportPage`. `seedIds` maps article ids to seed names. */
export async function evaluate(app: App, seedIds: Map<number, string>, thresholds?: RankThresholds): Promise<PageOutcome[]> {
  return evaluateIndex(await app.linking.load(), seedIds, thresholds);
}

/** `evaluate` over a given index (say one mined with other settings, for a sweep). */
export function evaluateIndex(index: LinkIndex, seedIds: Map<number, string>, thresholds?: RankThresholds): PageOutcome[] {
  return labelledPages().map((page) => {
    const read = readPage(labelledText(page), phraseWordsOf(index));
    const ranked = rankPage(index, read.ngrams, { idfOfHash: englishIdfOfHash, thresholds });
    const relatedSeeds = ranked.flatMap((r) => seedIds.get(r.articleId) ?? []);
    const top3 = ranked.slice(0, 3).flatMap((r) => seedIds.get(r.articleId) ?? []);
    return {
      page,
      relatedSeeds,
      relatedIds: ranked.map((r) => r.articleId),
      hit: top3.some((seed) => page.relevant.includes(seed)),
      highlighted: [...new Set(read.textOf(ranked.flatMap((r) => r.phrases)))],
    };
  });
}

export interface Summary {
  related: number;
  recallAt3: number;
  unrelated: number;
  /** Share of unrelated pages that list anything, and that list a default article. */
  unrelatedListing: number;
  unrelatedListingSeed: number;
}

export function summarize(outcomes: PageOutcome[]): Summary {
  const related = outcomes.filter((o) => o.page.expect === 'related');
  const unrelated = outcomes.filter((o) => o.page.expect === 'unrelated');
  return {
    related: related.length,
    recallAt3: related.filter((o) => o.hit).length / Math.max(1, related.length),
    unrelated: unrelated.length,
    unrelatedListing: unrelated.filter((o) => o.relatedIds.length > 0).length / Math.max(1, unrelated.length),
    unrelatedListingSeed: unrelated.filter((o) => o.relatedSeeds.length > 0).length / Math.max(1, unrelated.length),
  };
}

/** Both signals for every page and every article it touches, for calibration. */
export async function allScores(app: App) {
  const index = await app.linking.load();
  return labelledPages().map((page) => ({ page, scores: scorePage(index, readPage(labelledText(page), phraseWordsOf(index)).ngrams, englishIdfOfHash) }));
}
