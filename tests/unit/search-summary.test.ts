import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchSummary } from '../../components/SearchSummary.tsx';
import type { SearchHit, SearchResult } from '../../lib/protocol.ts';

const hit = (id: number): SearchHit => ({
  id,
  title: `Article ${id}`,
  origin: 'seed',
  score: 1,
  titleHighlights: [],
  snippet: { text: '', highlights: [], truncatedStart: false, truncatedEnd: false },
});

function text(result: SearchResult | null, pending = false): string {
  return renderToStaticMarkup(createElement(SearchSummary, { result, pending, locale: 'en' })).replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
}

describe('SearchSummary', () => {
  it('counts every match when all are shown', () => {
    expect(text({ query: 'cables', hits: [hit(1)], total: 1 })).toBe('1 article');
  });

  it('says how many of how many are shown', () => {
    expect(text({ query: 'cables', hits: [hit(1), hit(2)], total: 1200 })).toBe('2 of 1,200 articles');
  });

  it('says "at least" when the background stopped counting', () => {
    expect(text({ query: '"cables"', hits: [hit(1), hit(2)], total: 2, totalAtLeast: true })).toBe('2 of at least 2 articles');
  });

  it('shows the syntax hint, and what was not understood, when nothing matches', () => {
    const shown = text({ query: 'cables before:2024-13', hits: [], total: 0 });

    expect(shown).toContain('No articles match “cables before:2024-13”.');
    expect(shown).toContain('before:2024-13 is not a date');
    expect(shown).toContain('"exact phrase" -exclude source: tag: before:2024 after:2023-06');
  });

  it('shows nothing before the first answer or while a newer one is awaited with no hits', () => {
    expect(text(null)).toBe('');
    expect(text({ query: 'x', hits: [], total: 0 }, true)).toBe('');
  });
});
