import { PostingTable } from './posting-table.ts';
import { keyHash } from '../../shared/linking/key-hash.ts';
import type { MinedArticle } from './mine-article.ts';
import { phraseEquivalents, wordEquivalents } from './equivalents.ts';
import type { PhraseKind } from '../../shared/linking/types.ts';

/** Bump when mining or hashing changes: rows of another format are mined again. */
export const LINK_FORMAT = 2;

/**
 * One article's linking data as stored (table `links`, keyed by the article's id), written when
 * the article is mined and deleted with it. The hashes are stored so a waking worker rebuilds the
 * index without hashing millions of strings.
 */
export interface ArticleLinks {
  id: number;
  format: number;
  /** The phrases' match keys, labels, kinds (one letter each: t, e, n) and weights, in the same order. */
  keys: string[];
  labels: string[];
  kinds: string;
  weights: number[];
  /** The signature's terms and weights. */
  terms: string[];
  termWeights: number[];
  /** `keyHash` of each key, then of each term. */
  hashes: number[];
}

const KIND_LETTER: Record<PhraseKind, string> = { title: 't', entity: 'e', ngram: 'n' };
const LETTER_KIND: Record<string, PhraseKind> = { t: 'title', e: 'entity', n: 'ngram' };

/**
 * The record that stores what was mined from one article. Each phrase and signature word is also
 * stored under its equivalents (`equivalents.ts`: "undersea cable" for "submarine cable"), with
 * the same label and weight, so a page in other words finds the article.
 */
export function linksRecord(id: number, mined: MinedArticle): ArticleLinks {
  const phrases = new Map<string, MinedArticle['phrases'][number]>();
  for (const phrase of mined.phrases) if (!phrases.has(phrase.key)) phrases.set(phrase.key, phrase);
  for (const phrase of mined.phrases) {
    for (const key of phraseEquivalents(phrase.key)) if (!phrases.has(key)) phrases.set(key, { ...phrase, key });
  }
  const terms = new Map<string, number>();
  for (const { term, weight } of mined.terms) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
  for (const { term, weight } of mined.terms) {
    for (const other of wordEquivalents(term)) if (!terms.has(other)) terms.set(other, weight);
  }
  const kept = [...phrases.values()];
  return {
    id,
    format: LINK_FORMAT,
    keys: kept.map((p) => p.key),
    labels: kept.map((p) => p.label),
    kinds: kept.map((p) => KIND_LETTER[p.kind]).join(''),
    weights: kept.map((p) => p.weight),
    terms: [...terms.keys()],
    termWeights: [...terms.values()],
    hashes: [...kept.map((p) => keyHash(p.key)), ...[...terms.keys()].map(keyHash)],
  };
}

/**
 * Posting flag of a phrase that is specific on its own: several words ("submarine cables", "World
 * Internet Conference"). A single word, even a name ("Pike", "Vale", "Nick"), is not: on a page of
 * another subject it is as likely a namesake.
 */
export const SPECIFIC = 1;

function isSpecific(record: ArticleLinks, index: number): boolean {
  // By the label: an acronym standing for a name of several words ("OBOR") is as specific as the name.
  return /\s/.test(record.labels[index]!.trim());
}

export function kindOf(record: ArticleLinks, index: number): PhraseKind {
  return LETTER_KIND[record.kinds[index] ?? 'n'] ?? 'ngram';
}

/** Whether a stored value is a record of the current format that fits together. */
export function isLinksRecord(value: unknown): value is ArticleLinks {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ArticleLinks>;
  const phrases = r.keys?.length ?? -1;
  const terms = r.terms?.length ?? -1;
  return (
    Number.isInteger(r.id) && (r.id as number) >= 1 && r.format === LINK_FORMAT &&
    Array.isArray(r.keys) && r.keys.every((k) => typeof k === 'string' && k !== '') &&
    Array.isArray(r.labels) && r.labels.length === phrases && r.labels.every((l) => typeof l === 'string') &&
    typeof r.kinds === 'string' && r.kinds.length === phrases && /^[ten]*$/.test(r.kinds) &&
    Array.isArray(r.weights) && r.weights.length === phrases && r.weights.every(isWeight) &&
    Array.isArray(r.terms) && r.terms.every((t) => typeof t === 'string' && t !== '') &&
    Array.isArray(r.termWeights) && r.termWeights.length === terms && r.termWeights.every(isWeight) &&
    Array.isArray(r.hashes) && r.hashes.length === phrases + terms && r.hashes.every(Number.isSafeInteger)
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
  /** Per article: its phrase hashes, then its term hashes, and how many are phrases. */
  private readonly byArticle = new Map<number, { hashes: Float64Array; phraseCount: number }>();

  get articleCount(): number {
    return this.byArticle.size;
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
    for (const { hashes } of this.byArticle.values()) perArticle += hashes.byteLength;
    return this.phrases.bytes + this.terms.bytes + perArticle;
  }

  add(record: ArticleLinks): void {
    if (this.byArticle.has(record.id)) this.remove(record.id);
    const phraseCount = record.keys.length;
    const hashes = Float64Array.from(record.hashes);
    for (let i = 0; i < hashes.length; i++) {
      if (i < phraseCount) this.phrases.add(hashes[i]!, record.id, record.weights[i]!, isSpecific(record, i) ? SPECIFIC : 0);
      else this.terms.add(hashes[i]!, record.id, record.termWeights[i - phraseCount]!);
    }
    this.byArticle.set(record.id, { hashes, phraseCount });
  }

  remove(articleId: number): void {
    const entry = this.byArticle.get(articleId);
    if (!entry) return;
    entry.hashes.forEach((hash, i) => (i < entry.phraseCount ? this.phrases : this.terms).remove(hash, articleId));
    this.byArticle.delete(articleId);
  }
}
