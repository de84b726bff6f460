import { parseDocument } from 'yaml';

/** What a YAML front matter block gave: its keys and values, or why it was left out. */
export type FrontMatter = { fields: Map<string, unknown> } | { problem: string };

/** An alias expanding to more nodes than this is a "billion laughs" attack, not metadata. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses a Markdown file's YAML front matter with the YAML 1.2 core schema (plain data only: no
 * custom tags, no merge keys). The result is hostile data, so it is kept as `Map`s (`mapAsMap`):
 * a key such as `__proto__` is a map entry, never an object property. Only string keys of the
 * top-level map are returned; callers pick the few they know.
 */
export function readFrontMatter(source: string): FrontMatter {
  const document = parseDocument(source, { schema: 'core', logLevel: 'silent', uniqueKeys: false });
  const [error] = document.errors;
  if (error !== undefined) {
    const line = error.linePos?.[0].line;
    return { problem: `the front matter is not valid YAML${line === undefined ? '' : ` (line ${line + 1} of the file)`}; it was left out` };
  }
  let data: unknown;
  try {
    data = document.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { problem: 'the front matter uses too many aliases; it was left out' };
  }
  if (data === null || data === undefined) return { fields: new Map() };
  if (!(data instanceof Map)) return { problem: 'the front matter is not a list of "key: value" lines; it was left out' };
  const fields = new Map<string, unknown>();
  for (const [key, value] of data) if (typeof key === 'string') fields.set(key, value);
  return { fields };
}
