// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../../lib/shared/import/parse-html.ts';
import { fixHappyDomForDomPurify } from './happy-dom-fixes.ts';

// DOMPurify needs two browser behaviours happy-dom lacks; see happy-dom-fixes.ts.
fixHappyDomForDomPurify();

const PARAGRAPH = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month, after a winter of repairs.';
const executed = vi.fn();
const requests = vi.fn();

beforeEach(() => {
  (globalThis as Record<string, unknown>).cairnTestExecuted = executed;
  vi.stubGlobal('fetch', (...args: unknown[]) => {
    requests(...args);
    return Promise.reject(new Error('no network in tests'));
  });
  vi.spyOn(XMLHttpRequest.prototype, 'open').mockImplementation((...args: unknown[]) => requests(...args));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  executed.mockReset();
  requests.mockReset();
});

describe('parseHtml', () => {
  it('reads a saved page as one article', () => {
    const reading = parseHtml(`<html><head><title>Night ferry</title></head><body><main><p>${PARAGRAPH}</p></main></body></html>`, 'ferry.html');

    expect(reading).toEqual({ kind: 'articles', format: 'html', notes: [], articles: [{ title: 'Night ferry', body: PARAGRAPH }] });
  });

  it('takes a plain "By A. Writer" paragraph as the author, and out of the text', () => {
    const second = 'Tickets for the first crossings go on sale next week, the operator said in a statement.';
    const html = `<html><head><title>Night ferry</title></head><body><article><h1>Night ferry</h1><p>By A. Writer</p><p>${PARAGRAPH}</p><p>${second}</p></article></body></html>`;

    const reading = parseHtml(html, 'ferry.html');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Night ferry', author: 'A. Writer' }] });
    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(article!.body).not.toContain('By A. Writer');
    expect(article!.body).toContain(PARAGRAPH);
  });

  it('leaves a first paragraph that merely starts with "By" in the text, with no author', () => {
    const opening = 'By Tuesday evening the harbour was full of boats waiting for the tide.';
    const reading = parseHtml(`<title>Tide</title><article><p>${opening}</p><p>${PARAGRAPH}</p></article>`, 'tide.html');

    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(article!.author).toBeUndefined();
    expect(article!.body).toContain(opening);
  });

  it('never runs scripts, event handlers or javascript: links, and keeps them out of the text', async () => {
    const html = `<title>T</title><body onload="cairnTestExecuted('onload')">
      <script>cairnTestExecuted('script')</script>
      <p>${PARAGRAPH}</p>
      <img src="https://example.invalid/pixel.png" onerror="cairnTestExecuted('onerror')">
      <svg onload="cairnTestExecuted('svg')"><script>cairnTestExecuted('svg script')</script></svg>
      <iframe src="javascript:cairnTestExecuted('iframe')"></iframe>
      <a href="javascript:cairnTestExecuted('link')">link</a></body>`;

    const reading = parseHtml(html, 'evil.html');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(executed).not.toHaveBeenCalled();
    const body = reading.kind === 'articles' ? reading.articles[0]?.body ?? '' : '';
    expect(body).toContain(PARAGRAPH);
    expect(body).not.toMatch(/<script|onerror=|javascript:|cairnTestExecuted/);
  });

  it('requests nothing from the network for images, styles or frames in the file', async () => {
    const html = `<title>T</title><link rel="stylesheet" href="https://example.invalid/a.css">
      <p>${PARAGRAPH}</p><img src="https://example.invalid/a.png"><img srcset="https://example.invalid/b.png 2x">
      <iframe src="https://example.invalid/frame"></iframe><video src="https://example.invalid/v.mp4"></video>`;

    parseHtml(html, 'page.html');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(requests).not.toHaveBeenCalled();
  });

  it('skips a page without text', () => {
    expect(parseHtml('<html><body><img src="a.png"></body></html>', 'empty.html')).toEqual({
      kind: 'skipped',
      reason: 'no text: the page holds no article text',
    });
  });
});
