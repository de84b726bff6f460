import { hashWord } from '../text/scan-words.ts';

/**
 * The match terms of a compiled matcher, looked up by hash without building a Map: the background
 * lays out the table (`termSlots`) once, and a content script uses the plain array it receives as
 * is, so loading a matcher costs nothing per term.
 *
 * `termSlots` is an open-addressing table keyed by `hashWord(term)`: each slot holds a term id + 1,
 * 0 when free; its length is a power of two and it is at most two-thirds full.
 */
export function buildTermSlots(terms: readonly string[]): number[] {
  let capacity = 2;
  while (capacity * 2 < terms.length * 3) capacity *= 2;
  const slots = new Array<number>(capacity).fill(0);
  const mask = capacity - 1;
  terms.forEach((term, id) => {
    let slot = hashWord(term, 0, term.length) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  });
  return slots;
}

export class MatcherTerms {
  private readonly mask: number;

  /** @param termSlots `buildTermSlots(terms)`; its length must be a power of two */
  constructor(
    private readonly terms: readonly string[],
    private readonly termSlots: readonly number[],
  ) {
    this.mask = termSlots.length - 1;
  }

  /** The id of a match term, or -1 when no phrase uses it. */
  idOf(term: string): number {
    const { terms, termSlots, mask } = this;
    for (let slot = hashWord(term, 0, term.length) & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      const id = termSlots[slot]! - 1;
      if (!(id >= 0)) return -1;
      if (terms[id] === term) return id;
    }
    return -1;
  }

  /**
   * The id of the match term of the pure-ASCII word `text[start, end)`, or -1: the same as
   * `idOf(wordMatchTerm(word))`, but the term is worked out on character codes (lower case and
   * `stem`'s rules) and compared where it stands, so no string is made. On a fresh page this runs
   * for each new word form before the engine has optimised it, so the loops call no helpers.
   * @param hash `hashWord(text, start, end)`, which is the term's hash when stemming keeps the word
   */
  idOfAsciiWord(text: string, start: number, end: number, hash: number): number {
    let stop = end;
    let last = text.charCodeAt(stop - 1) | 0x20;
    // stem: the possessive first ("cable's" → "cable")
    if (stop - start >= 2 && last === S && text.charCodeAt(stop - 2) === APOSTROPHE) {
      stop -= 2;
      last = text.charCodeAt(stop - 1) | 0x20;
    }
    let extraY = false;
    if (stop - start > 3 && last === S) {
      // stem's /^[a-z][a-z'-]*$/
      let latin = ((text.charCodeAt(start) | 0x20) - A) >>> 0 < 26;
      for (let at = start + 1; latin && at < stop; at++) {
        const code = text.charCodeAt(at);
        latin = ((code | 0x20) - A) >>> 0 < 26 || code === APOSTROPHE || code === HYPHEN;
      }
      if (latin) {
        const second = text.charCodeAt(stop - 2) | 0x20;
        const third = text.charCodeAt(stop - 3) | 0x20;
        if (stop - start > 4 && second === E && third === I) {
          stop -= 3; // "countries" → "country"
          extraY = true;
        } else if (second === E && third === S && (text.charCodeAt(stop - 4) | 0x20) === S) {
          stop -= 2; // "classes" → "class"
        } else if (!(second === S || second === U || second === I || second === APOSTROPHE || (second === C && third === I))) {
          stop -= 1; // stem's /(ss|us|is|ous|ics|'s)$/ keeps the s
        }
      }
    }
    if (stop !== end || extraY) {
      hash = FNV_OFFSET;
      for (let at = start; at < stop; at++) {
        const code = text.charCodeAt(at);
        hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), FNV_PRIME);
      }
      if (extraY) hash = Math.imul(hash ^ Y, FNV_PRIME);
    }
    const length = stop - start + (extraY ? 1 : 0);
    const { terms, termSlots, mask } = this;
    for (let slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      const id = termSlots[slot]! - 1;
      if (!(id >= 0)) return -1;
      const term = terms[id]!;
      if (term.length !== length) continue;
      let same = !extraY || term.charCodeAt(length - 1) === Y;
      for (let at = start, i = 0; same && at < stop; at++, i++) {
        const code = text.charCodeAt(at);
        same = term.charCodeAt(i) === (code >= 0x41 && code <= 0x5a ? code | 0x20 : code);
      }
      if (same) return id;
    }
    return -1;
  }
}

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const A = 0x61;
const C = 0x63;
const E = 0x65;
const I = 0x69;
const S = 0x73;
const U = 0x75;
const Y = 0x79;

// `hashWord`'s FNV-1a, computed here on the way.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
