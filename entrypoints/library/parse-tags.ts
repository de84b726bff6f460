import { MAX_TAG_CHARS } from '../../lib/shared/import/limits.ts';

/**
 * The tags typed in the editor's one field: split at commas (and Chinese or Japanese commas),
 * trimmed, inner spaces collapsed, cut at `MAX_TAG_CHARS`, empty ones and repeats (ignoring case) dropped, first spelling kept.
 */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,，、]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_CHARS);
    const key = tag.toLocaleLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}
