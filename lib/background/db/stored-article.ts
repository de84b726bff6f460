import * as v from 'valibot';
import { backupArticleSchema } from '../../shared/import/article-schemas.ts';
import type { Article, DamagedArticle } from '../../protocol.ts';

/**
 * An article as it must be when read back from the database: the same checks as a backup file's
 * articles (which are the import's), plus the hash. Storage is read as strictly as a message
 * (Cairn issue 8): a record damaged by a bug, an old version or a hand edit is quarantined, never
 * indexed, linked or shown as if it were whole.
 */
export const storedArticleSchema = v.strictObject({
  ...backupArticleSchema.entries,
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'the content hash is not a SHA-256 in hex')),
});

export type CheckedArticle = { ok: true; article: Article } | { ok: false; damaged: DamagedArticle };

const FIELD_NAMES: Record<string, string> = {
  body: 'the text',
  title: 'the title',
  id: 'the id',
  contentHash: 'the content hash',
  importedAt: 'the import date',
  publishedAt: 'the publication date',
  fileName: 'the file name',
  origin: 'where it came from',
};

/** What is wrong with a record, in words for the storage panel (`the text is 42, not a string`). */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.map((item) => String(item.key)).join('.');
  const name = key ? (FIELD_NAMES[key] ?? `the field “${key}”`) : 'the record';
  if (issue.kind !== 'schema') return issue.message.startsWith('the ') ? issue.message : `${name}: ${issue.message}`;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `it has a field no article has (“${key}”)`;
  if (issue.received === 'undefined') return `${name} is missing`;
  return `${name} is ${issue.received}, not ${kindOf(issue.expected ?? '')}`;
}

function kindOf(expected: string): string {
  if (!/^[A-Za-z]+$/.test(expected)) return `one of ${expected}`;
  return `${/^[aeiou]/i.test(expected) ? 'an' : 'a'} ${expected.toLowerCase()}`;
}

/** Checks one stored record; `key` is its key in the table, for the report when the record is not an object. */
export function checkStoredArticle(record: unknown, key?: unknown): CheckedArticle {
  const parsed = v.safeParse(storedArticleSchema, record);
  if (parsed.success) return { ok: true, article: parsed.output };
  const reason = describeIssue(parsed.issues[0]);
  const raw = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
  const id = [raw.id, key].find((k): k is number | string => typeof k === 'number' || typeof k === 'string') ?? String(key);
  return {
    ok: false,
    damaged: {
      id,
      ...(typeof raw.title === 'string' && raw.title.trim() !== '' && { title: raw.title.slice(0, 200) }),
      reason,
    },
  };
}
