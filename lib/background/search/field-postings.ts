/** A term's postings as MiniSearch holds them: field id → article id → how often the term occurs there. */
export type FieldPostings = Map<number, Map<number, number>>;

/** Stored index rows that do not read back: the caller rebuilds the index from the articles. */
export class CorruptTermIndexError extends Error {
  override name = 'CorruptTermIndexError';
}

/** Packs postings as `[fieldId, n, id × n, count × n]` per field. */
export function encodePostings(postings: FieldPostings): Uint32Array {
  let size = 0;
  for (const docs of postings.values()) if (docs.size > 0) size += 2 + 2 * docs.size;
  const out = new Uint32Array(size);
  let at = 0;
  for (const [fieldId, docs] of postings) {
    if (docs.size === 0) continue;
    out[at] = fieldId;
    out[at + 1] = docs.size;
    let i = at + 2;
    for (const [id, times] of docs) {
      out[i] = id;
      out[i + docs.size] = times;
      i += 1;
    }
    at += 2 + 2 * docs.size;
  }
  return out;
}

/**
 * Unpacks `encodePostings`'s output into `into` (a term's rows from several blocks add up).
 * Throws `CorruptTermIndexError` when the data is not what it wrote.
 */
export function decodePostings(data: unknown, fieldCount: number, into: FieldPostings = new Map()): FieldPostings {
  if (!(data instanceof Uint32Array)) throw new CorruptTermIndexError('search index: postings are not a Uint32Array');
  let at = 0;
  while (at < data.length) {
    const fieldId = data[at]!;
    const n = data[at + 1] ?? 0;
    if (fieldId >= fieldCount || n === 0 || at + 2 + 2 * n > data.length) {
      throw new CorruptTermIndexError(`search index: postings malformed at ${at} of ${data.length}`);
    }
    let docs = into.get(fieldId);
    if (!docs) into.set(fieldId, (docs = new Map()));
    for (let i = at + 2; i < at + 2 + n; i++) docs.set(data[i]!, data[i + n]!);
    at += 2 + 2 * n;
  }
  return into;
}

/** How many articles hold the term in any field. */
export function articlesIn(postings: FieldPostings): number {
  if (postings.size === 1) return postings.values().next().value!.size;
  const ids = new Set<number>();
  for (const docs of postings.values()) for (const id of docs.keys()) ids.add(id);
  return ids.size;
}
