import { cleanField } from './clean-field.ts';
import { MAX_TAG_CHARS, MAX_TAGS } from './limits.ts';

/**
 * The one rule for an article's tags, wherever they come from (a file's front matter, JSON or
 * CSV, a backup, the library's editor, the background checking what it receives): each tag is a
 * one-line field (`cleanField`: trimmed, inner whitespace collapsed, control characters and
 * bidirectional controls removed, cut to `MAX_TAG_CHARS` with an ellipsis); empty ones and
 * anything but a string are dropped; repeats are dropped ignoring case, keeping the first spelling
 * (case is otherwise left as written); at most `max` are kept (default `MAX_TAGS`; pass
 * `Infinity` to count what was cut).
 */
export function normalizeTags(input: readonly unknown[], max = MAX_TAGS): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input) {
    if (tags.length >= max) break;
    const tag = cleanField(raw, MAX_TAG_CHARS);
    if (tag === undefined) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
