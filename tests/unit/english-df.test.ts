import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrownCorpus } from '../../bench/brown-corpus.ts';
import { ENGLISH_DF } from '../../lib/background/linking/english-df-data.ts';
import { ENGLISH_DOCUMENTS, englishDf } from '../../lib/background/linking/english-df.ts';
import { matchTerm } from '../../lib/shared/linking/phrase-key.ts';
import { countSampleFrequencies, englishDfModule, formatSampleFrequencies, MIN_SAMPLES } from '../../scripts/make-english-df.ts';

describe('englishDf', () => {
  const df = englishDf();

  it('knows everyday English and not the seed articles’ topics', () => {
    expect(ENGLISH_DOCUMENTS).toBe(500);
    expect(df.get('the')).toBeGreaterThanOrEqual(495);
    expect(df.get('government')).toBeGreaterThan(100);
    expect(df.get('knitting') ?? 0).toBeLessThan(10);
    expect(df.has('cyberspace')).toBe(false);
    expect(df.has('wuzhen')).toBe(false);
    // Keyed as phrase matching keys words: folded and stemmed.
    expect(df.get(matchTerm('countries'))).toBe(df.get('country'));
    expect(df.has('countries')).toBe(false);
    expect(df.has('The')).toBe(false);
  });

  it('holds only terms with a letter, in 3 to 500 samples, and is parsed once', () => {
    const odd = [...df].filter(([term, count]) => !/\p{L}/u.test(term) || !(count >= MIN_SAMPLES && count <= 500));
    expect(odd).toEqual([]);
    expect(df.size * 2).toBe(ENGLISH_DF.split(' ').length);
    expect(englishDf()).toBe(df);
  });

  it('is what the generator makes from the corpus today', () => {
    const { samples } = loadBrownCorpus();
    expect(formatSampleFrequencies(countSampleFrequencies(samples))).toBe(ENGLISH_DF);
    const committed = readFileSync(new URL('../../lib/background/linking/english-df-data.ts', import.meta.url), 'utf8');
    expect(englishDfModule(samples)).toBe(committed);
    // Counting the whole corpus takes 2–6 s on a busy 2-core machine: more than Vitest's default 5 s.
  }, 30_000);
});
