import { A_OFFSET, A_PRIME, B_OFFSET, B_PRIME, isEdgeKey, KEY_START_A, KEY_START_B, keyOf, mixA, mixB, MAX_KEY_TERMS, termLanes } from '../shared/linking/key-hash.ts';
import { STOP_WORDS } from '../shared/text/stop-words.ts';
import type { PageNgrams } from '../protocol.ts';
import { createWordBuffers, scanWords } from '../shared/text/scan-words.ts';
import { joinsPhrase } from './joins-phrase.ts';
import { UNSETTLED, WordIdCache, type TermSource } from './word-id-cache.ts';
import { grownTo } from '../shared/grow-typed-array.ts';

/** The words of one piece of page text, as read: kept so the phrases to paint can be found again. */
export interface ReadText {
  text: string;
  /** `[start, end, …]` of each word. */
  offsets: Int32Array;
  /** Each word's term id in the reader's term table. */
  ids: Int32Array;
  /** 1 where a word may continue a phrase from the word before it (`joinsPhrase`). */
  joins: Uint8Array;
}

/** Past this many different terms (a long-lived tab of many pages) the term table starts afresh. */
const MAX_TERMS = 1 << 18;

/**
 * Every match term seen on the page, numbered, with its two hash lanes and whether a phrase may
 * start or end with it. Nothing here comes from the collection: a page learns nothing about it
 * by how fast or slow this runs.
 *
 * Terms are found by their lanes, not their text: a pure-ASCII word (nearly all of them) is
 * stemmed and hashed where it stands, on character codes, so a page's thousands of word forms
 * make no strings (on a fresh page this code runs before the engine has optimised it, and a
 * string, a regular expression and a `Map` per form cost more than the rest of the reading).
 */
class PageTerms implements TermSource {
  /** Open addressing on the lanes: per slot the term id + 1 (0: free). */
  // Sized for the terms of a page read to the character budget (about 4,000 in 100,000
  // characters of prose): growing and rehashing run in code the engine has not optimised yet.
  private slots = new Int32Array(1 << 14);
  laneA = new Int32Array(1 << 12);
  laneB = new Int32Array(1 << 12);
  edge = new Uint8Array(1 << 12);
  size = 0;

  idOf(term: string): number {
    const [a, b] = termLanes(term);
    const id = this.find(a, b);
    return id >= 0 ? id : this.add(a, b, isEdgeKey(term));
  }

  /**
   * `idOf(wordMatchTerm(text.slice(start, end)))` for each of `count` pure-ASCII words, with no
   * string made: word `i` is `text[words[2 * i], words[2 * i + 1])`, `hashes[i]` its `hashWord`
   * (lane A of its term when stemming keeps the word whole). One loop for all of a text's new
   * forms: on a fresh page it is optimised while it runs.
   */
  idsOfAsciiWords(text: string, words: Int32Array, hashes: Int32Array, count: number, ids: Int32Array): void {
    for (let i = 0; i < count; i++) {
      const start = words[2 * i]!;
      const end = words[2 * i + 1]!;
      // stem(): a possessive goes first ("cable's" → "cable")…
      let stop = end;
      if (stop - start >= 2 && (text.charCodeAt(stop - 1) | 0x20) === S && text.charCodeAt(stop - 2) === APOSTROPHE) stop -= 2;
      // …then, in a Latin word of more than three letters: -ies → -y, -sses → -ss, and a final s
      // except after ss, us, is, ous, ics or an apostrophe.
      let extraY = false;
      if (stop - start > 3 && (text.charCodeAt(stop - 1) | 0x20) === S && isLatin(text, start, stop)) {
        const second = text.charCodeAt(stop - 2) | 0x20;
        const third = text.charCodeAt(stop - 3) | 0x20;
        if (stop - start > 4 && second === E && third === I) {
          stop -= 3;
          extraY = true;
        } else if (second === E && third === S && (text.charCodeAt(stop - 4) | 0x20) === S) {
          stop -= 2;
        } else if (!(second === S || second === U || second === I || second === APOSTROPHE || (second === C && third === I))) {
          stop -= 1;
        }
      }
      // Lane A is FNV-1a over the folded term, the scanner's own word hash: worked out again only
      // for a stemmed word. Lane B always.
      const stemmed = stop !== end || extraY;
      let a = stemmed ? A_OFFSET : hashes[i]!;
      let b = B_OFFSET;
      for (let at = start; at < stop; at++) {
        const raw = text.charCodeAt(at);
        const code = raw >= 0x41 && raw <= 0x5a ? raw | 0x20 : raw;
        if (stemmed) a = Math.imul(a ^ code, A_PRIME);
        b = Math.imul(b ^ code, B_PRIME);
        b ^= b >>> 15;
      }
      if (extraY) {
        a = Math.imul(a ^ Y, A_PRIME);
        b = Math.imul(b ^ Y, B_PRIME);
        b ^= b >>> 15;
      }
      // find(), written out: this runs once for each new form of the page.
      const { slots, laneA, laneB } = this;
      const mask = slots.length - 1;
      let id = -1;
      for (let slot = slotOfLanes(a, b, mask); ; slot = (slot + 1) & mask) {
        const held = slots[slot]!;
        if (held === 0) break;
        if (laneA[held - 1] === a && laneB[held - 1] === b) {
          id = held - 1;
          break;
        }
      }
      if (id < 0) {
        // Only a short term can be a stop word, only one that starts with a digit or `.,;'` a number.
        const length = stop - start + (extraY ? 1 : 0);
        const edge = length < 2 || (length <= longestStopWord() && isStopWordLanes(a, b)) ||
          (isNumberChar(text.charCodeAt(start)) && isAsciiNumber(text, start, stop));
        id = this.add(a, b, edge);
      }
      ids[i] = id;
    }
  }

  /** The id of the term with lanes `a` and `b`, or -1 when it has none yet. */
  private find(a: number, b: number): number {
    const { slots, laneA, laneB } = this;
    const mask = slots.length - 1;
    for (let slot = slotOfLanes(a, b, mask); ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0) return -1;
      if (laneA[held - 1] === a && laneB[held - 1] === b) return held - 1;
    }
  }

  /** Numbers a term `find` does not know. */
  private add(a: number, b: number, isEdge: boolean): number {
    const id = this.size++;
    if (id >= this.edge.length) this.grow();
    this.laneA[id] = a;
    this.laneB[id] = b;
    this.edge[id] = isEdge ? 1 : 0;
    if (this.size * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let slot = slotOfLanes(a, b, mask);
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size - 1; id++) {
      let slot = slotOfLanes(this.laneA[id]!, this.laneB[id]!, mask);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }

  private grow(): void {
    const size = this.edge.length * 2;
    this.laneA = grownTo(this.laneA, size);
    this.laneB = grownTo(this.laneB, size);
    this.edge = grownTo(this.edge, size);
  }
}

/** The first slot to probe for two lanes in a table of `mask + 1` slots. */
function slotOfLanes(a: number, b: number, mask: number): number {
  return (a ^ Math.imul(b, 0x9e3779b1)) & mask;
}

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const C = 0x63;
const E = 0x65;
const I = 0x69;
const S = 0x73;
const U = 0x75;
const Y = 0x79;

/** stem()'s `^[a-z][a-z'-]*$`, on the characters of `text[start, stop)`, either case. */
function isLatin(text: string, start: number, stop: number): boolean {
  if (((text.charCodeAt(start) | 0x20) - 0x61) >>> 0 >= 26) return false;
  for (let at = start + 1; at < stop; at++) {
    const code = text.charCodeAt(at);
    if (((code | 0x20) - 0x61) >>> 0 >= 26 && code !== APOSTROPHE && code !== HYPHEN) return false;
  }
  return true;
}

/** `isEdgeKey`'s number rule for ASCII: digits and `.,;'` then at most st, nd, rd, th or s. */
function isAsciiNumber(text: string, start: number, stop: number): boolean {
  let at = start;
  while (at < stop && isNumberChar(text.charCodeAt(at))) at++;
  if (at === start) return false;
  const rest = stop - at;
  if (rest === 0) return true;
  const one = text.charCodeAt(at) | 0x20;
  if (rest === 1) return one === S;
  const two = text.charCodeAt(at + 1) | 0x20;
  return rest === 2 && ((one === S && two === 0x74) || (one === 0x6e && two === 0x64) || (one === 0x72 && two === 0x64) || (one === 0x74 && two === 0x68));
}

function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2c || code === 0x3b || code === APOSTROPHE;
}

/** The stop words' lanes, pairs `[a, b]` in open addressing (both 0: free; no term has both lanes 0 here). */
let stopSlots: Int32Array | undefined;

let stopWordLength = 0;

/** The length of the longest stop word. */
function longestStopWord(): number {
  if (stopWordLength === 0) for (const word of STOP_WORDS) stopWordLength = Math.max(stopWordLength, word.length);
  return stopWordLength;
}

/** Whether lanes `a` and `b` are a stop word's, told on the integers (no key made, no `Set`). */
function isStopWordLanes(a: number, b: number): boolean {
  const slots = (stopSlots ??= stopWordSlots());
  const mask = (slots.length >> 1) - 1;
  for (let slot = slotOfLanes(a, b, mask); ; slot = (slot + 1) & mask) {
    const heldA = slots[2 * slot]!;
    const heldB = slots[2 * slot + 1]!;
    if (heldA === 0 && heldB === 0) return false;
    if (heldA === a && heldB === b) return true;
  }
}

function stopWordSlots(): Int32Array {
  let capacity = 16;
  while (capacity < STOP_WORDS.size * 4) capacity *= 2;
  const slots = new Int32Array(2 * capacity);
  const mask = capacity - 1;
  for (const word of STOP_WORDS) {
    const [a, b] = termLanes(word);
    let slot = slotOfLanes(a, b, mask);
    while (slots[2 * slot] !== 0 || slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = a;
    slots[2 * slot + 1] = b;
  }
  return slots;
}

/**
 * Reads page text into what the background needs to relate the page (issue 9), in two steps:
 * - `read` finds the words of each piece of text and counts the page's words (its single-word
 *   keys), which `words` hands out for the background's first question: which of them occur in
 *   some phrase of the collection;
 * - `report` then hashes the n-grams of 2–`MAX_KEY_TERMS` words made of such words only (a stop
 *   word may sit inside, never at either end; words joined as `joinsPhrase` allows), and reports
 *   them with the words, each with how often it occurs and where it first does.
 * No text leaves the page, only these numbers; the work depends on the page alone, never on the
 * size of the collection, and most of a page's n-grams are never hashed at all.
 */
export class PageReader {
  private terms = new PageTerms();
  private cache = new WordIdCache(this.terms);
  private readonly buffers = createWordBuffers();
  /** The texts read since `reset`, each with where it starts in the page. */
  private reads: { read: ReadText; textBefore: number }[] = [];
  /** Per term id: occurrences on the page and the first one's offset; and the ids in order of first occurrence. */
  private wordCounts = new Int32Array(1 << 12);
  private wordFirsts = new Int32Array(1 << 12);
  private seen: number[] = [];
  /** `words()` as last worked out; null after a read changes them. */
  private wordKeys: number[] | null = null;

  /** Starts a new page scan: forgets what was read, and the term table once it has grown large. */
  reset(): void {
    if (this.terms.size > MAX_TERMS) {
      this.terms = new PageTerms();
      this.cache = new WordIdCache(this.terms);
    }
    for (const id of this.seen) this.wordCounts[id] = 0;
    this.seen = [];
    this.wordKeys = null;
    this.reads = [];
  }

  /** Reads one piece of text that starts `textBefore` characters into the page, and counts its words. */
  read(text: string, textBefore: number): ReadText {
    const scanned = scanWords(text, this.buffers);
    const settled = this.cache.lookUp(text, scanned.offsets, scanned.hashes);
    const offsets = scanned.offsets.slice();
    const ids = scanned.hashes.slice();
    const count = ids.length;
    const joins = new Uint8Array(count);
    const read = { text, offsets, ids, joins };
    this.reads.push({ read, textBefore });
    this.wordKeys = null;
    const { edge } = this.terms;
    if (this.wordCounts.length < this.terms.size) this.growWords();
    const { wordCounts, wordFirsts, seen } = this;
    // One pass per word for the new forms' term ids, the counts and the joins (on a fresh page
    // every separate loop is another one the engine runs unoptimised until it gets to it).
    for (let w = 0; w < count; w++) {
      const start = offsets[2 * w]!;
      if (w > 0) {
        const from = offsets[2 * w - 1]!;
        // Most words are one plain space apart.
        joins[w] = (start - from === 1 && text.charCodeAt(from) === 0x20) || joinsPhrase(text, from, start) ? 1 : 0;
      }
      let id = ids[w]!;
      if (id <= UNSETTLED) {
        id = settled[UNSETTLED - id]!;
        ids[w] = id;
      }
      if (edge[id]) continue;
      if (wordCounts[id]! === 0) {
        wordFirsts[id] = textBefore + start;
        seen.push(id);
      }
      wordCounts[id]!++;
    }
    return read;
  }


  /** The page's words as single-word keys, in order of first occurrence: what `report` numbers them by (shared: do not modify). */
  words(): number[] {
    const { laneA, laneB } = this.terms;
    this.wordKeys ??= this.seen.map((id) => keyOf(mixA(KEY_START_A, laneA[id]!), mixB(KEY_START_B, laneB[id]!)));
    return this.wordKeys;
  }

  /**
   * What the page holds, for the background: its words, then the n-grams made of the words the
   * background named (`phraseWords`: indices into `words()`), with counts and first places (in
   * thousandths of the text).
   */
  report(textLength: number, phraseWords: readonly number[]): PageNgrams {
    const { laneA, laneB, edge } = this.terms;
    const inPhrases = new Uint8Array(this.terms.size);
    for (const index of phraseWords) {
      const id = this.seen[index];
      if (id !== undefined) inPhrases[id] = 1;
    }
    const longer = new Tally();
    for (const { read: { ids, offsets, joins }, textBefore } of this.reads) {
      const count = ids.length;
      for (let w = 0; w < count; w++) {
        const first = ids[w]!;
        if (inPhrases[first] === 0) continue;
        // Integer lanes all the way: a key becomes a (boxed) number only when it is reported.
        let a = mixA(KEY_START_A, laneA[first]!);
        let b = mixB(KEY_START_B, laneB[first]!);
        for (let at = w + 1; at < w + MAX_KEY_TERMS && at < count && joins[at] === 1; at++) {
          const id = ids[at]!;
          if (edge[id] === 0 && inPhrases[id] === 0) break;
          a = mixA(a, laneA[id]!);
          b = mixB(b, laneB[id]!);
          if (edge[id] === 0) longer.note(a, b, textBefore + offsets[2 * w]!);
        }
      }
    }
    const scale = textLength > 0 ? 1000 / textLength : 0;
    const place = (offset: number) => Math.min(1000, Math.floor(offset * scale));
    return {
      keys: [...this.words(), ...longer.keys()],
      unigrams: this.seen.length,
      counts: [...this.seen.map((id) => this.wordCounts[id]!), ...longer.counts()],
      firsts: [...this.seen.map((id) => place(this.wordFirsts[id]!)), ...longer.firsts().map(place)],
    };
  }

  private growWords(): void {
    let size = this.wordCounts.length;
    while (size < this.terms.size) size *= 2;
    this.wordCounts = grownTo(this.wordCounts, size);
    this.wordFirsts = grownTo(this.wordFirsts, size);
  }

  /**
   * Finds the n-grams whose hash is in `wanted`, leftmost-longest (at each word the longest such
   * n-gram starting there, then on after it), and hands each to `found` with its offsets in the text.
   */
  locate(read: ReadText, wanted: ReadonlySet<number>, found: (key: number, start: number, end: number) => void): void {
    const { offsets, ids, joins } = read;
    const { laneA, laneB, edge } = this.terms;
    const count = ids.length;
    let w = 0;
    while (w < count) {
      let best = -1;
      let bestKey = 0;
      if (!edge[ids[w]!]) {
        let a = KEY_START_A;
        let b = KEY_START_B;
        for (let at = w; at < w + MAX_KEY_TERMS && at < count && (at === w || joins[at] === 1); at++) {
          const id = ids[at]!;
          a = mixA(a, laneA[id]!);
          b = mixB(b, laneB[id]!);
          if (edge[id]) continue;
          const key = keyOf(a, b);
          if (wanted.has(key)) {
            best = at;
            bestKey = key;
          }
        }
      }
      if (best >= 0) {
        found(bestKey, offsets[2 * w]!, offsets[2 * best + 1]!);
        w = best + 1;
      } else {
        w++;
      }
    }
  }
}

/**
 * Counts and first offsets of keys, in order of first occurrence: an open-addressing table on the
 * two 32-bit lanes, so counting allocates nothing per n-gram.
 */
class Tally {
  private laneA = new Int32Array(INITIAL_TALLY);
  private laneB = new Int32Array(INITIAL_TALLY);
  /** Per slot, the entry's number + 1 (0: free). */
  private slots = new Int32Array(INITIAL_TALLY);
  private entryCounts = new Int32Array(INITIAL_TALLY / 2);
  private entryFirsts = new Int32Array(INITIAL_TALLY / 2);
  private entrySlots = new Int32Array(INITIAL_TALLY / 2);
  size = 0;

  note(a: number, b: number, offset: number): void {
    let mask = this.slots.length - 1;
    let slot = slotOfLanes(a, b, mask);
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.laneA[slot] === a && this.laneB[slot] === b) {
        this.entryCounts[entry - 1]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.slots.length) {
      this.grow();
      mask = this.slots.length - 1;
      slot = slotOfLanes(a, b, mask);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    const entry = this.size++;
    this.laneA[slot] = a;
    this.laneB[slot] = b;
    this.slots[slot] = entry + 1;
    this.entryCounts[entry] = 1;
    this.entryFirsts[entry] = offset;
    this.entrySlots[entry] = slot;
  }

  keys(): number[] {
    const keys = new Array<number>(this.size);
    for (let entry = 0; entry < this.size; entry++) {
      const slot = this.entrySlots[entry]!;
      keys[entry] = keyOf(this.laneA[slot]!, this.laneB[slot]!);
    }
    return keys;
  }

  counts(): number[] {
    return Array.from(this.entryCounts.subarray(0, this.size));
  }

  firsts(): number[] {
    return Array.from(this.entryFirsts.subarray(0, this.size));
  }

  private grow(): void {
    const { laneA, laneB, slots } = this;
    const capacity = slots.length * 2;
    this.laneA = new Int32Array(capacity);
    this.laneB = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < slots.length; old++) {
      const entry = slots[old]!;
      if (entry === 0) continue;
      const a = laneA[old]!;
      const b = laneB[old]!;
      let slot = slotOfLanes(a, b, mask);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.laneA[slot] = a;
      this.laneB[slot] = b;
      this.slots[slot] = entry;
      this.entrySlots[entry - 1] = slot;
    }
    this.entryCounts = grownTo(this.entryCounts, capacity / 2);
    this.entryFirsts = grownTo(this.entryFirsts, capacity / 2);
    this.entrySlots = grownTo(this.entrySlots, capacity / 2);
  }
}

const INITIAL_TALLY = 1 << 12;
