import type { IndexedDocument } from '../lib/shared/search/search-options.ts';
import type { BrownCorpus, BrownSentence } from './brown-corpus.ts';
import { mulberry32, pick, randomInt, type Random } from './prng.ts';

/** An article as the bench indexes it: the product's indexed fields, title and body always set. */
export type BenchArticle = IndexedDocument & { title: string; body: string };

/** Fixed, so every run and every machine indexes the same collection. */
export const ARTICLE_SEED = 0x0ca1f;

const SOURCES = [
  'The Harbour Ledger', 'Northfield Courier', 'Daily Meridian', 'The Granite Review', 'Lakeside Observer',
  'Evening Dispatch', 'The Civic Record', 'Pinecrest Gazette', 'Atlas Weekly', 'The Open Column',
  'Riverbend Times', 'Summit Wire',
];
const AUTHORS = [
  'Mara Okafor', 'Jonas Lindqvist', 'Priya Raman', 'Tomás Ferreira', 'Helen Brandt', 'Wei Chen',
  'Aisha Karimi', 'Daniel Osei', 'Lucía Moreno', 'Ivan Petrov', 'Grace Whitfield', 'Kenji Sato',
  'Noor Haddad', 'Samuel Adeyemi', 'Elena Rossi', 'Patrick Doyle', 'Hana Kim', 'Oskar Nilsson',
  'Fatima Zahra', 'Robert Hale', 'Anna Kowalska', 'Mateo Silva', 'Claire Dubois', 'Yusuf Demir',
];

const WORDS = { min: 400, max: 900 };
const PARAGRAPHS = { min: 4, max: 10 };
const TITLE_WORDS = { min: 6, max: 12 };

/**
 * `count` news-sized articles (ids 1…count) cut from running Brown text: each body is a run of
 * consecutive sentences starting at a random place, so it reads on one subject the way an
 * article does, split into paragraphs; the title is the opening words of one of its sentences.
 */
export function makeArticles(corpus: BrownCorpus, count: number, seed = ARTICLE_SEED): BenchArticle[] {
  const random = mulberry32(seed);
  const sentences = corpus.samples.flat();
  const articles: BenchArticle[] = [];
  for (let id = 1; id <= count; id++) {
    const picked = takeSentences(random, sentences, randomInt(random, WORDS.min, WORDS.max));
    const author = random() < 0.8 ? pick(random, AUTHORS) : undefined;
    articles.push({
      id,
      title: makeTitle(random, picked, sentences),
      body: toParagraphs(random, picked).join('\n\n'),
      source: pick(random, SOURCES),
      ...(author ? { author } : {}),
    });
  }
  return articles;
}

function takeSentences(random: Random, sentences: BrownSentence[], words: number): BrownSentence[] {
  let at = Math.floor(random() * sentences.length);
  const taken: BrownSentence[] = [];
  for (let total = 0; total < words; at = (at + 1) % sentences.length) {
    const sentence = sentences[at]!;
    taken.push(sentence);
    total += sentence.words.length;
  }
  return taken;
}

/** Splits the sentences into 4–10 paragraphs (fewer if there are fewer sentences) at random points. */
function toParagraphs(random: Random, sentences: BrownSentence[]): string[] {
  const count = Math.min(sentences.length, randomInt(random, PARAGRAPHS.min, PARAGRAPHS.max));
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(randomInt(random, 1, sentences.length - 1));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), sentences.length];
  return bounds.slice(1).map((end, i) => sentences.slice(bounds[i], end).map((s) => s.text).join(' '));
}

function makeTitle(random: Random, own: BrownSentence[], all: BrownSentence[]): string {
  const long = own.filter((s) => s.words.length >= TITLE_WORDS.min);
  let source = long.length > 0 ? pick(random, long) : pick(random, all);
  while (source.words.length < TITLE_WORDS.min) source = pick(random, all);
  const words = source.words.slice(0, randomInt(random, TITLE_WORDS.min, Math.min(TITLE_WORDS.max, source.words.length)));
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
