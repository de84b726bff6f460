import { describe, expect, it } from 'vitest';
import { phraseEquivalents, wordEquivalents } from '../../lib/background/linking/equivalents.ts';
import { isEdgeKey } from '../../lib/shared/linking/key-hash.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';

/** Phrases as an article or a page may write them, to be turned into keys. */
const PHRASES = [
  'submarine cable', 'Submarine Cables', 'undersea cable', 'subsea cables', 'Belt and Road', 'OBOR', 'BRI',
  'One Belt One Road', 'New Silk Road', 'Digital Silk Road', 'World Internet Conference', 'Wuzhen Summit',
  'Cyberspace Administration of China', 'United Nations', 'fibre optic cable', 'fiber', 'data centre',
  'data center', 'artificial intelligence', 'AI', 'submarine fiber optic center', 'seabed telecom fiber centre',
  'cable', 'Wuzhen', 'governance', 'digital economy',
];

describe('wordEquivalents', () => {
  it('pairs British and American spellings both ways', () => {
    expect(wordEquivalents('fibre')).toEqual(['fiber']);
    expect(wordEquivalents('fiber')).toEqual(['fibre']);
    expect(wordEquivalents('centre')).toEqual(['center']);
    expect(wordEquivalents('organisation')).toEqual(['organization']);
  });

  it('groups plain synonyms, each word pointing to all the others', () => {
    expect([...wordEquivalents('submarine')].sort()).toEqual(['subsea', 'undersea']);
    expect([...wordEquivalents('undersea')].sort()).toEqual(['submarine', 'subsea']);
    expect([...wordEquivalents('seafloor')]).toEqual(['seabed']);
  });

  it('gives nothing for a word with no equivalents, or an empty or unknown term', () => {
    expect(wordEquivalents('cable')).toEqual([]);
    expect(wordEquivalents('wuzhen')).toEqual([]);
    expect(wordEquivalents('')).toEqual([]);
    expect(wordEquivalents('Fibre')).toEqual([]);
  });

  it('works on match terms: a stemmed plural has no entry of its own', () => {
    // Callers pass `matchTerm` forms ("fibre", never "fibres").
    expect(wordEquivalents(phraseKey('fibres'))).toEqual(['fiber']);
  });

  it('gives single match terms only (a signature term is one word)', () => {
    for (const term of ['cooperation', 'cybersecurity', 'ecommerce']) {
      for (const other of wordEquivalents(term)) expect(other, `${term} → ${other}`).not.toContain(' ');
    }
  });
});

describe('phraseEquivalents', () => {
  it('relates submarine, undersea and subsea cables both ways', () => {
    const submarine = phraseKey('submarine cables');

    expect([...phraseEquivalents(submarine)].sort()).toEqual(['subsea cable', 'undersea cable']);
    expect(phraseEquivalents(phraseKey('undersea cable'))).toContain(submarine);
    expect(phraseEquivalents(phraseKey('Subsea Cables'))).toContain(submarine);
  });

  it('relates the Belt and Road with its other names and acronyms', () => {
    const belt = phraseKey('Belt and Road');
    const equivalents = phraseEquivalents(belt);

    for (const other of ['OBOR', 'BRI', 'One Belt One Road', 'Belt and Road Initiative', 'New Silk Road']) {
      expect(equivalents, other).toContain(phraseKey(other));
    }
    expect(phraseEquivalents(phraseKey('OBOR'))).toContain(belt);
    expect(phraseEquivalents(phraseKey('One Belt One Road'))).toContain(belt);
  });

  it('relates the World Internet Conference with the Wuzhen Summit', () => {
    expect(phraseEquivalents(phraseKey('World Internet Conference'))).toContain('wuzhen summit');
    expect(phraseEquivalents('wuzhen summit')).toContain('world internet conference');
  });

  it('respells each word of a phrase with its equivalents', () => {
    expect(phraseEquivalents(phraseKey('fibre optic cable'))).toEqual(['fiber optic cable']);
    expect(phraseEquivalents(phraseKey('fiber'))).toEqual(['fibre']);
    expect(phraseEquivalents(phraseKey('data centre'))).toEqual(['data center']);
    expect([...phraseEquivalents(phraseKey('seabed telecom'))].sort()).toEqual(['seabed telecommunication', 'seafloor telecom', 'seafloor telecommunication']);
  });

  it('gives nothing for a phrase with no equivalents', () => {
    expect(phraseEquivalents('cable')).toEqual([]);
    expect(phraseEquivalents('wuzhen')).toEqual([]);
    expect(phraseEquivalents('digital economy')).toEqual([]);
  });

  it('gives at most eight variants, even when the spellings multiply', () => {
    const many = phraseKey('submarine fiber optic center');

    // 3 × 2 × 2 spellings less the key itself would be 11.
    expect(phraseEquivalents(many)).toHaveLength(8);
    expect(new Set(phraseEquivalents(many)).size).toBe(8);
  });

  it('never gives the key itself, duplicates or empty keys', () => {
    for (const phrase of PHRASES) {
      const key = phraseKey(phrase);
      const variants = phraseEquivalents(key);

      expect(variants, phrase).not.toContain(key);
      expect(new Set(variants).size, phrase).toBe(variants.length);
      expect(variants.length, phrase).toBeLessThanOrEqual(8);
      expect(variants.every((variant) => variant !== '' && variant === variant.trim() && !variant.includes('  ')), phrase).toBe(true);
    }
  });

  it('gives keys in match form, so their hashes meet the page', () => {
    for (const phrase of PHRASES) {
      for (const variant of phraseEquivalents(phraseKey(phrase))) expect(phraseKey(variant), `${phrase} → ${variant}`).toBe(variant);
    }
  });

  it('is symmetric for aliases: each points back to the other', () => {
    for (const phrase of PHRASES) {
      const key = phraseKey(phrase);
      for (const variant of phraseEquivalents(key)) {
        // Only where neither side was cut at eight.
        if (phraseEquivalents(variant).length < 8 && phraseEquivalents(key).length < 8) {
          expect(phraseEquivalents(variant), `${variant} → ${key}`).toContain(key);
        }
      }
    }
  });

  it('relates hyphenated spellings both ways ("co-operation" ⇄ "cooperation")', () => {
    expect(phraseEquivalents(phraseKey('cooperation'))).toContain(phraseKey('co-operation'));
    expect(phraseEquivalents(phraseKey('co-operation'))).toContain(phraseKey('cooperation'));
  });

  it('gives only variants a page can report (no edge key at either end)', () => {
    for (const key of ['world health organization', 'ecommerce']) {
      for (const variant of phraseEquivalents(key)) {
        const terms = variant.split(' ');
        expect(isEdgeKey(terms[0]!) || isEdgeKey(terms[terms.length - 1]!), `${key} → ${variant}`).toBe(false);
      }
    }
  });
});
