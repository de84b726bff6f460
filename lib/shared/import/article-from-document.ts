import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { ParsedArticle } from '../../protocol.ts';
import { parseByline } from '../text/parse-byline.ts';
import { ParseError } from '../text/parse-error.ts';
import { blockText } from './block-text.ts';
import { cleanField } from './clean-field.ts';
import { cleanUrl } from './clean-url.ts';
import { normalizeDate } from './normalize-date.ts';
import { takeByline } from './take-byline.ts';
import { titleFromText } from './title-from-text.ts';

export interface DocumentOptions {
  /** The page's address, when known (importing the current page); else the canonical link is used. */
  url?: string;
  /** The title when the page names none (an imported file's name). */
  fallbackTitle?: string;
}

/** A byline longer than this is a paragraph Readability mistook for one. */
const MAX_BYLINE = 200;
/** Past this many elements Readability gives up rather than freeze the page. */
const MAX_ELEMENTS = 300_000;

/**
 * Extracts the article of an HTML document as plain text, for an imported `.html` file and for
 * "add this page" (where it runs in a web page's isolated world, so it uses standard DOM APIs
 * only). Readability works on a clone, never on `doc` itself; its output is sanitised by
 * DOMPurify into an inert document and only the text is read from that (`blockText`), so no
 * markup, script or event handler of the page reaches Cairn. Title, byline, site name,
 * publication time and language come from Readability; the URL from `options.url` or the page's
 * canonical link (http and https only). Throws `ParseError` when the page has no text.
 */
export function articleFromDocument(doc: Document, options: DocumentOptions = {}): ParsedArticle {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new ParseError('article-from-document: this browser cannot sanitise HTML safely, so the page was not read.');
  const clone = doc.cloneNode(true) as Document;
  const found = readArticle(clone);
  const sanitise = (dirty: string) => purify.sanitize(dirty, { RETURN_DOM: true, USE_PROFILES: { html: true } });
  let body = typeof found?.content === 'string' ? blockText(sanitise(found.content)) : '';
  // Readability finds nothing on some short pages; their whole body is then the article.
  if (body === '' && doc.body !== null) body = blockText(sanitise(doc.body.innerHTML));
  if (body === '') throw new ParseError('article-from-document: the page has no text to keep.');

  const article: ParsedArticle = {
    title: cleanField(found?.title) ?? cleanField(options.fallbackTitle) ?? cleanField(doc.title) ?? titleFromText(body) ?? 'Untitled',
    body,
  };
  const url = cleanUrl(options.url) ?? canonicalUrl(doc);
  let author = readAuthor(found?.byline);
  let source = cleanField(found?.siteName);
  // A byline Readability did not recognise ("By A. Writer" in a plain paragraph) is still one.
  if (author === undefined) {
    const taken = takeByline(article.body);
    article.body = taken.body;
    author = taken.credit?.author;
    source ??= taken.credit?.source;
  }
  const publishedAt = normalizeDate(found?.publishedTime ?? undefined);
  const lang = /^([a-z]{2,3})(?:[-_]|$)/i.exec(found?.lang ?? doc.documentElement?.lang ?? '')?.[1]?.toLowerCase();
  if (url !== undefined) article.url = url;
  if (author !== undefined) article.author = author;
  if (source !== undefined) article.source = source;
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  if (lang !== undefined) article.lang = lang;
  return article;
}

function readArticle(clone: Document): ReturnType<Readability['parse']> {
  try {
    return new Readability(clone, { maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    // Too many elements, or a document shape Readability trips on: the body is read whole instead.
    return null;
  }
}

function canonicalUrl(doc: Document): string | undefined {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return cleanUrl(link.getAttribute('href'), doc.baseURI);
  }
  for (const meta of doc.querySelectorAll('meta[property][content]')) {
    if (meta.getAttribute('property')?.toLowerCase() === 'og:url') return cleanUrl(meta.getAttribute('content'), doc.baseURI);
  }
  return undefined;
}

function readAuthor(byline: string | null | undefined): string | undefined {
  const text = cleanField(byline);
  if (text === undefined || text.length > MAX_BYLINE) return undefined;
  const credit = parseByline(text);
  if (credit?.author !== undefined) return credit.author;
  return credit?.source === undefined ? text.replace(/^by\s+/i, '') : undefined;
}
