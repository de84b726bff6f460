import { grownTo } from '../../shared/grow-typed-array.ts';

/**
 * Key hash → the articles that have that key, with a weight each: the linking index's two tables
 * (phrases and signature terms). Typed arrays instead of a `Map` of arrays of objects: at 50,000
 * articles the tables hold about 3.2 million postings, which as objects would cost hundreds of MB
 * of heap; here each costs 12 bytes and each key 16.
 *
 * Keys live in an open-addressing table (linear probing); each key heads a linked list of its
 * postings. A key whose last posting goes stays in the table with no postings, and is reused when
 * it comes back; growing the table drops such keys.
 */
export class PostingTable {
  private keys = new Float64Array(INITIAL_SLOTS);
  /** Per slot: its first posting + 1 (0: none), and how many postings it has. */
  private heads = new Int32Array(INITIAL_SLOTS);
  private counts = new Int32Array(INITIAL_SLOTS);
  private used = 0;
  private next = new Int32Array(INITIAL_POSTINGS);
  private articles = new Int32Array(INITIAL_POSTINGS);
  private weights = new Float32Array(INITIAL_POSTINGS);
  private flags = new Uint8Array(INITIAL_POSTINGS);
  private postingCount = 0;
  /** A free list of removed postings, through `next`, + 1 (0: empty). */
  private free = 0;
  private live = 0;

  /** How many postings the table holds. */
  get size(): number {
    return this.live;
  }

  /** Bytes of typed arrays the table holds. */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.counts.byteLength
      + this.next.byteLength + this.articles.byteLength + this.weights.byteLength + this.flags.byteLength;
  }

  /** Adds one posting, with a small flag of the caller's. The caller adds a key at most once per article. */
  add(key: number, articleId: number, weight: number, flag = 0): void {
    if ((this.used + 1) * 3 > this.keys.length * 2) this.rehash(this.keys.length * 2);
    const slot = this.slotOf(key, true);
    let posting: number;
    if (this.free !== 0) {
      posting = this.free - 1;
      this.free = this.next[posting]!;
    } else {
      if (this.postingCount === this.articles.length) this.growPostings();
      posting = this.postingCount++;
    }
    this.articles[posting] = articleId;
    this.weights[posting] = weight;
    this.flags[posting] = flag;
    this.next[posting] = this.heads[slot]!;
    this.heads[slot] = posting + 1;
    this.counts[slot]!++;
    this.live++;
  }

  /** Removes the posting of `articleId` under `key`, if there is one. */
  remove(key: number, articleId: number): void {
    const slot = this.slotOf(key, false);
    if (slot < 0) return;
    let previous = -1;
    for (let at = this.heads[slot]! - 1; at >= 0; previous = at, at = this.next[at]! - 1) {
      if (this.articles[at] !== articleId) continue;
      if (previous < 0) this.heads[slot] = this.next[at]!;
      else this.next[previous] = this.next[at]!;
      this.next[at] = this.free;
      this.free = at + 1;
      this.counts[slot]!--;
      this.live--;
      return;
    }
  }

  /** How many articles have the key. */
  count(key: number): number {
    const slot = this.slotOf(key, false);
    return slot < 0 ? 0 : this.counts[slot]!;
  }

  /** Calls `visit` with each article that has the key and its weight. */
  forEach(key: number, visit: (articleId: number, weight: number, flag: number) => void): void {
    const slot = this.slotOf(key, false);
    if (slot < 0) return;
    for (let at = this.heads[slot]! - 1; at >= 0; at = this.next[at]! - 1) visit(this.articles[at]!, this.weights[at]!, this.flags[at]!);
  }

  /**
   * The slot of a key; with `create`, a new one when it is missing, otherwise -1. Slots hold the
   * key + 1, so 0 marks a free slot whatever the keys are (a key is below 2^53).
   */
  private slotOf(key: number, create: boolean): number {
    const mask = this.keys.length - 1;
    const stored = key + 1;
    // The low 32 bits of the hash mix both lanes well enough to spread the slots.
    let slot = (key % 0x100000000) & mask;
    for (;;) {
      const held = this.keys[slot]!;
      if (held === 0) {
        if (!create) return -1;
        this.keys[slot] = stored;
        this.used++;
        return slot;
      }
      if (held === stored) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private rehash(capacity: number): void {
    const { keys, heads, counts } = this;
    // Keys that lost all their postings are dropped; keep room to grow from what remains.
    let live = 0;
    for (let slot = 0; slot < keys.length; slot++) if (counts[slot]! > 0) live++;
    while ((live + 1) * 3 > capacity) capacity *= 2;
    while (capacity > INITIAL_SLOTS && (live + 1) * 6 < capacity) capacity /= 2;
    this.keys = new Float64Array(capacity);
    this.heads = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.used = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (counts[slot]! === 0) continue;
      const to = this.slotOf(keys[slot]! - 1, true);
      this.heads[to] = heads[slot]!;
      this.counts[to] = counts[slot]!;
    }
  }

  private growPostings(): void {
    const size = this.articles.length * 2;
    this.next = grownTo(this.next, size);
    this.articles = grownTo(this.articles, size);
    this.weights = grownTo(this.weights, size);
    this.flags = grownTo(this.flags, size);
  }
}

const INITIAL_SLOTS = 1 << 10;
const INITIAL_POSTINGS = 1 << 10;
