// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleFromDocument } from '../../../lib/shared/import/article-from-document.ts';
import { ParseError } from '../../../lib/shared/text/parse-error.ts';
import { fixHappyDomForDomPurify } from './happy-dom-fixes.ts';

// DOMPurify needs two browser behaviours happy-dom lacks; see happy-dom-fixes.ts.
fixHappyDomForDomPurify();

const PARAGRAPH = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month, after a winter of repairs.';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('articleFromDocument', () => {
  it('reads the title, author, site, date, language, canonical URL and paragraphs of a page', () => {
    const doc = parse(`<!doctype html><html lang="en-GB"><head><title>Night ferry returns</title>
      <link rel="canonical" href="https://example.org/ferry">
      <meta property="og:site_name" content="Harbour Post"><meta name="author" content="Jane Roe">
      <meta property="article:published_time" content="2024-04-03T15:30:00Z"></head>
      <body><article><h1>Night ferry returns</h1><p>${PARAGRAPH}</p><p>Line one<br>line two</p>
      <ul><li>Monday</li><li>Friday</li></ul></article></body></html>`);

    const article = articleFromDocument(doc);

    expect(article).toEqual({
      title: 'Night ferry returns',
      body: `${PARAGRAPH}\n\nLine one\nline two\n\nMonday\n\nFriday`,
      url: 'https://example.org/ferry',
      author: 'Jane Roe',
      source: 'Harbour Post',
      publishedAt: '2024-04-03T15:30',
      lang: 'en',
    });
  });

  it('prefers the URL it is given, and ignores a canonical link that is not http(s)', () => {
    const doc = parse(`<link rel="canonical" href="javascript:alert(1)"><p>${PARAGRAPH}</p>`);

    expect(articleFromDocument(doc).url).toBeUndefined();
    expect(articleFromDocument(doc, { url: 'https://example.org/page' }).url).toBe('https://example.org/page');
  });

  it('uses the fallback title when the page has none', () => {
    const doc = parse(`<p>${PARAGRAPH}</p>`);

    expect(articleFromDocument(doc, { fallbackTitle: 'saved page' }).title).toBe('saved page');
  });

  it('leaves the document it is given unchanged', () => {
    const doc = parse(`<title>T</title><div class="sidebar">Share</div><article><p>${PARAGRAPH}</p></article>`);
    const before = doc.documentElement.outerHTML;

    articleFromDocument(doc);

    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps scripts, styles and event handlers out of the text', () => {
    const doc = parse(`<title>T</title><style>p { color: red }</style><article><p>${PARAGRAPH}</p>
      <script>document.title = 'hacked'</script><img src="x.png" onerror="alert(1)">
      <p><a href="javascript:alert(2)">A link</a> in a sentence.</p><noscript>Enable scripts</noscript></article>`);

    const { body } = articleFromDocument(doc);

    expect(body).toBe(`${PARAGRAPH}\n\nA link in a sentence.`);
  });

  // With an explicit <head>: happy-dom's DOMParser puts a bare <title> in the body, where a
  // browser puts it in the head.
  it('sanitises the whole body when Readability finds no article in it', () => {
    const doc = parse('<html><head><title>T</title></head><body><script>alert(1)</script><div onclick="x()">Short note.<img src=x onerror="alert(2)"></div></body></html>');

    const article = articleFromDocument(doc);

    expect(article.body).toBe('Short note.');
  });

  it('throws a ParseError for a page with no text', () => {
    expect(() => articleFromDocument(parse('<html><head><title>Empty</title></head><body><img src="a.png"></body></html>'))).toThrow(ParseError);
  });
});
