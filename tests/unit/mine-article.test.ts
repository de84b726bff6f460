import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mineArticle, PHRASE_BUDGET, SIGNATURE_TERMS, type MinedArticle } from '../../lib/background/linking/mine-article.ts';
import { isEdgeKey, MAX_KEY_TERMS } from '../../lib/shared/linking/key-hash.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';
import { STOP_WORDS } from '../../lib/shared/text/stop-words.ts';
import { MEANING_DIMENSIONS } from '../../lib/background/linking/word-vectors.ts';

const seedsDir = new URL('../../seeds/', import.meta.url);

function seed(prefix: string): { id: number; title: string; body: string } {
  const file = readdirSync(seedsDir).find((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  const { title, body } = parseScrapedArticle(readFileSync(new URL(file, seedsDir), 'utf8'));
  return { id: 3, title, body };
}

const WUZHEN_SEED = seed('003_');

/** A short article of my own about a cable landing, for the boilerplate checks. */
const CABLE_ARTICLE = {
  id: 9,
  title: 'New submarine cable lands at Marseille',
  body: [
    'A new submarine cable linking Marseille with Singapore came ashore this week, the operator said.',
    'Engineers at the Marseille landing station spliced the fibre pairs overnight.',
    'The submarine cable carries sixteen fibre pairs and should enter service next spring.',
    'Regulators in Singapore approved the landing licence earlier this year.',
  ].join('\n\n'),
};

const BOILERPLATE = ['Read More', 'Scroll to Top', 'Leave a Reply'];

/** The article with every boilerplate line after each paragraph, many times over. */
function withBoilerplate(article: { id: number; title: string; body: string }) {
  const paragraphs = article.body.split(/\n+/).filter((line) => line.trim() !== '');
  return { ...article, body: paragraphs.map((p) => [p, ...BOILERPLATE].join('\n')).join('\n\n') };
}

function expectWellFormed(mined: MinedArticle): void {
  expect(mined.phrases.length).toBeLessThanOrEqual(PHRASE_BUDGET);
  expect(mined.terms.length).toBeLessThanOrEqual(SIGNATURE_TERMS);
  for (const phrase of mined.phrases) {
    expect(phrase.weight, phrase.key).toBeGreaterThan(0);
    expect(phrase.weight, phrase.key).toBeLessThanOrEqual(1);
    expect(['title', 'entity', 'ngram'], phrase.key).toContain(phrase.kind);
    const terms = phrase.key.split(' ');
    expect(terms.length, phrase.key).toBeLessThanOrEqual(MAX_KEY_TERMS);
    expect(isEdgeKey(terms[0]!) || isEdgeKey(terms[terms.length - 1]!), phrase.key).toBe(false);
    // The key is what the page side hashes: its own phrase key.
    expect(phraseKey(phrase.key), phrase.key).toBe(phrase.key);
  }
  if (mined.phrases.length > 0) expect(Math.max(...mined.phrases.map((p) => p.weight))).toBe(1);
  expect(new Set(mined.phrases.map((p) => p.key)).size).toBe(mined.phrases.length);
  for (const { term, weight } of mined.terms) {
    expect(weight, term).toBeGreaterThan(0);
    expect(weight, term).toBeLessThanOrEqual(1);
    expect(STOP_WORDS.has(term), term).toBe(false);
    expect(isEdgeKey(term), term).toBe(false);
    expect(term, term).not.toContain(' ');
  }
  expect(new Set(mined.terms.map((t) => t.term)).size).toBe(mined.terms.length);
}

describe('mineArticle', () => {
  it('finds the names of the Wuzhen seed article', () => {
    const mined = mineArticle(WUZHEN_SEED);
    const keys = mined.phrases.map((p) => p.key);

    expect(keys).toContain('wuzhen');
    expect(keys).toContain('world internet conference');
    expect(mined.phrases.find((p) => p.key === 'world internet conference')?.label).toMatch(/^World Internet Conference$/i);
  });

  it('keeps phrases and signature within their budgets, weighted in (0, 1] with the best at 1', () => {
    const mined = mineArticle(WUZHEN_SEED);

    expect(mined.phrases.length).toBeGreaterThan(5);
    expect(mined.terms.length).toBeGreaterThan(20);
    expectWellFormed(mined);
    expect(mined.phrases[0]!.weight).toBe(1);
  });

  it('lists phrases and terms strongest first', () => {
    const { phrases, terms } = mineArticle(WUZHEN_SEED);

    for (let i = 1; i < phrases.length; i++) expect(phrases[i]!.weight).toBeLessThanOrEqual(phrases[i - 1]!.weight);
    for (let i = 1; i < terms.length; i++) expect(terms[i]!.weight).toBeLessThanOrEqual(terms[i - 1]!.weight);
  });

  it('puts the words of the subject in the signature', () => {
    const terms = mineArticle(WUZHEN_SEED).terms.map((t) => t.term);

    for (const term of ['cyberspace', 'governance', 'wuzhen', 'internet']) expect(terms).toContain(term);
  });

  it('gives the signature about unit length (weights are a share of one vector)', () => {
    const { terms } = mineArticle(CABLE_ARTICLE);
    const length = Math.hypot(...terms.map((t) => t.weight));

    expect(length).toBeGreaterThan(0.99);
    expect(length).toBeLessThan(1.01);
  });

  it('is deterministic', () => {
    expect(mineArticle(WUZHEN_SEED)).toEqual(mineArticle({ ...WUZHEN_SEED }));
    expect(mineArticle(CABLE_ARTICLE)).toEqual(mineArticle(CABLE_ARTICLE));
  });

  it('does not depend on the article id', () => {
    expect(mineArticle({ ...CABLE_ARTICLE, id: 12345 })).toEqual(mineArticle(CABLE_ARTICLE));
  });

  it('respects smaller budgets given as options, keeping the strongest', () => {
    const full = mineArticle(WUZHEN_SEED);
    const small = mineArticle(WUZHEN_SEED, { maxPhrases: 3, maxTerms: 5 });

    expect(small.phrases.map((p) => p.key)).toEqual(full.phrases.slice(0, 3).map((p) => p.key));
    expect(small.terms.map((t) => t.term)).toEqual(full.terms.slice(0, 5).map((t) => t.term));
    expect(small.phrases[0]!.weight).toBe(1);
  });

  it('finds the cable article\'s own phrases', () => {
    const mined = mineArticle(CABLE_ARTICLE);
    const keys = mined.phrases.map((p) => p.key);

    expectWellFormed(mined);
    expect(keys).toContain('submarine cable');
    expect(keys).toContain('marseille');
  });

  it('never takes a phrase or signature term from boilerplate lines', () => {
    for (const article of [CABLE_ARTICLE, WUZHEN_SEED]) {
      const clean = mineArticle(article);
      const noisy = mineArticle(withBoilerplate(article));

      expectWellFormed(noisy);
      const furniture = new Set(['read', 'scroll', 'top', 'leave', 'reply']);
      for (const phrase of noisy.phrases) {
        expect(phrase.key.split(' ').some((term) => furniture.has(term)), phrase.key).toBe(false);
      }
      for (const { term } of noisy.terms) expect(furniture.has(term), term).toBe(false);
      // Phrases and signature are exactly as without the boilerplate.
      expect(noisy.terms).toEqual(clean.terms);
      expect(noisy.phrases).toEqual(clean.phrases);
    }
  });

  it('works on an empty body', () => {
    const mined = mineArticle({ id: 1, title: 'Submarine cables near Marseille', body: '' });

    expectWellFormed(mined);
    expect(mined.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['submarine', 'cable', 'marseille']));
  });

  it('works on an empty article', () => {
    const mined = mineArticle({ id: 1, title: '', body: '' });

    expect(mined).toEqual({ phrases: [], terms: [], meaning: new Int8Array(MEANING_DIMENSIONS) });
  });

  it('gives no phrase or term for an article of stop words and numbers only', () => {
    const mined = mineArticle({ id: 1, title: 'It is what it is', body: 'And so on, and on. 1990 2001 3rd.' });

    expect(mined.terms).toEqual([]);
    expect(mined.phrases).toEqual([]);
    // Stop words have no vector: the article means nothing in particular.
    expect([...mined.meaning].every((x) => x === 0)).toBe(true);
  });

  it('mines every seed article within its budgets', () => {
    for (const name of readdirSync(seedsDir).filter((file) => file.endsWith('.txt'))) {
      const { title, body } = parseScrapedArticle(readFileSync(new URL(name, seedsDir), 'utf8'));
      const mined = mineArticle({ id: 1, title, body });

      expect(mined.phrases.length, name).toBeGreaterThan(0);
      expectWellFormed(mined);
    }
  });
});
