import { describe, expect, it } from 'vitest';
import { fold } from '../../lib/shared/text/fold.ts';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { segmentWords, tokenize } from '../../lib/shared/text/tokenize.ts';
import { indexTerms } from '../../lib/shared/search/index-terms.ts';
import { stem } from '../../lib/shared/text/stem.ts';

describe('tokenize', () => {
  it('splits English into words with offsets into the original text', () => {
    const text = 'Submarine cables, he said.';

    const tokens = tokenize(text);

    expect(tokens.map((t) => t.text)).toEqual(['Submarine', 'cables', 'he', 'said']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Submarine', 'cables', 'he', 'said']);
  });

  it('splits Chinese text without spaces into dictionary words', () => {
    const tokens = tokenize('网络空间治理');

    expect(tokens.map((t) => t.term)).toEqual(['网络', '空间', '治理']);
  });

  it('unifies typographic and straight apostrophes', () => {
    const [curly] = tokenize('China’s');
    const [straight] = tokenize("China's");

    expect(curly?.term).toBe("china's");
    expect(straight?.term).toBe("china's");
  });

  it('finds exactly the words Intl.Segmenter finds, on every seed article', () => {
    const folder = new URL('../../seeds/', import.meta.url);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      for (const paragraph of readFileSync(new URL(file, folder), 'utf8').split(/\n\s*\n/)) {
        expect(tokenize(paragraph)).toEqual(segmentWords(paragraph));
      }
    }
  });

  it('finds exactly the words Intl.Segmenter finds, on random mixed-script text', () => {
    const pieces = ['Wuzhen', 'CAFÉ', 'naïve', 'China’s', "don't", 'e.g.', '3.14', '10:30', 'U.S.', '网络空间', '治理', 'ไทย', '🙂', ' ', '\n', '—', '-', ',', 'Ж', 'αβγ', '_x', "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(segmentWords(text));
      }),
      { numRuns: 500 },
    );
  });

  it('returns nothing for punctuation and whitespace', () => {
    expect(tokenize(' … — !? \n\t')).toEqual([]);
  });
});

describe('fold', () => {
  it('removes case and diacritics', () => {
    expect(fold('Résumé')).toBe('resume');
    expect(fold('ZÜRICH')).toBe('zurich');
    expect(fold('Ｗｕｚｈｅｎ')).toBe('wuzhen');
  });

  it('leaves CJK characters alone', () => {
    expect(fold('治理')).toBe('治理');
  });
});

describe('stem', () => {
  it('folds regular plurals and possessives', () => {
    expect(stem('cables')).toBe('cable');
    expect(stem('countries')).toBe('country');
    expect(stem("china's")).toBe('china');
    expect(stem('addresses')).toBe('address');
  });

  it('leaves words that only look plural', () => {
    expect(stem('business')).toBe('business');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('economics')).toBe('economics');
    expect(stem('gas')).toBe('gas');
  });
});

describe('indexTerms', () => {
  it('drops stop words and keeps the words that carry meaning', () => {
    expect(indexTerms('The cables of the World Internet Conference')).toEqual([
      'cable',
      'world',
      'internet',
      'conference',
    ]);
  });

  it('indexes an accented word under its plain spelling', () => {
    expect(indexTerms('Café São Paulo')).toEqual(['cafe', 'sao', 'paulo']);
  });

  it('keeps single CJK characters, which can be whole words, but drops single Latin letters', () => {
    expect(indexTerms('a b 和 x')).toEqual(['和']);
  });
});
