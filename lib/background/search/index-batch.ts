import { SEARCH_OPTIONS, type IndexedDocument } from '../../shared/search/search-options.ts';
import { indexTerm } from '../../shared/search/index-terms.ts';
import { createWordBuffers, scanWords } from '../../shared/text/scan-words.ts';
import { foldToken } from '../../shared/text/tokenize.ts';
import type { FieldPostings } from './field-postings.ts';
import type { FieldLengths } from './field-lengths.ts';

export interface IndexedBatch {
  /** Each term's postings among the batch's articles, by article id. */
  terms: Map<string, FieldPostings>;
  /** Each article's field lengths. */
  lengths: FieldLengths;
}

const fields = SEARCH_OPTIONS.fields as readonly (keyof IndexedDocument)[];

/**
 * What MiniSearch's `add` makes of a few articles with `SEARCH_OPTIONS` (`tokenize`, then
 * `indexTerm` on each folded word; a field's length counted as its distinct folded words), keyed
 * by article id. A property test holds it to MiniSearch's own output.
 *
 * Built for speed, since an import spends a good part of its time here (Cairn issue 10):
 * filling a MiniSearch and reading it back through `toJSON` took three times as long as maps
 * filled directly, and those maps took twice as long as this. Each spelling is folded and
 * stemmed once per batch and numbered; an article's words are counted in typed arrays by number;
 * postings grow as arrays and become maps once, at the end.
 */
export function indexBatch(documents: readonly IndexedDocument[]): IndexedBatch {
  const lengths: FieldLengths = new Map();
  const words = createWordTable();
  const buffers = createWordBuffers();
  /** Per term number, per field id: the ids of the articles that hold it, and how often each does. */
  const ids: number[][][] = [];
  const times: number[][][] = [];
  for (const document of documents) {
    const { id } = document;
    if (lengths.has(id)) throw new Error(`indexBatch: article ${id} is in the batch twice`);
    const fieldLengths: (number | undefined)[] = [];
    fields.forEach((field, fieldId) => {
      const value: unknown = document[field];
      if (value === null || value === undefined) return;
      const text = String(value);
      const { offsets } = scanWords(text, buffers);
      const counted = words.count(text, offsets);
      fieldLengths[fieldId] = counted.distinct;
      for (const term of counted.terms) {
        ((ids[term] ??= [])[fieldId] ??= []).push(id);
        ((times[term] ??= [])[fieldId] ??= []).push(counted.times(term));
      }
    });
    // Up to the last field it has, a missing one before it left undefined, as `toJSON` gave them.
    lengths.set(id, Array.from(fieldLengths));
  }
  const terms = new Map<string, FieldPostings>();
  words.terms.forEach((term, number) => {
    const postings: FieldPostings = new Map();
    ids[number]!.forEach((inField, fieldId) => {
      const docs = new Map<number, number>();
      const often = times[number]![fieldId]!;
      for (let i = 0; i < inField.length; i++) docs.set(inField[i]!, often[i]!);
      postings.set(fieldId, docs);
    });
    terms.set(term, postings);
  });
  return { terms, lengths };
}

/**
 * Numbers each folded word and each index term met, and counts them in one text at a time.
 * A spelling met again costs one map look-up: folding and stemming run once per spelling.
 */
function createWordTable() {
  /** Per spelling: its folded word's number, and its term's (-1: not indexed). */
  const spellings = new Map<string, { folded: number; term: number }>();
  const folded = new Map<string, number>();
  const termNumbers = new Map<string, number>();
  const terms: string[] = [];
  /** Per folded word: the text it was last seen in (`text`), so each counts once per text. */
  let seenIn = new Int32Array(1024);
  /** Per term: its occurrences in the text being counted. */
  let occurrences = new Int32Array(1024);
  let text = 0;
  const counted: number[] = [];

  function numberOf(written: string): { folded: number; term: number } {
    const word = foldToken(written);
    let foldedNumber = folded.get(word);
    if (foldedNumber === undefined) {
      folded.set(word, (foldedNumber = folded.size));
      seenIn = room(seenIn, foldedNumber);
    }
    const term = indexTerm(word);
    let termNumber = term === null ? -1 : termNumbers.get(term);
    if (termNumber === undefined) {
      termNumbers.set(term!, (termNumber = terms.length));
      terms.push(term!);
      occurrences = room(occurrences, termNumber);
    }
    const numbers = { folded: foldedNumber, term: termNumber };
    spellings.set(written, numbers);
    return numbers;
  }

  return {
    /** Every term met, by number. */
    terms,
    /**
     * Counts the words of `source` at `offsets`: how many distinct folded words, which terms, and
     * how often each. The answer is valid until the next call.
     */
    count(source: string, offsets: Int32Array) {
      text += 1;
      for (const term of counted) occurrences[term] = 0;
      counted.length = 0;
      let distinct = 0;
      for (let i = 0; i < offsets.length; i += 2) {
        const written = source.slice(offsets[i], offsets[i + 1]);
        const word = spellings.get(written) ?? numberOf(written);
        if (seenIn[word.folded] !== text) {
          seenIn[word.folded] = text;
          distinct += 1;
        }
        if (word.term < 0) continue;
        if (occurrences[word.term] === 0) counted.push(word.term);
        occurrences[word.term] = occurrences[word.term]! + 1;
      }
      return { distinct, terms: counted, times: (term: number) => occurrences[term]! };
    },
  };
}

/** `array`, or a copy twice as long when `index` is past its end. */
function room(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < array.length) return array;
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
