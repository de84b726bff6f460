import { PostingTable } from './posting-table.ts';
import { keyHash } from '../../shared/linking/key-hash.ts';
import type { MinedArticle } from './mine-article.ts';
import { phraseEquivalents, wordEquivalents } from './equivalents.ts';
import type { PhraseKind } from '../../shared/linking/types.ts';
import { MEANING_DIMENSIONS } from './word-vectors.ts';

/** Bump when mining, hashing or the row's shape changes: rows of another format are mined again. */
export const LINK_FORMAT = 5;

/**
 * One article's linking data as stored (table `links`, keyed by the article's id), written when
 * the article is mined and deleted with it. Compact, since a waking worker reads every row: the
 * phrases' text once each, and the hashes of everything indexed as typed arrays (no strings for
 * the signature, whose words are only ever looked up by hash).
 */
export interface ArticleLinks {
  id: number;
  format: number;
  /** The article's own phrases: match keys, labels, kinds (one letter each: t, e, n) and weights. */
  keys: string[];
  labels: string[];
  kinds: string;
  weights: number[];
  /**
   * `keyHash` of every key the phrases are indexed under: each phrase's own key first (in order),
   * then the keys of their equivalents ("undersea cable" for "submarine cable").
   */
  phraseHashes: Float64Array;
  /** For each equivalent key (after the first `keys.length` hashes), the phrase it stands for. */
  variantOf: number[];
  /** `keyHash` of the signature's words and their equivalents, and their weights. */
  termHashes: Float64Array;
  termWeights: Float32Array;
  /** `keyHash` of each word that occurs in the keys the phrases are indexed under, once. */
  wordHashes: Float64Array;
  /** What the article is about (`meaningOf`): `MEANING_DIMENSIONS` signed bytes. */
  meaning: Int8Array;
}

const KIND_LETTER: Record<PhraseKind, string> = { title: 't', entity: 'e', ngram: 'n' };

/**
 * The record that stores what was mined from one article. Each phrase and signature word is also
 * indexed under its equivalents (`equivalents.ts`: "undersea cable" for "submarine cable"), with
 * the same weight, so a page in other words finds the article.
 */
export function linksRecord(id: number, mined: MinedArticle): ArticleLinks {
  const first = new Map<string, MinedArticle['phrases'][number]>();
  for (const phrase of mined.phrases) if (!first.has(phrase.key)) first.set(phrase.key, phrase);
  const phrases = [...first.values()];
  const indexed = new Map<string, number>(phrases.map((p, i) => [p.key, i]));
  const variantOf: number[] = [];
  phrases.forEach((phrase, i) => {
    for (const key of phraseEquivalents(phrase.key)) {
      if (indexed.has(key)) continue;
      indexed.set(key, i);
      variantOf.push(i);
    }
  });
  const terms = new Map<string, number>();
  for (const { term, weight } of mined.terms) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
  for (const { term, weight } of mined.terms) {
    for (const other of wordEquivalents(term)) if (!terms.has(other)) terms.set(other, weight);
  }
  return {
    id,
    format: LINK_FORMAT,
    keys: phrases.map((p) => p.key),
    labels: phrases.map((p) => p.label),
    kinds: phrases.map((p) => KIND_LETTER[p.kind]).join(''),
    weights: phrases.map((p) => p.weight),
    phraseHashes: Float64Array.from([...indexed.keys()], keyHash),
    variantOf,
    termHashes: Float64Array.from([...terms.keys()], keyHash),
    termWeights: Float32Array.from(terms.values()),
    wordHashes: Float64Array.from(new Set([...indexed.keys()].flatMap((key) => key.split(' '))), keyHash),
    meaning: mined.meaning,
  };
}

/** The phrase (index into `keys`) that the `i`-th phrase hash stands for. */
export function phraseOfHash(record: ArticleLinks, i: number): number {
  return i < record.keys.length ? i : record.variantOf[i - record.keys.length]!;
}

/**
 * Posting flag of a phrase that is specific on its own: several words ("submarine cables", "World
 * Internet Conference"), or an acronym standing for such a name ("OBOR"). A single word, even a
 * name ("Pike", "Vale", "Nick"), is not: on a page of another subject it is as likely a namesake.
 */
export const SPECIFIC = 1;

function isSpecific(record: ArticleLinks, phrase: number): boolean {
  return /\s/.test(record.labels[phrase]!.trim());
}

/** Whether a stored value is a record of the current format that fits together. */
export function isLinksRecord(value: unknown): value is ArticleLinks {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ArticleLinks>;
  const phrases = Array.isArray(r.keys) ? r.keys.length : -1;
  return (
    Number.isInteger(r.id) && (r.id as number) >= 1 && r.format === LINK_FORMAT &&
    Array.isArray(r.keys) && r.keys.every((k) => typeof k === 'string' && k !== '') &&
    Array.isArray(r.labels) && r.labels.length === phrases && r.labels.every((l) => typeof l === 'string' && l.trim() !== '') &&
    typeof r.kinds === 'string' && r.kinds.length === phrases && /^[ten]*$/.test(r.kinds) &&
    Array.isArray(r.weights) && r.weights.length === phrases && r.weights.every(isWeight) &&
    r.phraseHashes instanceof Float64Array && r.phraseHashes.every(Number.isSafeInteger) &&
    Array.isArray(r.variantOf) && r.phraseHashes.length === phrases + r.variantOf.length &&
    r.variantOf.every((p) => Number.isInteger(p) && p >= 0 && p < phrases) &&
    r.termHashes instanceof Float64Array && r.termHashes.every(Number.isSafeInteger) &&
    r.termWeights instanceof Float32Array && r.termWeights.length === r.termHashes.length && r.termWeights.every(isWeight) &&
    r.wordHashes instanceof Float64Array && r.wordHashes.every(Number.isSafeInteger) &&
    r.meaning instanceof Int8Array && r.meaning.length === MEANING_DIMENSIONS
  );
}

function isWeight(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

/**
 * The collection's linking index in memory: phrase hash → articles (with the phrase's weight in
 * each), signature term hash → articles, and the keys each article put in, so removing one costs
 * its own keys only. Adding or removing an article is work in proportion to that article; the
 * collection's document frequencies are the posting counts, always current.
 */
export class LinkIndex {
  readonly phrases = new PostingTable();
  readonly terms = new PostingTable();
  /** Word hash → the articles with a phrase that has the word: which words of a page can start or continue a phrase. */
  readonly words = new PostingTable();
  /** Per article: the hashes it put in, phrases then terms, how many are phrases, and its phrases' words. */
  private readonly byArticle = new Map<number, { hashes: Float64Array; phraseCount: number; words: Float64Array; meaning: Int8Array }>();

  get articleCount(): number {
    return this.byArticle.size;
  }

  /** What the article is about (`meaningOf`), or undefined for an article not in the index. */
  meaningOf(articleId: number): Int8Array | undefined {
    return this.byArticle.get(articleId)?.meaning;
  }

  has(articleId: number): boolean {
    return this.byArticle.has(articleId);
  }

  ids(): IterableIterator<number> {
    return this.byArticle.keys();
  }

  /** Bytes held in typed arrays (postings, keys, per-article hashes). */
  get bytes(): number {
    let perArticle = 0;
    for (const { hashes, words, meaning } of this.byArticle.values()) perArticle += hashes.byteLength + words.byteLength + meaning.byteLength;
    return this.phrases.bytes + this.terms.bytes + this.words.bytes + perArticle;
  }

  /** Which of a page's words (single-word key hashes) occur in some phrase: their indices in `keys`. */
  phraseWords(keys: readonly number[]): number[] {
    const found: number[] = [];
    keys.forEach((key, i) => {
      if (this.words.count(key) > 0) found.push(i);
    });
    return found;
  }

  add(record: ArticleLinks): void {
    if (this.byArticle.has(record.id)) this.remove(record.id);
    const { phraseHashes, termHashes, termWeights } = record;
    phraseHashes.forEach((hash, i) => {
      const phrase = phraseOfHash(record, i);
      this.phrases.add(hash, record.id, record.weights[phrase]!, isSpecific(record, phrase) ? SPECIFIC : 0);
    });
    termHashes.forEach((hash, i) => this.terms.add(hash, record.id, termWeights[i]!));
    record.wordHashes.forEach((hash) => this.words.add(hash, record.id, 1));
    const hashes = new Float64Array(phraseHashes.length + termHashes.length);
    hashes.set(phraseHashes);
    hashes.set(termHashes, phraseHashes.length);
    this.byArticle.set(record.id, { hashes, phraseCount: phraseHashes.length, words: record.wordHashes.slice(), meaning: record.meaning.slice() });
  }

  remove(articleId: number): void {
    const entry = this.byArticle.get(articleId);
    if (!entry) return;
    entry.hashes.forEach((hash, i) => (i < entry.phraseCount ? this.phrases : this.terms).remove(hash, articleId));
    entry.words.forEach((hash) => this.words.remove(hash, articleId));
    this.byArticle.delete(articleId);
  }
}
