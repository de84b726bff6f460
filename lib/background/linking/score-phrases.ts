import { isTrustedPhrase } from './is-trusted-phrase.ts';
import { bestSpelling, TITLE_STRENGTH, type PhraseCounter, type PhraseStats } from './phrase-counter.ts';
import type { TermInfo, TermTable } from './term-table.ts';
import type { PhraseKind } from '../../shared/linking/types.ts';

/** A phrase that passed every rule, with its score. */
export interface Candidate {
  stats: PhraseStats;
  /** The match terms of the key. */
  words: string[];
  kind: PhraseKind;
  label: string;
  score: number;
  /** How much a phrase is worth in one article, from 0 to 1: 1 when only one article has it. */
  rarity: number;
}

/** Below this many articles, only a phrase in every one of them is too common to link. */
const SHARE_MIN_ARTICLES = 5;
/** What a generic word, and an ordinary one, add to a phrase's specificity, against 1 for any other. */
const GENERIC_WEIGHT = 0.35;
const COMMON_WEIGHT = 0.7;
/** The specificity a name keeps however ordinary its words ("World Trade Organization"). */
const NAME_SPECIFICITY = 0.6;
const LENGTH_BONUS = [0, 0.7, 1, 1.15, 1.25, 1.3];
const NAME_BONUS = 1.4;
const TITLE_BONUS = 1.2;

/**
 * Turns the counted phrases into candidates: drops what is too common in the collection (in more
 * than `maxArticleShare` of it), generic, a fragment of a name, or too weak to trust, and scores
 * the rest by how few articles have them (IDF-like), how often, how specific their words are,
 * their length, and whether they are names or in titles.
 */
export function scorePhrases(
  counter: PhraseCounter,
  names: Map<string, number>,
  terms: TermTable,
  maxArticleShare: number,
): Candidate[] {
  const total = counter.articleCount;
  const candidates: Candidate[] = [];
  for (const stats of counter.values()) {
    if (stats.articles === 0 || tooCommon(stats.articles, total, maxArticleShare)) continue;
    const words = stats.key.split(' ');
    const kind: PhraseKind = names.has(stats.key) ? 'entity' : stats.titles > 0 ? 'title' : 'ngram';
    const infos = words.map((word) => terms.info(word));
    const label = bestSpelling(stats);
    if (!isTrustedPhrase(stats, infos, kind, terms, names, label)) continue;
    const specificity = specificityOf(infos, kind);
    const rarity = total > 1 ? Math.log((total + 1) / stats.articles) / Math.log(total + 1) : 1;
    const evidence = Math.log(1 + stats.occurrences + TITLE_STRENGTH * stats.titles);
    const score = rarity * evidence * specificity
      * LENGTH_BONUS[Math.min(words.length, LENGTH_BONUS.length - 1)]!
      * (kind === 'entity' ? NAME_BONUS : 1) * (stats.titles > 0 ? TITLE_BONUS : 1);
    candidates.push({ stats, words, kind, label, score, rarity });
  }
  return candidates;
}

function tooCommon(articles: number, total: number, maxArticleShare: number): boolean {
  if (total < SHARE_MIN_ARTICLES) return total > 1 && articles === total;
  return articles > maxArticleShare * total + 1e-9;
}

/** From 1 when no word is ordinary down to 0.35 for generic words only; a name keeps at least 0.6. */
function specificityOf(infos: TermInfo[], kind: PhraseKind): number {
  let sum = 0;
  let content = 0;
  for (const info of infos) {
    if (info.edge) continue;
    content++;
    sum += info.generic ? GENERIC_WEIGHT : info.common ? COMMON_WEIGHT : 1;
  }
  const specificity = content > 0 ? sum / content : 0;
  return kind === 'entity' ? Math.max(specificity, NAME_SPECIFICITY) : specificity;
}
