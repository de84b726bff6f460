import { indexTerms } from './index-terms.ts';
import { narrowerAfter, narrowerBefore, parseDateBound } from './date-bound.ts';
import { NO_FIELD_FILTERS, type FieldFilters } from './field-filters.ts';

/** A quoted phrase: its text as typed (for the index) and its index terms (to check the order). */
export interface Phrase {
  text: string;
  terms: string[];
}

/** A search box's query, taken apart. */
export interface ParsedQuery {
  /**
   * The plain words, for `planQuery`. It ends with a space unless the query ends while a plain
   * word is being typed, so only that word is completed as a prefix.
   */
  words: string;
  /** Quoted phrases: every one must occur, its words in order. */
  phrases: Phrase[];
  /** Index terms of `-word`s: an article holding one of them is left out. */
  excludeTerms: string[];
  /** `-"several words"` (or `-e-mail`, which is two words): an article where one occurs is left out. */
  excludePhrases: Phrase[];
  filters: FieldFilters;
  /** What was left out of the search, and why, in words a user can act on. */
  problems: string[];
}

type Key = 'source' | 'tag' | 'before' | 'after';
const KEYED = /^(source|tag|before|after):(.*)$/i;
const SPACE = /\s/;

/**
 * Takes a search box's query apart: `"quoted phrases"`, `-excluded` words, and `source:`, `tag:`,
 * `before:` and `after:` filters (values may be quoted: `source:"The Hindu"`); everything else is
 * plain words. Nothing here throws: an unclosed quote is taken as plain words (it is usually a
 * phrase still being typed), and a filter without a usable value is ignored and named in
 * `problems`.
 */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: '', phrases: [], excludeTerms: [], excludePhrases: [], filters: { ...NO_FIELD_FILTERS, sources: [], tags: [] }, problems: [] };
  const plain: string[] = [];
  let typingPlain = false;
  let at = 0;
  while (at < query.length) {
    if (SPACE.test(query[at]!)) {
      at += 1;
      continue;
    }
    const negated = query[at] === '-';
    if (negated) at += 1;
    typingPlain = false;
    if (query[at] === '"') {
      const close = query.indexOf('"', at + 1);
      if (close === -1) {
        plain.push(query.slice(at + 1));
        typingPlain = true;
        break;
      }
      addPhrase(parsed, query.slice(at + 1, close), negated);
      at = close + 1;
      continue;
    }
    let end = at;
    while (end < query.length && !SPACE.test(query[end]!) && query[end] !== '"') end += 1;
    const word = query.slice(at, end);
    at = end;
    if (word === '') continue; // A lone "-".
    const keyed = KEYED.exec(word);
    if (keyed) {
      let value = keyed[2]!;
      if (value === '' && query[at] === '"') {
        const close = query.indexOf('"', at + 1);
        value = query.slice(at + 1, close === -1 ? query.length : close);
        at = close === -1 ? query.length : close + 1;
      }
      addFilter(parsed, keyed[1]!.toLowerCase() as Key, value.trim(), negated);
    } else if (negated) {
      addExclusion(parsed, word);
    } else {
      plain.push(word);
      typingPlain = at === query.length;
    }
  }
  parsed.words = plain.join(' ') + (typingPlain ? '' : ' ');
  return parsed;
}

function addPhrase(parsed: ParsedQuery, text: string, negated: boolean): void {
  const terms = indexTerms(text);
  if (terms.length === 0) {
    if (text.trim() !== '') parsed.problems.push(`“${text.trim()}” has only common words, which are not searched.`);
    return;
  }
  if (negated && terms.length === 1) parsed.excludeTerms.push(terms[0]!);
  else (negated ? parsed.excludePhrases : parsed.phrases).push({ text, terms });
}

function addExclusion(parsed: ParsedQuery, word: string): void {
  const terms = indexTerms(word);
  if (terms.length === 0) parsed.problems.push(`-${word} is a common word, which is not searched.`);
  else if (terms.length === 1) parsed.excludeTerms.push(terms[0]!);
  else parsed.excludePhrases.push({ text: word, terms });
}

function addFilter(parsed: ParsedQuery, key: Key, value: string, negated: boolean): void {
  const { filters, problems } = parsed;
  if (negated) {
    problems.push(`-${key}: is not supported; search with ${key}: instead.`);
    return;
  }
  if (value === '') {
    problems.push(`${key}: needs a value, such as ${EXAMPLES[key]}.`);
    return;
  }
  if (key === 'source') filters.sources.push(value);
  else if (key === 'tag') filters.tags.push(value);
  else {
    const bound = parseDateBound(value);
    if (bound === null) problems.push(`${key}:${value} is not a date; write ${EXAMPLES[key]}.`);
    // Of several bounds, the narrowest wins.
    else if (key === 'before') filters.before = filters.before === null ? bound : narrowerBefore(filters.before, bound);
    else filters.after = filters.after === null ? bound : narrowerAfter(filters.after, bound);
  }
}

const EXAMPLES: Record<Key, string> = {
  source: 'source:"The Hindu"',
  tag: 'tag:policy',
  before: 'before:2024, before:2024-06 or before:2024-06-30',
  after: 'after:2023, after:2023-06 or after:2023-06-01',
};
