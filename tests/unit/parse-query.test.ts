import { describe, expect, it } from 'vitest';
import { markedTerms } from '../../lib/shared/search/marked-terms.ts';
import { parseQuery } from '../../lib/shared/search/parse-query.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';

describe('parseQuery', () => {
  it('leaves a query of plain words as it was typed', () => {
    const parsed = parseQuery('submarine cab');

    expect(parsed.words).toBe('submarine cab');
    expect(parsed.phrases).toEqual([]);
    expect(parsed.excludeTerms).toEqual([]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps the trailing space that says the last word is finished', () => {
    expect(parseQuery('submarine ').words).toBe('submarine ');
  });

  it('takes a quoted phrase out of the plain words, with its index terms', () => {
    const parsed = parseQuery('"Submarine Cables" china');

    expect(parsed.phrases).toEqual([{ text: 'Submarine Cables', terms: ['submarine', 'cable'] }]);
    expect(parsed.words).toBe('china');
  });

  it('marks the last plain word finished when a phrase or filter follows it', () => {
    expect(parseQuery('china "submarine cables"').words).toBe('china ');
    expect(parseQuery('china source:hindu').words).toBe('china ');
  });

  it('takes an unclosed quote as plain words still being typed', () => {
    const parsed = parseQuery('"submarine cab');

    expect(parsed.phrases).toEqual([]);
    expect(parsed.words).toBe('submarine cab');
  });

  it('excludes the index term of a -word', () => {
    const parsed = parseQuery('internet -Cables');

    expect(parsed.excludeTerms).toEqual(['cable']);
    expect(parsed.words).toBe('internet ');
  });

  it('excludes a quoted phrase, or a hyphenated word of two terms, as a phrase', () => {
    const parsed = parseQuery('-"world internet" -covid-19');

    expect(parsed.excludePhrases.map((p) => p.terms)).toEqual([['world', 'internet'], ['covid', '19']]);
    expect(parsed.excludeTerms).toEqual([]);
  });

  it('ignores a lone -, and keeps a hyphen inside a word a plain word', () => {
    const parsed = parseQuery('cyber - security e-commerce -');

    expect(parsed.words).toBe('cyber security e-commerce ');
    expect(parsed.excludeTerms).toEqual([]);
    expect(parsed.problems).toEqual([]);
  });

  it('names a -word that is too common to exclude instead of failing', () => {
    const parsed = parseQuery('cables -the');

    expect(parsed.excludeTerms).toEqual([]);
    expect(parsed.problems).toEqual(['-the is a common word, which is not searched.']);
  });

  it('reads source:, tag:, before: and after: whatever the case of the key', () => {
    const { filters, words } = parseQuery('Source:hindu TAG:policy before:2024 after:2023-06 cables');

    expect(filters).toEqual({ sources: ['hindu'], tags: ['policy'], before: '2024', after: '2023-06' });
    expect(words).toBe('cables');
  });

  it('reads quoted filter values with spaces', () => {
    expect(parseQuery('source:"The Hindu" tag:"trade policy"').filters).toMatchObject({ sources: ['The Hindu'], tags: ['trade policy'] });
  });

  it('reads an unclosed quoted filter value to the end of the query', () => {
    expect(parseQuery('source:"The Hin').filters.sources).toEqual(['The Hin']);
  });

  it('ignores source: with nothing after it and says so', () => {
    const parsed = parseQuery('cables source: tag:""');

    expect(parsed.filters.sources).toEqual([]);
    expect(parsed.filters.tags).toEqual([]);
    expect(parsed.problems).toEqual(['source: needs a value, such as source:"The Hindu".', 'tag: needs a value, such as tag:policy.']);
    expect(parsed.words).toBe('cables ');
  });

  it('rejects dates that do not exist and says how to write one', () => {
    for (const bad of ['2024-13', '2023-02-29', '24', '2024/06', '2024-6', 'yesterday', '2024-06-00']) {
      const parsed = parseQuery(`before:${bad}`);

      expect(parsed.filters.before, bad).toBeNull();
      expect(parsed.problems[0], bad).toMatch(/is not a date/);
    }
  });

  it('accepts a leap day and keeps the narrowest of several bounds', () => {
    expect(parseQuery('after:2024-02-29').filters.after).toBe('2024-02-29');
    expect(parseQuery('before:2024-06 before:2024').filters.before).toBe('2024');
    expect(parseQuery('after:2023-06 after:2023').filters.after).toBe('2023-06');
  });

  it('does not support negated filters and says so', () => {
    const parsed = parseQuery('-source:hindu');

    expect(parsed.filters.sources).toEqual([]);
    expect(parsed.problems).toEqual(['-source: is not supported; search with source: instead.']);
  });

  it('keeps unknown keys and web addresses as plain words', () => {
    expect(parseQuery('http://example.com author:smith').words).toBe('http://example.com author:smith');
  });

  it('handles Chinese, accents and emoji in phrases and filters', () => {
    const parsed = parseQuery('"网络空间治理" source:"Le Monde diplomatique" -résumé 🙂');

    expect(parsed.phrases[0]?.terms).toEqual(['网络', '空间', '治理']);
    expect(parsed.filters.sources).toEqual(['Le Monde diplomatique']);
    expect(parsed.excludeTerms).toEqual(['resume']);
    expect(parsed.words).toBe('🙂');
  });

  it('drops a phrase of common words only, with a note', () => {
    const parsed = parseQuery('"the of" ""');

    expect(parsed.phrases).toEqual([]);
    expect(parsed.problems).toEqual(['“the of” has only common words, which are not searched.']);
  });

  it('gives an empty query nothing to search', () => {
    expect(parseQuery('   ')).toMatchObject({ words: ' ', phrases: [], excludeTerms: [], problems: [] });
  });
});

describe('markedTerms', () => {
  it('marks plain words and phrase words, not exclusions or filter values', () => {
    expect(markedTerms('wuzhen "submarine cables" -ships source:hindu tag:policy before:2024')).toEqual(['wuzhen', 'submarine', 'cable']);
  });

  it('marks a plain query as before', () => {
    expect(markedTerms('submarine cab')).toEqual(planQuery('submarine cab').terms);
  });
});
