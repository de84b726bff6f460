import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../lib/protocol.ts';
import { parseOmniboxChoice } from '../../../lib/shared/reach/omnibox-choice.ts';
import { omniboxSuggestions, searchSuggestion } from '../../../lib/shared/reach/omnibox-suggestions.ts';

function hit(id: number, title: string, titleHighlights: SearchHit['titleHighlights'], source?: string): SearchHit {
  return {
    id,
    title,
    titleHighlights,
    origin: 'file',
    score: 1,
    snippet: { text: '', highlights: [], truncatedStart: false, truncatedEnd: false },
    ...(source ? { source } : {}),
  };
}

describe('omniboxSuggestions', () => {
  it('marks the matched words of each title, dims the source, and points at the article', () => {
    const [suggestion] = omniboxSuggestions([hit(3, 'Submarine cables & ports', [{ start: 10, end: 16 }], 'Xinhua')], true);

    expect(suggestion!.description).toBe('Submarine <match>cables</match> &amp; ports<dim> — Xinhua</dim>');
    expect(parseOmniboxChoice(suggestion!.content)).toEqual({ kind: 'article', id: 3 });
  });

  it('escapes a hostile title and source', () => {
    const [suggestion] = omniboxSuggestions([hit(1, '<url>x</url>', [{ start: 5, end: 6 }], '</dim><match>')], true);

    expect(suggestion!.description).toBe('&lt;url&gt;<match>x</match>&lt;/url&gt;<dim> — &lt;/dim&gt;&lt;match&gt;</dim>');
  });

  it('gives plain text without markup', () => {
    const [suggestion] = omniboxSuggestions([hit(2, 'A & B', [{ start: 0, end: 1 }])], false);

    expect(suggestion!.description).toBe('A & B');
  });

  it('keeps each content unique even when titles repeat', () => {
    const suggestions = omniboxSuggestions([hit(1, 'Same', []), hit(2, 'Same', [])], true);

    expect(new Set(suggestions.map((s) => s.content)).size).toBe(2);
  });
});

describe('searchSuggestion', () => {
  it('offers a search of the collection for what was typed, escaped', () => {
    expect(searchSuggestion(' a<b ', true)).toBe('Search Cairn for “<match>a&lt;b</match>”');
  });

  it('invites typing when nothing is typed yet', () => {
    expect(searchSuggestion('  ', true)).toBe('Search your Cairn collection: type some words');
  });
});
