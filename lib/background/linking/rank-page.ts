import { SPECIFIC, type LinkIndex } from './link-index.ts';
import type { PageNgrams } from '../../protocol.ts';
import { meaningOf, meaningSimilarity } from './word-vectors.ts';

/** An article the page relates to, and the evidence for it. */
export interface RankedArticle {
  articleId: number;
  /** What the list is sorted by: the similarity, raised by phrase evidence. */
  score: number;
  /** Document similarity of the page and the article (cosine over the article's signature, 0–1). */
  similarity: number;
  /** How close the page's and the article's meanings are (cosine of `meaningOf` vectors, −1–1). */
  meaning: number;
  /** Sum of the phrase evidence. */
  evidence: number;
  /** Key hashes of the phrases that link the page to the article, strongest first. */
  phrases: number[];
}

export interface RankThresholds {
  /** Similarity that relates a page to an article without any phrase. */
  alone: number;
  /** Similarity that, with two specific phrases (names, or several words each), relates them. */
  withSpecifics: number;
  /** Similarity that, with one specific phrase, relates them: a name backed by the page's own words. */
  withPhrase: number;
  /** Similarity that, with single words only (a name is one too), relates them. */
  withWord: number;
  /** Meaning that, with at least `meaningSimilarity` of similarity, relates them: the same subject in other words. */
  meaning: number;
  meaningSimilarity: number;
  /** Meaning that, with one specific phrase and at least `phraseMeaningSimilarity`, relates them. */
  phraseMeaning: number;
  phraseMeaningSimilarity: number;
}

/**
 * Calibrated on the labelled pages (tests/fixtures/linking-set) with the default articles alone
 * and with 2,000 Brown pieces beside them: see docs/linking-benchmark.md for the sweep.
 */
export const DEFAULT_THRESHOLDS: RankThresholds = {
  alone: 0.2, withSpecifics: 0.08, withPhrase: 0.12, withWord: 0.18,
  meaning: 0.68, meaningSimilarity: 0.1, phraseMeaning: 0.5, phraseMeaningSimilarity: 0.05,
};

export interface RankOptions {
  /** Key hashes the user muted: never evidence. */
  muted?: ReadonlySet<number>;
  /** Weight of a page word by its hash: how rare it is in English. */
  idfOfHash: (hash: number) => number;
  thresholds?: RankThresholds;
  /** Most articles returned. Default 10. */
  limit?: number;
  /** An article never related to the page: the page's own, when it is in the collection. */
  exclude?: number;
}

/** Where the early part of a page ends, in thousandths: headlines and ledes say what it is about. */
const EARLY = 200;
const EARLY_BONUS = 1.25;
/** Below this many articles, collection frequencies mean little: only a phrase in all of them is common. */
const SMALL_COLLECTION = 5;
/** A phrase that more than this share of the collection has links to nothing in particular… */
const COMMON_SHARE = 0.02;
/** …in collections large enough; below, only one in more than this many articles is too common. */
const COMMON_FLOOR = 3;
/**
 * In a collection of at least this many articles, a signature term counts less the more articles
 * have it, and not at all in more than `TERM_SHARE` of them; in a smaller one, frequencies say
 * nothing (five articles on one subject share its words, which is no reason to ignore them).
 */
const TERM_COLLECTION_MIN = 50;
const TERM_SHARE = 0.2;

interface Tally {
  evidence: number;
  similarity: number;
  specific: number;
  phrases: { key: number; weight: number }[];
}

/**
 * Relates a page to the collection's articles from three signals:
 * - phrase evidence: the article's own phrases found on the page, each counting by its weight in
 *   the article, how rare it is in the collection, a little more for each repeat and more near
 *   the top of the page;
 * - document similarity: a TF-IDF cosine between the page's words and the article's signature,
 *   which checks thin phrase evidence;
 * - meaning: the cosine of the page's and the article's meaning vectors (`word-vectors.ts`), which
 *   finds pages on the article's subject written in other words ("undersea" for "submarine").
 * An article is related on similarity alone when it is high, on phrases backed by enough
 * similarity, or on a close meaning backed by some shared words (fewer with a specific phrase).
 * Meaning never relates an article on its own: two pages can be about the same kind of thing
 * (sport, money) without one being worth listing on the other. Precision first: a wrong link
 * costs the reader's trust.
 */
export function rankPage(index: LinkIndex, page: PageNgrams & { unigrams: number }, options: RankOptions): RankedArticle[] {
  const { muted, idfOfHash, thresholds = DEFAULT_THRESHOLDS, limit = 10, exclude } = options;
  const total = index.articleCount;
  if (total === 0) return [];
  const tallies = new Map<number, Tally>();
  const tally = (articleId: number): Tally => {
    let entry = tallies.get(articleId);
    if (!entry) tallies.set(articleId, (entry = { evidence: 0, similarity: 0, specific: 0, phrases: [] }));
    return entry;
  };

  const commonAbove = total < SMALL_COLLECTION ? total - 1 : Math.max(COMMON_FLOOR, COMMON_SHARE * total);
  const { keys, counts, firsts, unigrams } = page;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (muted?.has(key)) continue;
    const df = index.phrases.count(key);
    if (df === 0 || (total > 1 && df > commonAbove)) continue;
    const rarity = total < SMALL_COLLECTION ? 1 : Math.log((total + 1) / df) / Math.log(total + 1);
    const strength = rarity * (1 + Math.log2(counts[i]!)) * (firsts[i]! < EARLY ? EARLY_BONUS : 1);
    index.phrases.forEach(key, (articleId, weight, flag) => {
      const entry = tally(articleId);
      entry.evidence += strength * weight;
      if (flag & SPECIFIC) entry.specific++;
      entry.phrases.push({ key, weight: strength * weight });
    });
  }

  // The page's word vector: (1 + ln tf) × English IDF, over its words (the first `unigrams` keys).
  let norm = 0;
  // In a large collection a word many articles share says less: the page's side of the cosine is
  // weighed by the word's rarity in the collection too (its norm as well, so scores keep one scale
  // whatever the size; a word no article has keeps its English weight).
  const weighCollection = total >= TERM_COLLECTION_MIN;
  for (let i = 0; i < unigrams; i++) {
    const df = index.terms.count(keys[i]!);
    const rarity = weighCollection && df > 0 ? (df > TERM_SHARE * total ? 0 : Math.log((total + 1) / df) / Math.log(total + 1)) : 1;
    const weight = (1 + Math.log(counts[i]!)) * idfOfHash(keys[i]!) * rarity;
    norm += weight * weight;
    if (df === 0 || weight === 0) continue;
    index.terms.forEach(keys[i]!, (articleId, articleWeight) => {
      tally(articleId).similarity += weight * articleWeight;
    });
  }
  norm = Math.sqrt(norm) || 1;
  const pageMeaning = meaningOf(keys.slice(0, unigrams), counts.slice(0, unigrams), idfOfHash);

  const ranked: RankedArticle[] = [];
  for (const [articleId, entry] of tallies) {
    if (articleId === exclude) continue;
    const similarity = entry.similarity / norm;
    const distinct = entry.phrases.length;
    const articleMeaning = index.meaningOf(articleId);
    const meaning = articleMeaning ? meaningSimilarity(pageMeaning, articleMeaning) : 0;
    const related = similarity >= thresholds.alone
      || (meaning >= thresholds.meaning && similarity >= thresholds.meaningSimilarity)
      || (entry.specific >= 1 && meaning >= thresholds.phraseMeaning && similarity >= thresholds.phraseMeaningSimilarity)
      || (entry.specific >= 2 && similarity >= thresholds.withSpecifics)
      || (entry.specific >= 1 && similarity >= thresholds.withPhrase)
      || (distinct >= 1 && similarity >= thresholds.withWord);
    if (!related) continue;
    entry.phrases.sort((a, b) => b.weight - a.weight || a.key - b.key);
    ranked.push({
      articleId,
      score: similarity * (1 + Math.min(entry.evidence, 4) / 4),
      similarity,
      meaning,
      evidence: entry.evidence,
      phrases: entry.phrases.map((p) => p.key),
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.articleId - b.articleId);
  return ranked.slice(0, limit);
}

/** Every article the page touches, with both signals, related or not: for calibration and the benchmark. */
export function scorePage(index: LinkIndex, page: PageNgrams & { unigrams: number }, idfOfHash: (hash: number) => number): RankedArticle[] {
  return rankPage(index, page, { idfOfHash, thresholds: { alone: 0, withSpecifics: 0, withPhrase: 0, withWord: 0, meaning: -1, meaningSimilarity: 0, phraseMeaning: -1, phraseMeaningSimilarity: 0 }, limit: Infinity });
}
