import { countArticle } from './count-article.ts';
import { PhraseCounter } from './phrase-counter.ts';
import { phraseKey } from '../../shared/linking/phrase-key.ts';
import { preferLongerPhrases } from './prefer-longer-phrases.ts';
import { resolveNames } from './resolve-names.ts';
import { scorePhrases, type Candidate } from './score-phrases.ts';
import { TermTable } from './term-table.ts';
import type { PhraseLink, Vocabulary, VocabularyPhrase } from '../../shared/linking/types.ts';

/** The fields of an article the vocabulary is mined from. */
export interface VocabularySource {
  id: number;
  title: string;
  /** Plain text, paragraphs on their own lines. */
  body: string;
}

export interface VocabularyOptions {
  /** The most phrases to keep, the best scored. Default 5000. */
  maxPhrases?: number;
  /** Phrases scoring below this are left out (scores start near 0; a strong name scores 2 or more). Default 0.3. */
  minScore?: number;
  /**
   * A phrase in more than this share (0–1) of the articles links to nothing in particular and is
   * left out, from 5 articles up; in smaller collections only a phrase in all of them is. Default 0.6.
   */
  maxArticleShare?: number;
  /** The most articles one phrase links to, the strongest first. Default 50. */
  maxLinks?: number;
}

const DEFAULTS: Required<VocabularyOptions> = { maxPhrases: 5000, minScore: 0.3, maxArticleShare: 0.6, maxLinks: 50 };
const MAX_NGRAM_WORDS = 4;
const MAX_NAME_WORDS = 6;
/** Bounds the phrase table (see `PhraseCounter`): about 80 MB at worst; collections of a few hundred articles stay exact. */
const MAX_TABLE_ENTRIES = 200_000;
/** How fast a link's weight grows with the phrase's occurrences in the article: 1 − DECAY^n. */
const OCCURRENCE_DECAY = 0.6;

/**
 * Mines the phrases that link web pages to the collection: names ("World Internet Conference",
 * "Xi Jinping") and distinctive n-grams of 1–4 words ("submarine cables"), each linked to the
 * articles it occurs in. A phrase must be specific to few articles and meaningful alone: generic
 * English, page furniture and phrases in most of the articles never make it. Streams over the
 * articles once; the same articles in the same order give the same vocabulary.
 */
export function buildVocabulary(articles: Iterable<VocabularySource>, options: VocabularyOptions = {}): Vocabulary {
  const settings = checked({ ...DEFAULTS, ...options });
  const terms = new TermTable();
  const counter = new PhraseCounter(settings.maxLinks, MAX_TABLE_ENTRIES);
  for (const article of articles) {
    counter.add(article.id, countArticle(article.title, article.body, terms, MAX_NGRAM_WORDS));
  }
  return selectPhrases(counter, terms, settings);
}

function selectPhrases(counter: PhraseCounter, terms: TermTable, settings: Required<VocabularyOptions>): Vocabulary {
  const names = resolveNames(counter, terms, MAX_NAME_WORDS);
  const candidates = preferLongerPhrases(scorePhrases(counter, names, terms, settings.maxArticleShare), terms)
    .map((candidate) => ({ candidate, score: round(candidate.score, 4) }))
    .filter(({ score }) => score >= settings.minScore)
    .sort((a, b) => b.score - a.score || compare(a.candidate.stats.key, b.candidate.stats.key));

  const phrases: VocabularyPhrase[] = [];
  for (const { candidate, score } of candidates) {
    if (phrases.length >= settings.maxPhrases) break;
    const { key } = candidate.stats;
    // The page side keys text with `phraseKey`; a phrase it would key differently could never match.
    if (phraseKey(candidate.label) !== key) continue;
    phrases.push({ key, label: candidate.label, kind: candidate.kind, score, links: linksOf(candidate) });
  }
  return { phrases };
}

function linksOf(candidate: Candidate): PhraseLink[] {
  const postings = candidate.stats.postings ?? [];
  const weights = new Map<number, number>();
  for (let i = 0; i < postings.length; i += 2) {
    const articleId = postings[i]!;
    const weight = round((1 - OCCURRENCE_DECAY ** postings[i + 1]!) * candidate.rarity, 3);
    weights.set(articleId, Math.max(weights.get(articleId) ?? 0, weight));
  }
  return [...weights]
    .map(([articleId, weight]) => ({ articleId, weight }))
    .sort((a, b) => b.weight - a.weight || a.articleId - b.articleId);
}

function checked(settings: Required<VocabularyOptions>): Required<VocabularyOptions> {
  const { maxPhrases, maxArticleShare, maxLinks, minScore } = settings;
  if (!Number.isInteger(maxPhrases) || maxPhrases < 0) {
    throw new RangeError(`build-vocabulary: maxPhrases must be a whole number ≥ 0, got ${maxPhrases}`);
  }
  if (!Number.isInteger(maxLinks) || maxLinks < 1) {
    throw new RangeError(`build-vocabulary: maxLinks must be a whole number ≥ 1, got ${maxLinks}`);
  }
  if (!(maxArticleShare > 0 && maxArticleShare <= 1)) {
    throw new RangeError(`build-vocabulary: maxArticleShare must be in (0, 1], got ${maxArticleShare}`);
  }
  if (Number.isNaN(minScore)) throw new RangeError('build-vocabulary: minScore must be a number, got NaN');
  return settings;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
