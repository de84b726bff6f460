import { classifyBoilerplate } from '../../shared/text/classify-boilerplate.ts';
import { extractEntities, type NameSpan } from './extract-entities.ts';
import { extractNgrams } from './extract-ngrams.ts';
import { scanLine, type ScannedLine } from './scan-line.ts';
import { standsAlone, type TermTable } from './term-table.ts';

/** What one article says about one phrase key. */
export interface ArticlePhrase {
  words: number;
  /** Occurrences, title included. */
  count: number;
  inTitle: boolean;
  /** Occurrences that cut a name in two, and those that do not (outside headings, where names are not told). */
  cut: number;
  free: number;
  /** Occurrences as a whole capitalised run (see `extractEntities`), and of those at a sentence start. */
  span: number;
  spanInitial: number;
  /** The best spelling seen (see `spellingQuality`). */
  spelling: string;
  quality: number;
}

const LINE_BREAK = /\n+/;
const POSSESSIVE_END = /['’]s$/;
const SPACES = /\s+/g;
const SHOUTED = /^[^\p{Ll}]*\p{Lu}{4}[^\p{Ll}]*$/u;

/**
 * Counts the phrase candidates of one article: n-grams of up to `maxWords` words and capitalised
 * runs, in the title and in every body line that is not page furniture ("Read More", "Share").
 */
export function countArticle(
  title: string,
  body: string,
  terms: TermTable,
  maxWords: number,
): Map<string, ArticlePhrase> {
  const phrases = new Map<string, ArticlePhrase>();
  const lines = [title, ...body.split(LINE_BREAK)];
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || (index > 0 && classifyBoilerplate(text) !== undefined)) return;
    const line = scanLine(text, terms);
    const { spans, spanOf } = extractEntities(line);
    const note = (from: number, to: number, key: string): ArticlePhrase => {
      const phrase = phrases.get(key) ?? addPhrase(phrases, key, to - from);
      const quality = phrase.quality < 2 ? spellingQuality(line, from) : 0;
      if (quality > phrase.quality) {
        const written = spelling(line, from, to);
        if (!SHOUTED.test(written)) Object.assign(phrase, { spelling: written, quality });
        else if (phrase.quality < 0) Object.assign(phrase, { spelling: written, quality: 0 });
      }
      if (index === 0) phrase.inTitle = true;
      return phrase;
    };
    extractNgrams(line, spanOf, maxWords, (from, to, key, cut) => {
      const phrase = note(from, to, key);
      phrase.count++;
      if (cut) phrase.cut++;
      else if (!line.heading) phrase.free++;
    });
    for (const span of spans) noteSpan(line, span, maxWords, note);
  });
  return phrases;
}

function noteSpan(
  line: ScannedLine,
  span: NameSpan,
  maxWords: number,
  note: (from: number, to: number, key: string) => ArticlePhrase,
): void {
  const words = line.words.slice(span.from, span.to);
  if (words.length === 1 && !standsAlone(words[0]!.info)) return;
  const phrase = note(span.from, span.to, words.map((word) => word.info.key).join(' '));
  // Runs longer than an n-gram are counted here; shorter ones were counted as n-grams.
  if (words.length > maxWords) phrase.count++;
  phrase.span++;
  if (span.initial) phrase.spanInitial++;
  else words[0]!.info.usage.nameStarts++;
}

function addPhrase(phrases: Map<string, ArticlePhrase>, key: string, words: number): ArticlePhrase {
  const phrase: ArticlePhrase = {
    words, count: 0, inTitle: false, cut: 0, free: 0, span: 0, spanInitial: 0, spelling: '', quality: -1,
  };
  phrases.set(key, phrase);
  return phrase;
}

/**
 * 2 where the spelling shows how the phrase is written mid-sentence, 1 where its capital may be
 * the sentence's; a SHOUTED spelling gets 0.
 */
function spellingQuality(line: ScannedLine, from: number): number {
  const first = line.words[from]!;
  return !first.capitalised || first.informative ? 2 : 1;
}

function spelling(line: ScannedLine, from: number, to: number): string {
  const text = line.text.slice(line.words[from]!.start, line.words[to - 1]!.end);
  return text.replace(POSSESSIVE_END, '').replace(SPACES, ' ');
}
