import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS } from '../../../lib/shared/import/limits.ts';
import { selectionArticle } from '../../../lib/shared/reach/selection-article.ts';

describe('selectionArticle', () => {
  it('takes the page title as the title and the page as the source', () => {
    const made = selectionArticle({
      text: 'Submarine cables carry most of the world’s data.\n\nNew ones land in Pakistan.',
      pageTitle: 'Cables  and\nports',
      pageUrl: 'https://news.example.org/cables?x=1',
    });

    expect(made).toMatchObject({
      kind: 'article',
      article: {
        title: 'Cables and ports',
        url: 'https://news.example.org/cables?x=1',
        source: 'news.example.org',
        body: 'Submarine cables carry most of the world’s data.\n\nNew ones land in Pakistan.',
      },
    });
  });

  it('titles a selection from an untitled page by its first line, and keeps no URL that is not the web', () => {
    const made = selectionArticle({ text: 'First line here\n\nThe rest of it.', pageTitle: '  ', pageUrl: 'javascript:alert(1)' });

    expect(made.kind).toBe('article');
    if (made.kind !== 'article') return;
    expect(made.article.title).toBe('First line here');
    expect(made.article.url).toBeUndefined();
    expect(made.article.source).toBeUndefined();
  });

  it('refuses an empty selection with a reason', () => {
    expect(selectionArticle({ text: ' \n\u200b ', pageTitle: 'Page' })).toEqual({ kind: 'failed', reason: expect.stringMatching(/no selected text|empty/) });
  });

  it('refuses a selection longer than an article may be, saying so', () => {
    // Over twice the limit is refused before any parsing (parsePastedText's own tests cover the rest).
    const made = selectionArticle({ text: 'word '.repeat((2 * MAX_ARTICLE_CHARS) / 5 + 1), pageTitle: 'Huge' });

    expect(made.kind).toBe('failed');
    if (made.kind === 'failed') expect(made.reason).toMatch(/longer than 1,000,000 characters/);
  });
});
