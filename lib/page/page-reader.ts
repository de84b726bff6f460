import { isEdgeKey, KeyHasher, MAX_KEY_TERMS, termLanes } from '../shared/linking/key-hash.ts';
import type { PageNgrams } from '../protocol.ts';
import { createWordBuffers, scanWords } from '../shared/text/scan-words.ts';
import { joinsPhrase } from './joins-phrase.ts';
import { WordIdCache, type TermSource } from './word-id-cache.ts';
import { wordMatchTerm } from './word-match-term.ts';

/** The words of one piece of page text, as read: kept so the phrases to paint can be found again. */
export interface ReadText {
  text: string;
  /** `[start, end, …]` of each word. */
  offsets: Int32Array;
  /** Each word's term id in the reader's term table. */
  ids: Int32Array;
}

/** Past this many different terms (a long-lived tab of many pages) the term table starts afresh. */
const MAX_TERMS = 1 << 18;

/**
 * Every match term seen on the page, numbered, with its two hash lanes and whether a phrase may
 * start or end with it. Nothing here comes from the collection: a page learns nothing about it
 * by how fast or slow this runs.
 */
class PageTerms implements TermSource {
  private readonly ids = new Map<string, number>();
  laneA = new Int32Array(1024);
  laneB = new Int32Array(1024);
  edge = new Uint8Array(1024);

  get size(): number {
    return this.ids.size;
  }

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= this.edge.length) this.grow();
      const [a, b] = termLanes(term);
      this.laneA[id] = a;
      this.laneB[id] = b;
      this.edge[id] = isEdgeKey(term) ? 1 : 0;
      this.ids.set(term, id);
    }
    return id;
  }

  idOfAsciiWord(text: string, start: number, end: number): number {
    return this.idOf(wordMatchTerm(text.slice(start, end)));
  }

  private grow(): void {
    const size = this.edge.length * 2;
    const laneA = new Int32Array(size);
    const laneB = new Int32Array(size);
    const edge = new Uint8Array(size);
    laneA.set(this.laneA);
    laneB.set(this.laneB);
    edge.set(this.edge);
    Object.assign(this, { laneA, laneB, edge });
  }
}

/**
 * Reads page text into what the background needs to relate the page (issue 9): the hash of every
 * n-gram of 1–`MAX_KEY_TERMS` words that could be a phrase (no stop word, number or lone letter
 * at either end; words joined only as `joinsPhrase` allows), with how often it occurs and where
 * it first does. No text and no word leaves the page, only these numbers; the work depends on
 * the page alone, never on the size of the collection.
 */
export class PageReader {
  private terms = new PageTerms();
  private cache = new WordIdCache(this.terms);
  private readonly buffers = createWordBuffers();
  private readonly hasher = new KeyHasher();
  /** Single words, and longer n-grams: reported in that order. */
  private words = new Tally();
  private longer = new Tally();

  /** Starts a new page scan: forgets the counts, and the term table once it has grown large. */
  reset(): void {
    if (this.terms.size > MAX_TERMS) {
      this.terms = new PageTerms();
      this.cache = new WordIdCache(this.terms);
    }
    this.words = new Tally();
    this.longer = new Tally();
  }

  /** Reads one piece of text that starts `textBefore` characters into the page, and counts its n-grams. */
  read(text: string, textBefore: number): ReadText {
    const { offsets, hashes } = scanWords(text, this.buffers);
    const ids = hashes;
    this.cache.idsOf(text, offsets, ids);
    const read = { text, offsets: offsets.slice(), ids: ids.slice() };
    const { laneA, laneB, edge } = this.terms;
    const count = read.ids.length;
    for (let w = 0; w < count; w++) {
      const first = read.ids[w]!;
      if (edge[first]) continue;
      this.hasher.start();
      for (let n = 0; n < MAX_KEY_TERMS && w + n < count; n++) {
        const at = w + n;
        if (n > 0 && !joinsPhrase(text, read.offsets[2 * at - 1]!, read.offsets[2 * at]!)) break;
        const id = read.ids[at]!;
        this.hasher.push(laneA[id]!, laneB[id]!);
        if (!edge[id]) (n === 0 ? this.words : this.longer).note(this.hasher.value(), textBefore + read.offsets[2 * w]!);
      }
    }
    return read;
  }

  /** What the page holds, for the background: n-gram hashes, their counts and first places (per mille of the text). */
  report(textLength: number): PageNgrams {
    const scale = textLength > 0 ? 1000 / textLength : 0;
    const { words, longer } = this;
    return {
      keys: [...words.keys, ...longer.keys],
      unigrams: words.keys.length,
      counts: [...words.counts, ...longer.counts],
      firsts: [...words.firsts, ...longer.firsts].map((offset) => Math.min(1000, Math.floor(offset * scale))),
    };
  }

  /**
   * Finds the n-grams whose hash is in `wanted`, leftmost-longest (at each word the longest such
   * n-gram starting there, then on after it), and hands each to `found` with its offsets in the text.
   */
  locate(read: ReadText, wanted: ReadonlySet<number>, found: (key: number, start: number, end: number) => void): void {
    const { text, offsets, ids } = read;
    const { laneA, laneB, edge } = this.terms;
    const count = ids.length;
    let w = 0;
    while (w < count) {
      let best = -1;
      let bestKey = 0;
      if (!edge[ids[w]!]) {
        this.hasher.start();
        for (let n = 0; n < MAX_KEY_TERMS && w + n < count; n++) {
          const at = w + n;
          if (n > 0 && !joinsPhrase(text, offsets[2 * at - 1]!, offsets[2 * at]!)) break;
          const id = ids[at]!;
          this.hasher.push(laneA[id]!, laneB[id]!);
          const key = this.hasher.value();
          if (!edge[id] && wanted.has(key)) {
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

/** Counts and first offsets of keys, in order of first occurrence. */
class Tally {
  private readonly slots = new Map<number, number>();
  readonly keys: number[] = [];
  readonly counts: number[] = [];
  readonly firsts: number[] = [];

  note(key: number, offset: number): void {
    const slot = this.slots.get(key);
    if (slot === undefined) {
      this.slots.set(key, this.keys.length);
      this.keys.push(key);
      this.counts.push(1);
      this.firsts.push(offset);
    } else {
      this.counts[slot]!++;
    }
  }
}
