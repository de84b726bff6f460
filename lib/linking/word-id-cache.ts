import { hashWord } from '../text/scan-words.ts';
import { wordMatchTerm } from './word-match-term.ts';

/**
 * Term ids of the words of page text, looked up straight from the text: a hash of the word's
 * characters (ASCII case folded) probes an open-addressing table of word forms already seen, so
 * the common case allocates nothing. Only a form seen for the first time is sliced out and run
 * through `wordMatchTerm`. A 1 MB page has about 170,000 words but only some 20,000 forms.
 */
export class WordIdCache {
  /** Per slot, side by side so one probe touches one cache line: the hash, and the id + 2 (0: free). */
  private slots = new Int32Array(2 * INITIAL_CAPACITY);
  /** Per slot, the form with A–Z lowered, as compared. */
  private forms: string[] = new Array<string>(INITIAL_CAPACITY).fill('');
  private size = 0;

  /** @param termIds the id of each match term a phrase uses */
  constructor(private readonly termIds: ReadonlyMap<string, number>) {}

  /**
   * The term id of the word `text[start, end)`, or -1 when no phrase uses its term.
   * @param hash `hashWord(text, start, end)`, which the scanner computes anyway
   */
  idOf(text: string, start: number, end: number, hash = hashWord(text, start, end)): number {
    const { slots, forms } = this;
    const mask = forms.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const tag = slots[2 * slot + 1]!;
      if (tag === 0) return this.add(slot, hash, text.slice(start, end));
      if (slots[2 * slot] === hash && sameForm(forms[slot]!, text, start, end)) return tag - 2;
    }
  }

  private add(slot: number, hash: number, word: string): number {
    const form = lowerAsciiWord(word);
    const id = this.termIds.get(wordMatchTerm(form)) ?? -1;
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

// Lowering A–Z before folding changes no match term: folding lowers them anyway, and lower-casing
// elsewhere in the word (final sigma, dotted I) does not depend on the case of ASCII letters.
function lowerAsciiWord(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

function sameForm(form: string, text: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let i = 0; i < form.length; i++) {
    const code = text.charCodeAt(start + i);
    if (form.charCodeAt(i) !== (code >= 0x41 && code <= 0x5a ? code | 0x20 : code)) return false;
  }
  return true;
}
