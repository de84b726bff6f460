import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../lib/shared/import/parse-json-lines.ts';
import { BROWN_CATEGORIES, brownJsonLines, brownPieces, RESHUFFLED_TAG } from '../distractors/brown-pieces.ts';

/** Words as a reader counts them: runs between spaces that hold a letter or a digit. */
function wordCount(body: string): number {
  return body.split(/\s+/).filter((chunk) => /[\p{L}\p{N}]/u.test(chunk)).length;
}

// A piece stops at the sentence boundary nearest to its target, so it misses by at most half a
// sentence; the longest sentence of the corpus has 167 words.
const HALF_LONGEST_SENTENCE = 85;

describe('brownPieces', () => {
  const pieces = brownPieces(2000);

  it('gives 2,000 distinct pieces of about 450 words, titled, sourced and tagged', () => {
    expect(pieces).toHaveLength(2000);
    expect(new Set(pieces.map((piece) => piece.body)).size).toBe(2000);
    const counts = pieces.map((piece) => wordCount(piece.body));
    for (const count of counts) expect(Math.abs(count - 450)).toBeLessThanOrEqual(HALF_LONGEST_SENTENCE);
    expect(Math.abs(counts.reduce((sum, count) => sum + count, 0) / counts.length - 450)).toBeLessThan(10);
    const genres = new Set(Object.values(BROWN_CATEGORIES));
    for (const piece of pieces) {
      expect(piece.title.trim()).not.toBe('');
      expect(piece.title).not.toMatch(/[.,;:!?]$/);
      expect(piece.body.slice(0, 80)).toContain(piece.title.split(' ')[0]);
      expect(piece.source).toMatch(/^Brown corpus c[a-r]\d\d \([a-z ]+\)$/);
      expect(piece.tags).toHaveLength(1);
      expect(genres.has(piece.tags[0]!)).toBe(true);
      expect(piece.url).toBeUndefined();
      const paragraphs = piece.body.split('\n\n');
      expect(paragraphs.every((paragraph) => paragraph.trim() !== '')).toBe(true);
    }
    // The seeded order mixes the genres from the start.
    expect(new Set(pieces.slice(0, 100).map((piece) => piece.tags[0])).size).toBeGreaterThan(8);
  });

  it('is deterministic for a seed, and a seed changes the order', () => {
    expect(brownPieces(2000)).toEqual(pieces);
    expect(brownPieces(50, { seed: 1 })).toEqual(pieces.slice(0, 50));
    expect(brownPieces(50, { seed: 2 }).map((piece) => piece.body)).not.toEqual(pieces.slice(0, 50).map((piece) => piece.body));
  });

  it('makes reshuffled pieces within one genre beyond what the corpus holds', () => {
    const more = brownPieces(2300);
    const reshuffled = more.filter((piece) => piece.tags.includes(RESHUFFLED_TAG));
    expect(reshuffled.length).toBeGreaterThan(200);
    expect(more.slice(0, 2000)).toEqual(pieces);
    expect(new Set(more.map((piece) => piece.body)).size).toBe(more.length);
    for (const piece of reshuffled) {
      expect(Math.abs(wordCount(piece.body) - 450)).toBeLessThanOrEqual(HALF_LONGEST_SENTENCE);
      expect(piece.source).toBe(`Brown corpus c${piece.source.charAt(14)}, reshuffled (${piece.tags[0]})`);
    }
    expect(brownPieces(2300).slice(2000)).toEqual(more.slice(2000));
  });

  it('honours wordsPerPiece', () => {
    const short = brownPieces(200, { wordsPerPiece: 150 });
    const mean = short.reduce((sum, piece) => sum + wordCount(piece.body), 0) / short.length;
    expect(Math.abs(mean - 150)).toBeLessThan(10);
  });
});

describe('brownJsonLines', () => {
  it("is read by Cairn's own JSON Lines parser into the same 2,000 articles", () => {
    const text = brownJsonLines(2000);
    expect(text.split('\n')).toHaveLength(2001);
    const reading = parseJsonLines(text);
    if (reading.kind !== 'articles') throw new Error(`not read as articles: ${JSON.stringify(reading)}`);
    expect(reading.format).toBe('jsonl');
    expect(reading.notes).toEqual([]);
    expect(reading.articles).toHaveLength(2000);
    const pieces = brownPieces(2000);
    reading.articles.forEach((article, index) => {
      const piece = pieces[index]!;
      expect(article).toEqual({ title: piece.title, body: piece.body, source: piece.source, tags: piece.tags });
    });
  });
});
