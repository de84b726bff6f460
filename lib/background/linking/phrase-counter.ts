import type { ArticlePhrase } from './count-article.ts';

/** What the whole collection says about one phrase key. */
export interface PhraseStats {
  key: string;
  words: number;
  /** Articles it occurs in, occurrences in all, articles with it in the title. */
  articles: number;
  occurrences: number;
  titles: number;
  /** Occurrences that cut a name in two, that do not, as a whole capitalised run, of those at a sentence start. */
  cut: number;
  free: number;
  span: number;
  spanInitial: number;
  /** The highest `strength` in one article. */
  maxStrength: number;
  /** Flat pairs [articleId, strength, …] of the `maxLinks` strongest articles, in no order. */
  postings: number[] | undefined;
  /** The first spelling seen; most phrases have no other, so others get an array only when they come. */
  spelling: Spelling;
  otherSpellings: Spelling[] | undefined;
  /** Lossy counting (Manku & Motwani): evidence seen, and the prune round it arrived after. */
  support: number;
  round: number;
}

/** One way a phrase is written: how well (see `ArticlePhrase.quality`) and how often. */
export interface Spelling {
  text: string;
  quality: number;
  votes: number;
}

/** A phrase in the title counts as this many extra occurrences. */
export const TITLE_STRENGTH = 2;
const MAX_OTHER_SPELLINGS = 3;
/** A prune goes on until the table is this much of its limit. */
const PRUNE_TO = 0.8;

/**
 * Adds up the phrases of every article, in a table of at most `maxEntries` keys: when it is full,
 * the keys with the least evidence since they arrived are dropped (lossy counting, Manku &
 * Motwani), so memory stays bounded on any collection. A key is only dropped while its evidence is
 * below the number of prunes since it came, so phrases frequent across the collection stay, their
 * counts short by at most that. Below the limit the counts are exact.
 */
export class PhraseCounter {
  readonly #stats = new Map<string, PhraseStats>();
  readonly #maxLinks: number;
  readonly #maxEntries: number;
  #round = 0;
  #articles = 0;

  constructor(maxLinks: number, maxEntries: number) {
    this.#maxLinks = maxLinks;
    this.#maxEntries = maxEntries;
  }

  get articleCount(): number {
    return this.#articles;
  }

  get(key: string): PhraseStats | undefined {
    return this.#stats.get(key);
  }

  values(): IterableIterator<PhraseStats> {
    return this.#stats.values();
  }

  add(articleId: number, phrases: Map<string, ArticlePhrase>): void {
    this.#articles++;
    for (const [key, phrase] of phrases) {
      const stats = this.#stats.get(key) ?? this.#create(key, phrase);
      const strength = phrase.count + (phrase.inTitle ? TITLE_STRENGTH : 0);
      if (phrase.count > 0) stats.articles++;
      stats.occurrences += phrase.count;
      if (phrase.inTitle) stats.titles++;
      stats.cut += phrase.cut;
      stats.free += phrase.free;
      stats.span += phrase.span;
      stats.spanInitial += phrase.spanInitial;
      stats.maxStrength = Math.max(stats.maxStrength, strength);
      stats.support += Math.min(phrase.count, 2) + (phrase.span > 0 ? 1 : 0) + (phrase.inTitle ? 1 : 0);
      if (phrase.count > 0) this.#post(stats, articleId, strength);
      vote(stats, phrase);
    }
    if (this.#stats.size > this.#maxEntries) this.#prune();
  }

  // Entries are many: each holds its numbers inline and arrays only once it needs them.
  #create(key: string, phrase: ArticlePhrase): PhraseStats {
    const stats: PhraseStats = {
      key, words: phrase.words, articles: 0, occurrences: 0, titles: 0, cut: 0, free: 0, span: 0, spanInitial: 0,
      maxStrength: 0, postings: undefined, spelling: { text: phrase.spelling, quality: phrase.quality, votes: 0 },
      otherSpellings: undefined, support: 0, round: this.#round,
    };
    this.#stats.set(key, stats);
    return stats;
  }

  #post(stats: PhraseStats, articleId: number, strength: number): void {
    const { postings } = stats;
    if (postings === undefined) {
      stats.postings = [articleId, strength];
    } else if (postings.length < this.#maxLinks * 2) {
      postings.push(articleId, strength);
    } else {
      let weakest = 1;
      for (let i = 3; i < postings.length; i += 2) if (postings[i]! < postings[weakest]!) weakest = i;
      if (strength > postings[weakest]!) {
        postings[weakest - 1] = articleId;
        postings[weakest] = strength;
      }
    }
  }

  #prune(): void {
    while (this.#stats.size > this.#maxEntries * PRUNE_TO) {
      this.#round++;
      for (const [key, stats] of this.#stats) {
        if (stats.support + stats.round <= this.#round) this.#stats.delete(key);
      }
    }
  }
}

function vote(stats: PhraseStats, phrase: ArticlePhrase): void {
  const votes = Math.max(phrase.count, 1);
  const known = stats.spelling.text === phrase.spelling
    ? stats.spelling
    : stats.otherSpellings?.find((spelling) => spelling.text === phrase.spelling);
  if (known !== undefined) {
    known.votes += votes;
    known.quality = Math.max(known.quality, phrase.quality);
  } else if ((stats.otherSpellings?.length ?? 0) < MAX_OTHER_SPELLINGS) {
    (stats.otherSpellings ??= []).push({ text: phrase.spelling, quality: phrase.quality, votes });
  }
}

/** The spelling to show: the best written (mid-sentence over sentence start), then the most frequent. */
export function bestSpelling(stats: PhraseStats): string {
  let best = stats.spelling;
  for (const other of stats.otherSpellings ?? []) {
    if (other.quality > best.quality || (other.quality === best.quality && other.votes > best.votes)) best = other;
  }
  return best.text;
}
