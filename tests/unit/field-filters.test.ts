import { describe, expect, it } from 'vitest';
import { matchesFieldFilters, NO_FIELD_FILTERS, type FieldFilters } from '../../lib/shared/search/field-filters.ts';
import { matchesPhrases } from '../../lib/shared/search/match-phrases.ts';
import { parseQuery } from '../../lib/shared/search/parse-query.ts';

const filters = (patch: Partial<FieldFilters>): FieldFilters => ({ ...NO_FIELD_FILTERS, ...patch });
const hindu = { source: 'The Hindu', tags: ['Policy', 'Trade'], publishedAt: '2023-11-08' };

describe('matchesFieldFilters', () => {
  it('lets every article through when nothing is filtered', () => {
    expect(matchesFieldFilters({}, NO_FIELD_FILTERS)).toBe(true);
  });

  it('matches a source by whole words, ignoring case and accents', () => {
    expect(matchesFieldFilters(hindu, filters({ sources: ['hindu'] }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ sources: ['THE HINDU'] }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ sources: ['hin'] }))).toBe(false);
    expect(matchesFieldFilters({ source: 'Le Monde' }, filters({ sources: ['monde'] }))).toBe(true);
    expect(matchesFieldFilters({}, filters({ sources: ['hindu'] }))).toBe(false);
  });

  it('takes an article from any of several sources', () => {
    expect(matchesFieldFilters(hindu, filters({ sources: ['xinhua', 'hindu'] }))).toBe(true);
  });

  it('needs every tag, ignoring case', () => {
    expect(matchesFieldFilters(hindu, filters({ tags: ['policy', 'TRADE'] }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ tags: ['policy', 'energy'] }))).toBe(false);
    expect(matchesFieldFilters({}, filters({ tags: ['policy'] }))).toBe(false);
  });

  it('takes before: as before the bound began and after: as from its start on', () => {
    expect(matchesFieldFilters(hindu, filters({ before: '2024' }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ before: '2023' }))).toBe(false);
    expect(matchesFieldFilters(hindu, filters({ before: '2023-11' }))).toBe(false);
    expect(matchesFieldFilters(hindu, filters({ before: '2023-11-08' }))).toBe(false);
    expect(matchesFieldFilters(hindu, filters({ after: '2023-11' }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ after: '2023-11-08' }))).toBe(true);
    expect(matchesFieldFilters(hindu, filters({ after: '2023-11-09' }))).toBe(false);
    expect(matchesFieldFilters(hindu, filters({ after: '2024' }))).toBe(false);
    expect(matchesFieldFilters(hindu, filters({ after: '2023-11-08', before: '2023-11-09' }))).toBe(true);
  });

  it('leaves out undated articles when a date is asked for', () => {
    expect(matchesFieldFilters({ source: 'The Hindu' }, filters({ after: '1900' }))).toBe(false);
  });
});

describe('matchesPhrases', () => {
  const article = { title: 'Cables under the sea', body: 'Submarine cables carry most of the internet’s traffic. The World Internet Conference met in Wuzhen.' };
  const phrase = (query: string) => parseQuery(query).phrases;
  const excluded = (query: string) => parseQuery(query).excludePhrases;

  it('finds a phrase whose words stand together and in order', () => {
    expect(matchesPhrases(article, phrase('"submarine cables"'), [])).toBe(true);
    expect(matchesPhrases(article, phrase('"SUBMARINE CABLE"'), [])).toBe(true);
  });

  it('does not take the same words apart or in another order for the phrase', () => {
    expect(matchesPhrases(article, phrase('"cables submarine"'), [])).toBe(false);
    expect(matchesPhrases(article, phrase('"submarine traffic"'), [])).toBe(false);
  });

  it('needs every phrase', () => {
    expect(matchesPhrases(article, phrase('"submarine cables" "world internet conference"'), [])).toBe(true);
    expect(matchesPhrases(article, phrase('"submarine cables" "internet conference wuzhen"'), [])).toBe(false);
  });

  it('does not find a phrase across two fields', () => {
    expect(matchesPhrases({ title: 'Under the sea', body: 'Submarine cables' }, phrase('"sea submarine"'), [])).toBe(false);
  });

  it('drops an article where an excluded phrase occurs', () => {
    expect(matchesPhrases(article, [], excluded('-"world internet"'))).toBe(false);
    expect(matchesPhrases(article, [], excluded('-"internet world"'))).toBe(true);
  });
});
