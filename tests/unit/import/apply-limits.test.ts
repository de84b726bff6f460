import { describe, expect, it } from 'vitest';
import { applyLimits } from '../../../lib/shared/import/apply-limits.ts';
import type { ParsedArticle } from '../../../lib/protocol.ts';

describe('applyLimits', () => {
  it('rebuilds each article from its known fields only', () => {
    const input = { title: ' T ', body: 'Text.', extra: 'dropped', url: 'javascript:x', publishedAt: 'soon', lang: 'English' } as ParsedArticle;

    const { articles } = applyLimits([input], 'file');

    expect(articles).toEqual([{ title: 'T', body: 'Text.' }]);
  });

  it('gives an untitled article a title from its text, else from the file', () => {
    expect(applyLimits([{ title: '  ', body: 'First line\n\nmore' }], 'file').articles[0]?.title).toBe('First line');
  });

  it('leaves out articles without text, with a note naming them', () => {
    const { articles, notes, dropped } = applyLimits([{ title: 'A', body: ' \n ' }, { title: 'B', body: 'Text.' }], 'file', ['item 1', 'item 2']);

    expect(articles).toHaveLength(1);
    expect(notes).toEqual(['item 1: no text; left out']);
    expect(dropped).toBe('no text');
  });

  it('removes duplicate and blank tags', () => {
    expect(applyLimits([{ title: 'A', body: 'B', tags: ['x', ' x ', '', 'y'] }], 'f').articles[0]?.tags).toEqual(['x', 'y']);
  });
});
