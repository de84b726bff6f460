/**
 * Shared shapes of the linking pipeline: the vocabulary mined from the collection, and the
 * compiled matcher that content scripts run over page text. Type-only.
 */

/** Why a phrase is in the vocabulary. */
export type PhraseKind = 'title' | 'entity' | 'ngram';

/** One article a phrase links to, and how strongly (0–1, higher is more specific). */
export interface PhraseLink {
  articleId: number;
  weight: number;
}

export interface VocabularyPhrase {
  /** The match key: the phrase's words as `phraseKey` makes them (folded, stemmed, space-joined). */
  key: string;
  /** How the phrase is shown to people: its most frequent spelling in the collection. */
  label: string;
  kind: PhraseKind;
  /** How specific and useful the phrase is (higher first); the vocabulary is sorted by it. */
  score: number;
  links: PhraseLink[];
}

export interface Vocabulary {
  phrases: VocabularyPhrase[];
}
