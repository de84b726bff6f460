import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PageReader } from '../../lib/page/page-reader.ts';
import { joinsPhrase } from '../../lib/page/joins-phrase.ts';
import { isEdgeKey, keyHash, MAX_KEY_TERMS } from '../../lib/shared/linking/key-hash.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';
import { tokenize } from '../../lib/shared/text/tokenize.ts';
import type { PageNgrams } from '../../lib/protocol.ts';

/** Every word of the page counts as a phrase word: the report then holds every n-gram that could be a phrase. */
const everyWord = (reader: PageReader) => reader.words().map((_, i) => i);

const hashOf = (phrase: string) => keyHash(phraseKey(phrase));

function reportOf(text: string): PageNgrams {
  const reader = new PageReader();
  reader.read(text, 0);
  return reader.report(text.length, everyWord(reader));
}

/** Key hash → [count, first] of a report. */
function tableOf(report: PageNgrams): Map<number, [number, number]> {
  return new Map(report.keys.map((key, i) => [key, [report.counts[i]!, report.firsts[i]!]]));
}

/** Every match located in `text`, as [phrase as written, key]. */
function located(text: string, wanted: string[]): [string, number][] {
  const reader = new PageReader();
  const read = reader.read(text, 0);
  const out: [string, number][] = [];
  reader.locate(read, new Set(wanted.map(hashOf)), (key, start, end) => out.push([text.slice(start, end), key]));
  return out;
}

describe('PageReader.report', () => {
  it('reports the hash the background gives each phrase, however the page writes it', () => {
    const text = [
      'Submarine Cables carry most traffic; submarine-cables were laid early.',
      'The World Internet Conference met in Wuzhen.',
      'China’s delegates and Wuzhen\'s hosts spoke.',
    ].join('\n\n');

    const keys = new Set(reportOf(text).keys);

    for (const phrase of ['Submarine Cables', 'submarine cable', 'submarine-cables', 'World Internet Conference', 'Internet Conference', 'China’s', "China's", 'china', "Wuzhen's", 'wuzhen']) {
      expect(keys.has(hashOf(phrase)), phrase).toBe(true);
    }
  });

  it('keeps stop words inside a phrase but never at its ends', () => {
    const keys = new Set(reportOf('We read about the cables of the Belt and Road.').keys);

    expect(keys.has(hashOf('cables'))).toBe(true);
    expect(keys.has(hashOf('Belt and Road'))).toBe(true);
    expect(keys.has(hashOf('the cables'))).toBe(false);
    expect(keys.has(hashOf('cables of'))).toBe(false);
    expect(keys.has(hashOf('Belt and'))).toBe(false);
    expect(keys.has(hashOf('and Road'))).toBe(false);
    expect(keys.has(hashOf('the'))).toBe(false);
    expect(keys.has(hashOf('and'))).toBe(false);
  });

  it('leaves out numbers and single letters at the ends of phrases', () => {
    const keys = new Set(reportOf('In the 1990s cables spread; the 3rd cable x ray').keys);

    expect(keys.has(hashOf('1990s'))).toBe(false);
    expect(keys.has(hashOf('1990s cables'))).toBe(false);
    expect(keys.has(hashOf('3rd cable'))).toBe(false);
    expect(keys.has(hashOf('cable x'))).toBe(false);
    expect(keys.has(hashOf('x'))).toBe(false);
    expect(keys.has(hashOf('cable x ray'))).toBe(true);
  });

  it('does not join words across sentence ends, commas, dashes or paragraph breaks', () => {
    for (const text of ['submarine. Cables', 'submarine, cables', 'submarine\n\ncables', 'submarine; cables', 'submarine — cables', 'submarine - cables', 'submarine (cables)', 'submarine! cables']) {
      const keys = new Set(reportOf(text).keys);

      expect(keys.has(hashOf('submarine cable')), JSON.stringify(text)).toBe(false);
      expect(keys.has(hashOf('submarine')), JSON.stringify(text)).toBe(true);
      expect(keys.has(hashOf('cables')), JSON.stringify(text)).toBe(true);
    }
  });

  it('joins words across one line break, a hyphen, an apostrophe or a non-breaking space', () => {
    for (const text of ['submarine\ncables', 'submarine-cables', 'submarine-\ncables', 'submarine’s cables', 'submarine\u00a0cables', 'submarine\u2010cables']) {
      expect(new Set(reportOf(text).keys).has(hashOf('submarine cable')), JSON.stringify(text)).toBe(true);
    }
  });

  it('counts each n-gram and keeps where it first occurs, in thousandths of the text', () => {
    // 'cables' at 0, 20 and 40 of a 50-character text.
    const text = 'cables cables port, cables cables port, cables ok.';
    expect(text.length).toBe(50);

    const table = tableOf(reportOf(text));

    expect(table.get(hashOf('cables'))).toEqual([5, 0]);
    expect(table.get(hashOf('port'))).toEqual([2, Math.floor((14 * 1000) / 50)]);
    expect(table.get(hashOf('cables cables'))).toEqual([2, 0]);
    expect(table.get(hashOf('cables port'))).toEqual([2, Math.floor((7 * 1000) / 50)]);
    expect(table.get(hashOf('cables ok'))).toEqual([1, Math.floor((40 * 1000) / 50)]);
    expect(table.get(hashOf('cables cables port'))).toEqual([2, 0]);
  });

  it('lists the single words first, as many as `unigrams` says, then the longer n-grams', () => {
    const report = reportOf('World Internet Conference in Wuzhen, and submarine cables.');
    const singles = ['World', 'Internet', 'Conference', 'Wuzhen', 'submarine', 'cables'].map(hashOf);

    expect(report.unigrams).toBe(6);
    expect(report.keys.slice(0, report.unigrams)).toEqual(singles);
    expect(new Set(report.keys.slice(report.unigrams))).toEqual(
      new Set(['World Internet', 'World Internet Conference', 'Internet Conference', 'Conference in Wuzhen', 'Internet Conference in Wuzhen', 'submarine cables'].map(hashOf)),
    );
    expect(report.counts).toHaveLength(report.keys.length);
    expect(report.firsts).toHaveLength(report.keys.length);
  });

  it('adds up several texts, placing each by the characters before it', () => {
    const reader = new PageReader();
    reader.read('submarine cables', 0);
    reader.read('fresh cables', 100);
    const table = tableOf(reader.report(200, everyWord(reader)));

    expect(table.get(hashOf('cables'))).toEqual([2, Math.floor((10 * 1000) / 200)]);
    expect(table.get(hashOf('fresh'))).toEqual([1, 500]);
    expect(table.get(hashOf('fresh cables'))).toEqual([1, 500]);
    // Separate texts never join.
    expect(table.has(hashOf('cables fresh'))).toBe(false);
  });

  it('caps first places at 1000 and reports 0 for an empty text length', () => {
    const reader = new PageReader();
    reader.read('cables', 5000);
    expect(reader.report(100, everyWord(reader)).firsts).toEqual([1000]);
    expect(reader.report(0, everyWord(reader)).firsts).toEqual([0]);
  });

  it('forgets the counts on reset', () => {
    const reader = new PageReader();
    reader.read('submarine cables', 0);
    reader.reset();
    reader.read('cables', 0);
    const report = reader.report(6, everyWord(reader));

    expect(report.keys).toEqual([hashOf('cables')]);
    expect(report.counts).toEqual([1]);
    expect(report.unigrams).toBe(1);
  });

  it('gives an empty report for text with no words', () => {
    expect(reportOf('  ..., — !\n\n')).toEqual({ keys: [], unigrams: 0, counts: [], firsts: [] });
  });

  it('counts many thousands of different n-grams correctly (its tables grow)', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 6000 }, (_, i) => `zq${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}`);
    // Sentences of three words each, each sentence twice.
    const sentences: string[] = [];
    for (let i = 0; i < words.length; i += 3) sentences.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}.`);
    const text = [...sentences, ...sentences].join(' ');

    const report = reportOf(text);
    const table = tableOf(report);

    expect(report.unigrams).toBe(6000);
    // Per sentence: two 2-grams and one 3-gram.
    expect(report.keys).toHaveLength(6000 + 3 * 2000);
    expect(report.counts.every((count) => count === 2)).toBe(true);
    expect(table.get(keyHash(`${words[4242]} ${words[4243]}`))?.[0]).toBe(2);
    expect(table.get(keyHash(`${words[5997]} ${words[5998]} ${words[5999]}`))?.[0]).toBe(2);
  });

  it('gives the same report when one text holds more new words than its word table has room for', () => {
    // 10,000 new forms in one text: the table of forms grows part-way through it, while the
    // forms met since the last growth still wait for their terms.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const forms = Array.from({ length: 10_000 }, (_, i) =>
      `qz${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}${i % 3 === 0 ? 'ies' : i % 3 === 1 ? "'s" : 's'}`);
    // Each form again a little later (its repeat may fall after the growth), once in capitals.
    const words = forms.flatMap((form, i) => (i >= 3 ? [form, i % 7 === 0 ? forms[i - 3]!.toUpperCase() : forms[i - 3]!] : [form]));
    const text = words.join(' ');
    const whole = reportOf(text);

    const pieces = new PageReader();
    let before = 0;
    for (let at = 0; at < words.length; at += 500) {
      const piece = words.slice(at, at + 500).join(' ');
      pieces.read(piece, before);
      before += piece.length + 1;
    }
    const single = (report: PageNgrams) => report.keys.slice(0, report.unigrams);
    const inPieces = pieces.report(before - 1, []);
    expect(single(whole)).toEqual(single(inPieces));
    expect(whole.counts.slice(0, whole.unigrams)).toEqual(inPieces.counts.slice(0, inPieces.unigrams));
    expect(new Set(single(whole))).toEqual(new Set(forms.map((form) => keyHash(phraseKey(form)))));
  });

  it('reports exactly the n-grams joinsPhrase allows with non-edge ends (property)', () => {
    const vocabulary = ['submarine', 'Cables', 'the', 'and', 'Belt', 'Road', 'World', 'Internet', 'conference', 'China’s', "Wuzhen's", '1990s', '3rd', 'x', 'of', 'cable', 'UNDERSEA', 'Café', 'CAFÉ', 'Zürich', 'İstanbul', 'ΣΟΦΙΑ', '网络空间治理', 'co-operation', 'Node.js'];
    const separators = [' ', ', ', '. ', '\n\n', '-'];
    const piece = fc.record({ word: fc.constantFrom(...vocabulary), separator: fc.constantFrom(...separators) });

    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), (pieces) => {
        const text = pieces.map(({ word, separator }) => word + separator).join('');

        const tokens = tokenize(text);
        const expected = new Map<number, number>();
        const expectedSingles = new Set<number>();
        for (let i = 0; i < tokens.length; i++) {
          for (let j = i; j < tokens.length && j < i + MAX_KEY_TERMS; j++) {
            if (j > i && !joinsPhrase(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
            const key = phraseKey(text.slice(tokens[i]!.start, tokens[j]!.end));
            const terms = key.split(' ');
            expect(terms).toHaveLength(j - i + 1);
            if (isEdgeKey(terms[0]!) || isEdgeKey(terms[terms.length - 1]!)) continue;
            const hash = keyHash(key);
            expected.set(hash, (expected.get(hash) ?? 0) + 1);
            if (i === j) expectedSingles.add(hash);
          }
        }

        const report = reportOf(text);
        const got = new Map(report.keys.map((key, i) => [key, report.counts[i]!]));

        expect(report.keys).toHaveLength(got.size);
        expect(got).toEqual(expected);
        expect(new Set(report.keys.slice(0, report.unigrams))).toEqual(expectedSingles);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('PageReader.locate', () => {
  it('takes the longest wanted phrase starting at a word, not the shorter ones inside it', () => {
    expect(located('the World Internet Conference', ['world internet conference', 'internet'])).toEqual([
      ['World Internet Conference', hashOf('world internet conference')],
    ]);
  });

  it('finds every occurrence, leftmost first, with offsets into the text', () => {
    const text = 'Internet use grew. The World Internet Conference, and the internet again.';
    const reader = new PageReader();
    const read = reader.read(text, 500);
    const found: [number, number, number][] = [];
    reader.locate(read, new Set([hashOf('world internet conference'), hashOf('internet')]), (key, start, end) => found.push([key, start, end]));

    const start = text.indexOf('World');
    expect(found).toEqual([
      [hashOf('internet'), 0, 8],
      [hashOf('world internet conference'), start, start + 'World Internet Conference'.length],
      [hashOf('internet'), text.indexOf('internet again'), text.indexOf('internet again') + 8],
    ]);
  });

  it('prefers the leftmost start even when a longer phrase starts one word later', () => {
    expect(located('submarine cable landing station', ['submarine cable', 'cable landing station']).map(([written]) => written)).toEqual([
      'submarine cable',
    ]);
  });

  it('finds phrases written in other forms and with stop words inside', () => {
    expect(located('Along the Belt and Road, submarine-cables and China’s', ['belt and road', 'submarine cable', 'china']).map(([written]) => written)).toEqual([
      'Belt and Road',
      'submarine-cables',
      'China’s',
    ]);
  });

  it('never matches across a sentence end or a comma', () => {
    expect(located('submarine. Cables, submarine, cables', ['submarine cable'])).toEqual([]);
  });

  it('gives ordered, non-overlapping matches whose text hashes to the wanted key (property)', () => {
    const vocabulary = ['submarine', 'cables', 'the', 'and', 'Belt', 'Road', 'World', 'Internet', 'Conference', 'Wuzhen', 'of'];
    const separators = [' ', ', ', '. ', '-'];
    const piece = fc.record({ word: fc.constantFrom(...vocabulary), separator: fc.constantFrom(...separators) });
    const wantedPool = ['submarine cable', 'cable', 'belt and road', 'world internet conference', 'internet', 'internet conference', 'wuzhen', 'road'];

    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.subarray(wantedPool), (pieces, wantedKeys) => {
        const text = pieces.map(({ word, separator }) => word + separator).join('');
        const wanted = new Set(wantedKeys.map(keyHash));
        const reader = new PageReader();
        const read = reader.read(text, 0);
        const spans: [number, number, number][] = [];
        reader.locate(read, wanted, (key, start, end) => spans.push([key, start, end]));

        let last = 0;
        for (const [key, start, end] of spans) {
          expect(wanted.has(key)).toBe(true);
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(keyHash(phraseKey(text.slice(start, end)))).toBe(key);
          last = end;
        }
        // Every wanted key the report has is found at least once.
        const reported = new Set(reader.report(text.length, everyWord(reader)).keys.filter((key) => wanted.has(key)));
        const foundKeys = new Set(spans.map(([key]) => key));
        for (const key of reported) {
          // A wanted key may be hidden inside a longer wanted match; then that match covers it.
          if (!foundKeys.has(key)) expect(spans.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('finds nothing when nothing is wanted', () => {
    expect(located('World Internet Conference', [])).toEqual([]);
  });
});

describe('PageReader hashes ASCII words where they stand, as the background keys them', () => {
  const words = [
    'Cables', "cable's", 'CABLES', 'countries', 'Countries', 'classes', 'glasses', 'business', 'campus', 'analysis',
    'famous', 'politics', 'economics', 'series', 'ties', 'bus', 'gas', 'its', 'ours', 'yours', "it's", "1990s", "1990's",
    '3rd', '21st', '2nd', '4th', '10,000', '3.5', 'x', 'Xs', 'e-commerce', "rock'n'roll", 'Wuzhen', "Wuzhen's", 'OBOR',
    'fibres', 'USS', 'Ss', "s's", 'abc', 'abcs', 'Thesis', 'cries', 'dies',
  ];
  // Words the tokenizer splits ("e-commerce", "1990's") are two keys, covered by the property test.
  const single = words.filter((word) => tokenize(word).length === 1);

  it('covers most of the list as single words', () => expect(single.length).toBeGreaterThan(40));

  it.each(single)('%s', (word) => {
    const reader = new PageReader();
    reader.reset();
    reader.read(`${word} ${word}`, 0);
    const report = reader.report(word.length * 2 + 1, []);
    const key = phraseKey(word);
    if (isEdgeKey(key)) expect(report.keys).toEqual([]);
    else expect(report.keys).toEqual([keyHash(key)]);
  });
});
