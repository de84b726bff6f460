import type { ParsedArticle } from '../../protocol.ts';
import { cleanBody } from './clean-body.ts';
import { cleanField } from './clean-field.ts';
import { cleanUrl } from './clean-url.ts';
import { type ArticleField, FIELD_NAMES, fieldKey } from './field-names.ts';
import { normalizeDate } from './normalize-date.ts';
import { normalizeTags } from './normalize-tags.ts';
import { titleFromText } from './title-from-text.ts';

/** One record read as an article, or why it is not one (for a note such as "item 4: …"). */
export type RecordReading = { article: ParsedArticle } | { problem: string };

/**
 * Reads one imported record (a parsed JSON object, a CSV row as header → value, a front matter
 * map) as an article. Field names are matched case-insensitively against `FIELD_NAMES`. The
 * record is hostile data: only its own keys are looked at, only values of the expected type are
 * taken, and the article is a fresh object built from them, so keys such as `__proto__` or
 * `constructor` are never copied anywhere. A record without a title gets one from its text.
 */
export function articleFromRecord(record: unknown): RecordReading {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { problem: `not an object (${describe(record)})` };
  const values = new Map<string, unknown>();
  for (const key of Object.keys(record)) {
    const normal = fieldKey(key);
    if (!values.has(normal)) values.set(normal, (record as Record<string, unknown>)[key]);
  }
  const first = <T>(field: ArticleField, read: (value: unknown) => T | undefined): T | undefined => {
    for (const name of FIELD_NAMES[field]) {
      const found = read(values.get(name));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  if (!FIELD_NAMES.body.some((name) => values.has(name))) {
    return { problem: `no text field (looked for ${FIELD_NAMES.body.join(', ')})` };
  }
  const body = first('body', readBody);
  if (body === undefined) return { problem: 'the text is empty' };
  const article: ParsedArticle = { title: first('title', cleanField) ?? titleFromText(body) ?? 'Untitled', body };
  const url = first('url', (value) => cleanUrl(value));
  const source = first('source', readName);
  const author = first('author', readNames);
  const publishedAt = first('publishedAt', normalizeDate);
  const tags = first('tags', readTags);
  const lang = first('lang', readLang);
  if (url !== undefined) article.url = url;
  if (source !== undefined) article.source = source;
  if (author !== undefined) article.author = author;
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  if (tags !== undefined) article.tags = tags;
  if (lang !== undefined) article.lang = lang;
  return { article };
}

function readBody(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value.filter((part) => typeof part === 'string').join('\n\n') : value;
  if (typeof text !== 'string') return undefined;
  const body = cleanBody(text);
  return body === '' ? undefined : body;
}

/** A name given as a string or as `{ "name": … }` (schema.org's publisher and author). */
function readName(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'name')) {
    return cleanField((value as { name: unknown }).name);
  }
  return cleanField(value);
}

function readNames(value: unknown): string | undefined {
  if (!Array.isArray(value)) return readName(value);
  const names = value.map(readName).filter((name) => name !== undefined);
  return cleanField(names.join(', '));
}

function readTags(value: unknown): string[] | undefined {
  const parts = typeof value === 'string' ? value.split(/[,;]/) : Array.isArray(value) ? value : [];
  // All of them: `applyLimits` cuts to the limit and says how many were left out.
  const tags = normalizeTags(parts, Infinity);
  return tags.length > 0 ? tags : undefined;
}

function readLang(value: unknown): string | undefined {
  const primary = typeof value === 'string' ? value.trim().split(/[-_]/)[0]?.toLowerCase() : undefined;
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
