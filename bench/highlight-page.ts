/**
 * The page and the phrases for bench/highlight-bench.ts: about 1 MB of visible English text (the
 * Brown corpus) laid out like a news site (nav, articles of h2/p/ul/li with inline a/em/strong,
 * footer), and vocabulary phrases of 1–4 words drawn from that text. Same seed, same page.
 */
import { joinsPhrase } from '../lib/page/joins-phrase.ts';
import { phraseKey } from '../lib/shared/linking/phrase-key.ts';
import { STOP_WORDS } from '../lib/shared/text/stop-words.ts';
import { tokenize } from '../lib/shared/text/tokenize.ts';
import type { BrownCorpus } from './brown-corpus.ts';
import { pick, randomInt, type Random } from './prng.ts';

/** The bench pages' seed, and the characters of text of the large page. */
export const SEED = 20_251_123;
export const PAGE_CHARS = 1_000_000;
/**
 * The second page: about the 90th percentile of pages by visible text, 35 KB
 * (docs/highlight-benchmark.md). The page is built of whole articles: this target gives 34,871 characters.
 */
export const P90_PAGE_CHARS = 30_000;

export interface BenchPage {
  html: string;
  /** The visible text of each text block (heading, paragraph, list item, link), in page order. */
  blocks: string[];
  /** Characters of visible text (the sum of the blocks). */
  textLength: number;
  articles: number;
  elements: number;
}

export interface BenchPhrases {
  /** Match keys, as `phraseKey` makes them: what Cairn's matcher is compiled from. */
  keys: string[];
  /** The same phrases as written on the page: what mark.js is given. */
  labels: string[];
}

const SECTIONS = ['Reportage', 'Editorials', 'Reviews', 'Religion', 'Hobbies', 'Popular lore', 'Letters',
  'Government', 'Learned', 'Fiction', 'Mystery', 'Science fiction', 'Adventure', 'Romance', 'Humor'];
const INLINE_TAGS = ['a', 'em', 'strong'] as const;
/** Share of sentences with a run of 1–3 words wrapped in a link or emphasis. */
const INLINE_SHARE = 0.25;
const LIST_SHARE = 0.12;

/**
 * Builds the page from the corpus samples in a seeded random order until the visible text
 * reaches `targetChars`. `highlightCss` is inlined so both approaches paint something visible.
 */
export function buildPage(corpus: BrownCorpus, random: Random, targetChars: number, highlightCss: string): BenchPage {
  const blocks: string[] = [];
  const parts: string[] = [];
  let elements = 0;
  let visible = 0;
  const text = (tag: string, content: string, attributes = ''): string => {
    blocks.push(content);
    visible += content.length;
    elements++;
    return `<${tag}${attributes}>${escape(content)}</${tag}>`;
  };
  const prose = (tag: string, sentences: readonly string[]): string => {
    blocks.push(sentences.join(' '));
    visible += blocks.at(-1)!.length;
    elements++;
    return `<${tag}>${sentences.map((sentence) => withInline(sentence, random, () => elements++)).join(' ')}</${tag}>`;
  };

  parts.push('<header><nav><ul>', ...SECTIONS.map((name, i) => `<li>${text('a', name, ` href="/section/${i}"`)}</li>`),
    '</ul></nav></header>\n<main>');
  const order = shuffled(corpus.samples.length, random);
  let articles = 0;
  for (const index of order) {
    if (visible >= targetChars) break;
    const sentences = corpus.samples[index]!.map((sentence) => sentence.text);
    const title = corpus.samples[index]![0]!.words.slice(0, randomInt(random, 3, 8)).join(' ');
    const section = pick(random, SECTIONS);
    blocks.push(`Filed under ${section}`);
    visible += blocks.at(-1)!.length;
    elements += 2;
    parts.push('<article>', text('h2', title), `<p class="meta">Filed under <a href="#">${escape(section)}</a></p>`);
    articles++;
    for (let at = 0; at < sentences.length;) {
      if (random() < LIST_SHARE) {
        const items = sentences.slice(at, at + randomInt(random, 3, 5));
        parts.push('<ul>', ...items.map((item) => prose('li', [item])), '</ul>');
        at += items.length;
      } else {
        const paragraph = sentences.slice(at, at + randomInt(random, 2, 6));
        parts.push(prose('p', paragraph));
        at += paragraph.length;
      }
      parts.push('\n');
    }
    parts.push('</article>\n');
  }
  parts.push('</main>\n<footer>', prose('p', ['Texts from the Brown University Standard Corpus of Present-Day American English (1961).']),
    '<ul>', ...['About', 'Contact', 'Privacy', 'Terms'].map((name) => `<li>${text('a', name, ' href="#"')}</li>`), '</ul></footer>');

  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Brown Reader</title><style>' +
    'body{font:16px/1.5 Georgia,serif;max-width:46em;margin:0 auto;padding:0 1em}nav ul{display:flex;flex-wrap:wrap;gap:1em;list-style:none;padding:0}' +
    `.meta{color:#666;font-size:.9em}mark{background:rgb(250 204 21 / .32)}\n${highlightCss}</style></head><body>` +
    `${parts.join('')}</body></html>`;
  return { html, blocks, textLength: visible, articles, elements };
}

/**
 * `count` distinct phrases of 1–4 words, each a run of words inside one block of the page. Like
 * the real vocabulary, a phrase neither starts nor ends with a stop word or a lone character.
 * Words come from `tokenize` (the segmenter), block by block, so the draw does not depend on the
 * matcher's internals.
 */
export function pickPhrases(blocks: readonly string[], count: number, random: Random): BenchPhrases {
  const words = blocks.flatMap((text, block) => tokenize(text).map((token) => ({ block, token })));
  const keys: string[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (let tries = 0; keys.length < count; tries++) {
    if (tries > count * 100) throw new Error(`highlight-page: found only ${keys.length} of ${count} phrases`);
    const first = Math.floor(random() * (words.length - 4));
    const run = words.slice(first, first + randomInt(random, 1, 4));
    const text = blocks[run[0]!.block]!;
    const joined = run.every((word, i) => i === 0 ||
      (word.block === run[0]!.block && joinsPhrase(text, run[i - 1]!.token.end, word.token.start)));
    if (!joined || !isEdgeWord(run[0]!.token.term) || !isEdgeWord(run.at(-1)!.token.term)) continue;
    const label = text.slice(run[0]!.token.start, run.at(-1)!.token.end);
    const key = phraseKey(label);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    labels.push(label);
  }
  return { keys, labels };
}

function isEdgeWord(term: string): boolean {
  return term.length > 1 && !STOP_WORDS.has(term) && /\p{L}/u.test(term);
}

/** A sentence as HTML, one run of 1–3 of its words (only spaces between them) sometimes wrapped inline. */
function withInline(sentence: string, random: Random, counted: () => void): string {
  const words = [...sentence.matchAll(/[A-Za-z][A-Za-z'-]*/g)];
  if (words.length === 0 || random() >= INLINE_SHARE) return escape(sentence);
  const first = Math.floor(random() * words.length);
  let last = first;
  const wanted = Math.min(words.length - 1, first + randomInt(random, 0, 2));
  while (last < wanted) {
    const gap = sentence.slice(words[last]!.index + words[last]![0].length, words[last + 1]!.index);
    if (!/^ +$/.test(gap)) break;
    last++;
  }
  const start = words[first]!.index;
  const end = words[last]!.index + words[last]![0].length;
  const tag = pick(random, INLINE_TAGS);
  counted();
  const attributes = tag === 'a' ? ` href="#ref-${start}"` : '';
  return `${escape(sentence.slice(0, start))}<${tag}${attributes}>${escape(sentence.slice(start, end))}</${tag}>${escape(sentence.slice(end))}`;
}

function shuffled(length: number, random: Random): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
