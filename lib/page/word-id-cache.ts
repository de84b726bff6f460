import { hashWord } from '../shared/text/scan-words.ts';
import { wordMatchTerm } from './word-match-term.ts';
import { grownTo } from '../shared/grow-typed-array.ts';

/** Gives each match term a number: the ids `WordIdCache` hands out. */
export interface TermSource {
  /** The id of a match term, or -1 when it has none. */
  idOf(term: string): number;
  /**
   * `idOf(wordMatchTerm(text.slice(start, end)))` for each of `count` pure-ASCII words, into
   * `ids`: word `i` is `text[words[2 * i], words[2 * i + 1])` and `hashes[i]` its `hashWord`.
   */
  idsOfAsciiWords(text: string, words: Int32Array, hashes: Int32Array, count: number, ids: Int32Array): void;
}

/**
 * Term ids of the words of page text, looked up straight from the text: a hash of the word's
 * characters (ASCII case folded) probes an open-addressing table of word forms already seen, so
 * the common case allocates nothing. Only a form seen for the first time is sliced out (to be
 * compared with later words) and given its term: pure-ASCII forms, nearly all of them, on
 * character codes where the term source can (`TermSource.idsOfAsciiWords`), others through `wordMatchTerm`. A 1 MB page has
 * about 170,000 words but only some 20,000 forms.
 *
 * The new ASCII forms of a text are given their terms together, after the text's last word (one
 * call and one loop rather than a call per form: on a fresh page this code runs before the engine
 * has optimised it, and a loop is optimised sooner than a function called four thousand times).
 * Until then a new form's slot holds `PENDING - n` for the `n`th of them.
 */
export class WordIdCache {
  /** Per slot, side by side so one probe touches one cache line: the hash, and the id + 2 (0: free). */
  private slots = new Int32Array(2 * INITIAL_CAPACITY);
  /** Per slot, the form as first written; compared with A–Z lowered on both sides. */
  private forms: string[] = new Array<string>(INITIAL_CAPACITY).fill('');
  private size = 0;
  /** The new ASCII forms of the text being looked up: their slots, `[start, end]` pairs, hashes, and term ids once settled. */
  private pendingSlots = new Int32Array(INITIAL_PENDING);
  private pendingSpans = new Int32Array(2 * INITIAL_PENDING);
  private pendingHashes = new Int32Array(INITIAL_PENDING);
  private pendingIds = new Int32Array(INITIAL_PENDING);

  /** @param terms the match terms phrases use, with their ids */
  constructor(private readonly terms: TermSource) {}

  /**
   * The term id of the word `text[start, end)`, or -1 when no phrase uses its term.
   * @param hash `hashWord(text, start, end)`, which the scanner computes anyway
   */
  idOf(text: string, start: number, end: number, hash = hashWord(text, start, end)): number {
    const ids = Int32Array.of(hash);
    this.idsOf(text, Int32Array.of(start, end), ids);
    return ids[0]!;
  }

  /**
   * Term ids of all the words of a text at once, in place of their hashes.
   * @param offsets the words' `[start, end, …]` pairs, as `scanWords` gives them
   * @param hashes `hashWord` of each word; overwritten with its term id, or -1
   */
  idsOf(text: string, offsets: Int32Array, hashes: Int32Array): void {
    const settled = this.lookUp(text, offsets, hashes);
    for (let w = 0; w < hashes.length; w++) {
      const id = hashes[w]!;
      if (id <= UNSETTLED) hashes[w] = settled[UNSETTLED - id]!;
    }
  }

  /**
   * `idsOf` but for the last step, which the caller does in a loop of its own over the words:
   * a word whose form is new in this text is left as `UNSETTLED - n`, and its term id is
   * `settled[n]` in the array returned (valid until the next call).
   */
  lookUp(text: string, offsets: Int32Array, hashes: Int32Array): Int32Array {
    const count = hashes.length;
    let pending = 0;
    // On a fresh page this loop runs before the engine has optimised it: one call per text, not
    // per word, and the comparison is written out.
    for (let w = 0; w < count; w++) {
      const start = offsets[2 * w]!;
      const end = offsets[2 * w + 1]!;
      const hash = hashes[w]!;
      const length = end - start;
      const { slots, forms } = this;
      const mask = forms.length - 1;
      let tag = 0;
      let slot = hash & mask;
      for (; ; slot = (slot + 1) & mask) {
        tag = slots[2 * slot + 1]!;
        if (tag === 0) break;
        if (slots[2 * slot] !== hash) continue;
        const form = forms[slot]!;
        if (form.length !== length) continue;
        // Most repeats are spelt as first seen: one built-in comparison, else letter by letter.
        let same = text.startsWith(form, start);
        for (let i = 0; !same && i < length; i++) {
          const known = form.charCodeAt(i);
          const code = text.charCodeAt(start + i);
          // Equal, or the same letter A–Z in the other case.
          if (known !== code && !((known ^ code) === 0x20 && ((code | 0x20) - 0x61) >>> 0 < 26)) break;
          if (i === length - 1) same = true;
        }
        if (same) break;
      }
      if (tag === 0) {
        // A new form. A full table is emptied or grown first (pending forms given their terms).
        if (this.size >= MAX_FORMS || (this.size + 1) * 2 > forms.length) {
          this.settle(text, hashes, w, pending);
          pending = 0;
          if (this.size >= MAX_FORMS) this.resize(INITIAL_CAPACITY, false);
          else this.resize(forms.length * 2, true);
          slot = this.freeSlot(hash);
        }
        let ascii = true;
        for (let at = start; ascii && at < end; at++) ascii = text.charCodeAt(at) < 0x80;
        const form = text.slice(start, end);
        if (ascii) {
          tag = PENDING - pending;
          if (pending >= this.pendingSlots.length) this.growPending();
          this.pendingSlots[pending] = slot;
          this.pendingSpans[2 * pending] = start;
          this.pendingSpans[2 * pending + 1] = end;
          this.pendingHashes[pending++] = hash;
        } else {
          tag = this.terms.idOf(wordMatchTerm(lowerAsciiLetters(form))) + 2;
        }
        this.slots[2 * slot] = hash;
        this.slots[2 * slot + 1] = tag;
        this.forms[slot] = form;
        this.size++;
      }
      hashes[w] = tag - 2;
    }
    this.settle(text, hashes, 0, pending);
    return this.pendingIds;
  }

  /**
   * Gives the `pending` new ASCII forms found so far their terms (into `pendingIds`), in the table
   * and in the first `count` words of `ids` (each a term id, or `UNSETTLED - n` for the `n`th new form).
   */
  private settle(text: string, ids: Int32Array, count: number, pending: number): void {
    if (pending === 0) return;
    const { pendingSlots, pendingIds, slots } = this;
    this.terms.idsOfAsciiWords(text, this.pendingSpans, this.pendingHashes, pending, pendingIds);
    for (let n = 0; n < pending; n++) slots[2 * pendingSlots[n]! + 1] = pendingIds[n]! + 2;
    for (let w = 0; w < count; w++) {
      const id = ids[w]!;
      if (id <= UNSETTLED) ids[w] = pendingIds[UNSETTLED - id]!;
    }
  }

  private growPending(): void {
    const size = this.pendingSlots.length * 2;
    this.pendingSlots = grownTo(this.pendingSlots, size);
    this.pendingSpans = grownTo(this.pendingSpans, 2 * size);
    this.pendingHashes = grownTo(this.pendingHashes, size);
    this.pendingIds = new Int32Array(size);
  }

  private put(slot: number, hash: number, id: number, form: string): void {
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 2;
    this.forms[slot] = form;
  }

  private freeSlot(hash: number): number {
    const mask = this.forms.length - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private resize(capacity: number, keep: boolean): void {
    const { slots, forms } = this;
    this.slots = new Int32Array(2 * capacity);
    this.forms = new Array<string>(capacity).fill('');
    this.size = 0;
    if (!keep) return;
    for (let old = 0; old < forms.length; old++) {
      if (slots[2 * old + 1] === 0) continue;
      const hash = slots[2 * old]!;
      this.put(this.freeSlot(hash), hash, slots[2 * old + 1]! - 2, forms[old]!);
      this.size++;
    }
  }
}

// A long article has a few thousand distinct forms, the 100,000 characters a scan reads at most
// about 4,000 (a 1 MB page some 20,000): room for 8,000 before the table grows (a resize runs in
// code the engine has not optimised yet, on a fresh page).
const INITIAL_CAPACITY = 1 << 14;
// New forms in one text at most before the pending arrays grow: a text of 8,192 characters (a
// scan's batch) has rarely more than 1,500 words.
const INITIAL_PENDING = 1 << 11;
/** A slot's tag while its form waits for its term: `PENDING - n` for the `n`th new form of the text. */
const PENDING = -1;
/** What `lookUp` leaves for a word whose form was new: `UNSETTLED - n` for the `n`th (its tag less 2, as for every word). */
export const UNSETTLED = PENDING - 2;
// Past this many distinct forms (a huge page, or many pages in a long-lived tab) start afresh.
const MAX_FORMS = 1 << 18;

// Words equal but for the case of A–Z share a cache entry, so their match term must not depend
// on it: folding lowers A–Z anyway, and lower-casing elsewhere in the word (final sigma, dotted I)
// does not depend on the case of ASCII letters. The form is lowered so before `wordMatchTerm`.
function lowerAsciiLetters(word: string): string {
  return word.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
