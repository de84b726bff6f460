import type { PhraseStats } from './phrase-counter.ts';
import { standsAlone, type TermInfo, type TermTable } from './term-table.ts';
import type { PhraseKind } from '../../shared/linking/types.ts';

/** A one-word name must be capitalised at least this often where capitals mean something… */
const NAME_CAPITALISED_SHARE = 2 / 3;
/** …and be a name of its own in this share of its occurrences, not only part of longer names ("Stadium"). */
const NAME_ALONE_SHARE = 1 / 3;
/** Adjectives of nations and peoples: "Turkish", "Japanese", "Brazilian". */
const DEMONYM = /(?:ish|ese|ian|ean)$/;
/** A one-word phrase that is no name must be a theme of some article: this strong in it… */
const SINGLE_WORD_STRENGTH = 3;
const SINGLE_WORD_OCCURRENCES = 3;
/** …and come back: this many occurrences per article that has it, on average. */
const SINGLE_WORD_BURST = 2;
/** Inside a phrase that is no name, these join a list, not a term: "liberalization and facilitation". */
const LISTING: ReadonlySet<string> = new Set(['and', 'or']);
const PLURAL = /[^s'’]s$/i;

/**
 * Whether a counted phrase can be trusted to mean the collection wherever it turns up: the rules
 * that keep generic words, fragments and chance word sequences out of the vocabulary.
 */
export function isTrustedPhrase(
  stats: PhraseStats,
  infos: TermInfo[],
  kind: PhraseKind,
  terms: TermTable,
  names: Map<string, number>,
  label: string,
): boolean {
  if (infos.length === 1) {
    return kind === 'entity' ? isTrustedName(stats, infos[0]!, terms, names) : isTopicWord(stats, infos[0]!);
  }
  return kind === 'entity' || isTerm(stats, infos, label);
}

function isTrustedName(stats: PhraseStats, info: TermInfo, terms: TermTable, names: Map<string, number>): boolean {
  const { capitalised, lower } = terms.usage(info.key);
  return standsAlone(info) && !DEMONYM.test(info.key) && capitalised >= NAME_CAPITALISED_SHARE * (capitalised + lower)
    && (names.get(info.key) ?? 0) >= NAME_ALONE_SHARE * stats.occurrences;
}

/** A topic word comes back within the articles that use it; an ordinary one appears once in each. */
function isTopicWord(stats: PhraseStats, info: TermInfo): boolean {
  return standsAlone(info) && info.shape === undefined && stats.occurrences >= SINGLE_WORD_OCCURRENCES
    && stats.maxStrength >= SINGLE_WORD_STRENGTH && stats.occurrences >= SINGLE_WORD_BURST * stats.articles;
}

function isTerm(stats: PhraseStats, infos: TermInfo[], label: string): boolean {
  if (!infos.some(standsAlone) || infos.some((info) => info.shape === 'adverb' || LISTING.has(info.key))) return false;
  const last = infos.at(-1)!;
  // A term ends in a noun ("shared future", not "Internet-based"), a specific one after a
  // preposition ("future in cyberspace", not "explosion in the fourth"), and no verb starts it
  // ("emphasized the importance").
  if (last.shape !== undefined || (infos.some((info) => info.stop) && !standsAlone(last))) return false;
  if (infos[0]!.shape === 'participle' && infos[1]!.stop) return false;
  // Mostly seen cutting a name in two ("Conference Wuzhen"): a fragment, not a phrase.
  if (stats.cut > stats.free) return false;
  // Repeated, or a compound that needs no repeating.
  return stats.occurrences >= 2 || isCompound(infos, label);
}

/**
 * Whether a phrase seen only once still reads as a term: a compound of words ordinary English does
 * not use, nothing between them, no plural before the last ("submarine cables"; not "solid
 * foundation", "interconnected architecture", "smells of acetone" or "rewards patience").
 */
function isCompound(infos: TermInfo[], label: string): boolean {
  const written = label.split(/[\s-]+/);
  return infos.every((info, i) =>
    standsAlone(info) && info.shape === undefined && (i === infos.length - 1 || !PLURAL.test(written[i] ?? '')));
}
