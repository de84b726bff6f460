import type { ParsedArticle } from '../../protocol.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { cleanBody } from './clean-body.ts';
import { cleanField } from './clean-field.ts';
import { cleanUrl } from './clean-url.ts';
import { MAX_ARTICLE_CHARS, MAX_ARTICLES_PER_FILE, MAX_TAGS } from './limits.ts';
import { normalizeTags } from './normalize-tags.ts';
import { titleFromText } from './title-from-text.ts';

/** What is left of a file's articles once the limits are applied. */
export interface LimitedArticles {
  articles: ParsedArticle[];
  notes: string[];
  /** Why the last article was dropped, for a file that ends up with none. */
  dropped?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;
const LANG = /^[a-z]{2,3}$/;
/** An article whose text is longer than this is dropped, not cut: half an article misleads. */
export const TOO_LONG = `longer than ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters (the limit per article)`;

/**
 * The last word on what a reader produced, before it leaves the library page: every field
 * cleaned and within `limits.ts` (titles, sources and authors cut to `MAX_FIELD_CHARS`, tags
 * by `normalizeTags`, URLs that are not http(s) or too long dropped, the language
 * told from the text when the file did not say), articles with
 * no text or too much text dropped with a note, at most `MAX_ARTICLES_PER_FILE` kept. Each
 * article is rebuilt from its known fields, so nothing else a reader may have carried passes.
 * `labels[i]` names article i in notes ("item 4"); a lone article needs none.
 */
export function applyLimits(articles: readonly ParsedArticle[], fallbackTitle: string, labels?: readonly string[]): LimitedArticles {
  const kept: ParsedArticle[] = [];
  const notes: string[] = [];
  let dropped: string | undefined;
  const name = (index: number) => labels?.[index] ?? (articles.length > 1 ? `article ${index + 1}` : 'the article');
  for (const [index, input] of articles.entries()) {
    if (kept.length === MAX_ARTICLES_PER_FILE) {
      notes.push(`only the first ${MAX_ARTICLES_PER_FILE.toLocaleString('en')} articles were read (the limit per file); ${(articles.length - index).toLocaleString('en')} more were left out`);
      break;
    }
    const body = cleanBody(input.body);
    if (body === '') dropped = 'no text';
    else if (body.length > MAX_ARTICLE_CHARS) dropped = TOO_LONG;
    else {
      const article = limitFields(input, body, fallbackTitle, notes, name(index));
      kept.push(article);
      continue;
    }
    notes.push(`${name(index)}: ${dropped}; left out`);
  }
  return dropped === undefined ? { articles: kept, notes } : { articles: kept, notes, dropped };
}

function limitFields(input: ParsedArticle, body: string, fallbackTitle: string, notes: string[], name: string): ParsedArticle {
  const title = cleanField(input.title) ?? titleFromText(body) ?? cleanField(fallbackTitle) ?? 'Untitled';
  const article: ParsedArticle = { title, body };
  const url = cleanUrl(input.url);
  const source = cleanField(input.source);
  const author = cleanField(input.author);
  if (url !== undefined) article.url = url;
  if (source !== undefined) article.source = source;
  if (author !== undefined) article.author = author;
  if (typeof input.publishedAt === 'string' && ISO_DATE.test(input.publishedAt)) article.publishedAt = input.publishedAt;
  const lang = typeof input.lang === 'string' && LANG.test(input.lang) ? input.lang : detectLanguage(`${title}\n${body}`);
  if (lang !== undefined) article.lang = lang;
  const tags = limitTags(input.tags, notes, name);
  if (tags.length > 0) article.tags = tags;
  return article;
}

function limitTags(input: unknown, notes: string[], name: string): string[] {
  if (!Array.isArray(input)) return [];
  const tags = normalizeTags(input, Infinity);
  if (tags.length <= MAX_TAGS) return tags;
  notes.push(`${name}: only the first ${MAX_TAGS} of ${tags.length} tags were kept`);
  return tags.slice(0, MAX_TAGS);
}
