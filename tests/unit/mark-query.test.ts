import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../lib/protocol.ts';
import { markQuery } from '../../lib/shared/search/mark-query.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';

function marked(text: string, query: string): string[] {
  return markQuery(text, planQuery(query).terms).map(({ start, end }: TextRange) => text.slice(start, end));
}

describe('markQuery', () => {
  it('marks the words of the query whatever their case and accents', () => {
    expect(marked('The World Internet Conference in Wuzhen; WUZHEN again, and Wúzhen.', 'wuzhen')).toEqual(['Wuzhen', 'WUZHEN', 'Wúzhen']);
  });

  it('marks plurals and possessives of a query word', () => {
    expect(marked('One cable, many cables, the cable’s end.', 'cable')).toEqual(['cable', 'cables', 'cable’s']);
  });

  it('marks words that start with a word still being typed', () => {
    expect(marked('Wuzhen is a water town.', 'wuz')).toEqual(['Wuzhen']);
  });

  it('marks every word of a query of several words', () => {
    expect(marked('Submarine cables carry the internet.', 'internet submarine')).toEqual(['Submarine', 'internet']);
  });

  it('marks nothing for stop words alone or an empty query', () => {
    expect(marked('The cat and the hat.', 'the and')).toEqual([]);
    expect(marked('The cat and the hat.', '')).toEqual([]);
  });

  it('gives offsets into the original text', () => {
    const text = 'Déjà vu in Zürich';

    expect(markQuery(text, planQuery('zurich').terms)).toEqual([{ start: 11, end: 17 }]);
  });
});
