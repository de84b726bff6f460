import { hashWord } from '../shared/text/scan-words.ts';
import { wordMatchTerm } from './word-match-term.ts';

/** Gives each match term a number: the ids `WordIdCache` hands out. */
export interface TermSource {
  /** The id of a match term, or -1 when it has none. */
  idOf(term: string): number;
  /** `idOf(wordMatchTerm(text.slice(start, end)))` for a pure-ASCII word. */
  idOfAsciiWord(text: string, start: number, end: number, hash: number): number;
}

/**
 * Term ids of the words of page text, looked up straight from the text: a hash of the word's
 * characters (ASCII case folded) probes an open-addressing table of word forms already seen, so
 * the common case allocates nothing. Only a form seen for the first time is sliced out (to be
 * compared with later words) and given its term: pure-ASCII forms, nearly all of them, on
 * character codes where the term source can (`TermSource.idOfAsciiWord`), others through `wordMatchTerm`. A 1 MB page has
 * about 170,000 words but only some 20,000 forms.
 */
export class WordIdCache {
  /** Per slot, side by side so one probe touches one cache line: the hash, and the id + 2 (0: free). */
  private slots = new Int32Array(2 * INITIAL_CAPACITY);
  /** Per slot, the form as first written; compared with A–Z lowered on both sides. */
  private forms: string[] = new Array<string>(INITIAL_CAPACITY).fill('');
  private size = 0;

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
    // On a fresh page this loop runs before the engine has optimised it: one call per text, not
    // per word, and the comparison is written out.
    for (let w = 0; w < hashes.length; w++) {
      const start = offsets[2 * w]!;
      const end = offsets[2 * w + 1]!;
      const hash = hashes[w]!;
      const length = end - start;
      const { slots, forms } = this;
      const mask = forms.length - 1;
      let id = -2;
      for (let slot = hash & mask; id === -2; slot = (slot + 1) & mask) {
        const tag = slots[2 * slot + 1]!;
        if (tag === 0) {
          id = this.add(slot, hash, text, start, end);
          break;
        }
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
        if (same) id = tag - 2;
      }
      hashes[w] = id;
    }
  }

  private add(slot: number, hash: number, text: string, start: number, end: number): number {
    const form = text.slice(start, end);
    let ascii = true;
    for (let at = start; ascii && at < end; at++) ascii = text.charCodeAt(at) < 0x80;
    const id = ascii ? this.terms.idOfAsciiWord(text, start, end, hash) : this.terms.idOf(wordMatchTerm(lowerAsciiLetters(form)));
    if (this.size >= MAX_FORMS) {
      this.resize(INITIAL_CAPACITY, false);
      slot = this.freeSlot(hash);
    } else if ((this.size + 1) * 2 > this.forms.length) {
      this.resize(this.forms.length * 2, true);
      slot = this.freeSlot(hash);
    }
    this.put(slot, hash, id, form);
    this.size++;
    return id;
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

// A long article has a few thousand distinct forms, a 1 MB page some 20,000.
const INITIAL_CAPACITY = 1 << 13;
// Past this many distinct forms (a huge page, or many pages in a long-lived tab) start afresh.
const MAX_FORMS = 1 << 18;

// Words equal but for the case of A–Z share a cache entry, so their match term must not depend
// on it: folding lowers A–Z anyway, and lower-casing elsewhere in the word (final sigma, dotted I)
// does not depend on the case of ASCII letters. The form is lowered so before `wordMatchTerm`.
function lowerAsciiLetters(word: string): string {
  return word.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
