import { buildVocabulary, type VocabularySource } from './build-vocabulary.ts';
import { englishIdf, englishIdfOfHash, englishRarity } from './background-idf.ts';
import { meaningOf } from './word-vectors.ts';
import { classifyBoilerplate } from '../../shared/text/classify-boilerplate.ts';
import { isEdgeKey, keyHash, MAX_KEY_TERMS } from '../../shared/linking/key-hash.ts';
import { matchTerm } from '../../shared/linking/phrase-key.ts';
import { tokenize } from '../../shared/text/tokenize.ts';
import type { PhraseKind } from '../../shared/linking/types.ts';

/** One of an article's own phrases. */
export interface MinedPhrase {
  /** Match key (`phraseKey`). */
  key: string;
  label: string;
  kind: PhraseKind;
  /** How much the phrase says about this article, 0–1 (1 for its best phrase). */
  weight: number;
}

/** One term of an article's signature: its distinctive words, for document similarity. */
export interface SignatureTerm {
  term: string;
  /** TF-IDF weight over the article's whole (unit-length) term vector. */
  weight: number;
}

export interface MinedArticle {
  phrases: MinedPhrase[];
  terms: SignatureTerm[];
  /** What the whole article is about (`meaningOf` over all its words). */
  meaning: Int8Array;
}

export interface MineOptions {
  /** Phrases kept per article (the phrase budget). Default `PHRASE_BUDGET`. */
  maxPhrases?: number;
  /** Signature terms kept per article. Default `SIGNATURE_TERMS`. */
  maxTerms?: number;
}

/**
 * Phrases kept per article. Chosen by measurement (docs/linking-benchmark.md): fewer lose the
 * names a related page repeats, more add weak phrases that only bring noise on unrelated pages.
 */
export const PHRASE_BUDGET = 24;
/** Signature terms kept per article: enough for the similarity to stay close to a full cosine. */
export const SIGNATURE_TERMS = 100;
/** Least vocabulary score for a phrase of one article (the collection-wide rules use 0.3: there, counts add up over articles). */
const MIN_SCORE = 0.15;
/** What a name keeps of its score however ordinary its words are in English ("World Trade Organization"). */
const NAME_RARITY = 0.6;
/** A word counts this much more in the title than in the body. */
const TITLE_REPEAT = 2;

/**
 * An article's own linking data, from the article alone and a general English background (never
 * from the rest of the collection, so it is mined once when the article arrives and never again):
 * - its best phrases, at most `maxPhrases`: names, title terms and distinctive n-grams, as the
 *   vocabulary rules find them in this article, scored by how rare their words are in English;
 * - its signature: the `maxTerms` words with the highest TF-IDF weight, against English;
 * - its meaning: one small vector of what all its words mean together (`word-vectors.ts`).
 * The collection's own document frequencies weigh both when a page is ranked.
 */
export function mineArticle(article: VocabularySource, { maxPhrases = PHRASE_BUDGET, maxTerms = SIGNATURE_TERMS }: MineOptions = {}): MinedArticle {
  const counts = countTerms(article);
  return { phrases: minePhrases(article, maxPhrases), terms: mineSignature(counts, maxTerms), meaning: mineMeaning(counts) };
}

function minePhrases(article: VocabularySource, maxPhrases: number): MinedPhrase[] {
  const { phrases } = buildVocabulary([article], { maxPhrases: Number.MAX_SAFE_INTEGER, maxArticleShare: 1, minScore: MIN_SCORE });
  const scored = phrases
    .map((phrase) => {
      const words = phrase.key.split(' ');
      const content = words.filter((word) => !isEdgeKey(word));
      const rarity = content.length > 0 ? content.reduce((sum, word) => sum + englishRarity(word), 0) / content.length : 0;
      const score = phrase.score * (phrase.kind === 'entity' ? Math.max(rarity, NAME_RARITY) : rarity);
      return { phrase, words: words.length, score };
    })
    .filter(({ words, score }) => words <= MAX_KEY_TERMS && score > 0)
    .sort((a, b) => b.score - a.score || (a.phrase.key < b.phrase.key ? -1 : a.phrase.key > b.phrase.key ? 1 : 0))
    .slice(0, maxPhrases);
  const best = scored[0]?.score ?? 1;
  return scored.map(({ phrase: { key, label, kind }, score }) => ({ key, label, kind, weight: round(score / best) }));
}

/** How often each match term occurs in the article (its title counting `TITLE_REPEAT` times), boilerplate lines left out. */
function countTerms(article: VocabularySource): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, times: number) => {
    for (const token of tokenize(text)) {
      const term = matchTerm(token.term);
      if (isEdgeKey(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + times);
    }
  };
  add(article.title, TITLE_REPEAT);
  for (const line of article.body.split(/\n+/)) {
    const text = line.trim();
    if (text !== '' && classifyBoilerplate(text) === undefined) add(text, 1);
  }
  return counts;
}

function mineMeaning(counts: ReadonlyMap<string, number>): Int8Array {
  return meaningOf(Float64Array.from(counts.keys(), keyHash), Float64Array.from(counts.values()), englishIdfOfHash);
}

function mineSignature(counts: ReadonlyMap<string, number>, maxTerms: number): SignatureTerm[] {
  const weighted = [...counts].map(([term, count]) => ({ term, weight: (1 + Math.log(count)) * englishIdf(term) }));
  // A loop, not `Math.hypot(...weights)`: a long article has more distinct words than a call takes arguments.
  const norm = Math.sqrt(weighted.reduce((sum, { weight }) => sum + weight * weight, 0)) || 1;
  return weighted
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, maxTerms)
    .map(({ term, weight }) => ({ term, weight: round(weight / norm) }));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
