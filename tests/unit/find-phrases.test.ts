import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/shared/linking/compile-matcher.ts';
import { findPhrases } from '../../lib/page/find-phrases.ts';
import { joinsPhrase } from '../../lib/page/joins-phrase.ts';
import { matchTerm, phraseKey } from '../../lib/shared/linking/phrase-key.ts';
import { createWordBuffers, hashWord, scanWords } from '../../lib/shared/text/scan-words.ts';
import type { PhraseMatch } from '../../lib/shared/linking/types.ts';
import { wordMatchTerm } from '../../lib/page/word-match-term.ts';
import { segmentWords as tokenize } from '../../lib/shared/text/tokenize.ts';

/** The phrases found in `text`, as written, for the given human-readable phrases. */
function found(text: string, phrases: string[]): string[] {
  const matcher = compileMatcher(phrases.map(phraseKey));
  return findPhrases(text, matcher).map((match) => text.slice(match.start, match.end));
}

describe('findPhrases', () => {
  it('finds a phrase written exactly like the key', () => {
    const matcher = compileMatcher(['world internet conference']);

    const matches = findPhrases('At the world internet conference today', matcher);

    expect(matches).toEqual([{ phrase: 0, start: 7, end: 32 }]);
  });

  it('ignores case and accents, precomposed or not', () => {
    const text = 'Zürich, ZURICH, zu\u0308rich and Zurich';

    expect(found(text, ['zurich'])).toEqual(['Zürich', 'ZURICH', 'zu\u0308rich', 'Zurich']);
  });

  it('meets plural and singular', () => {
    expect(found('Submarine Cables were cut', ['submarine cable'])).toEqual(['Submarine Cables']);
    expect(found('one submarine cable', ['Submarine Cables'])).toEqual(['submarine cable']);
  });

  it('meets a possessive written with a typographic apostrophe', () => {
    expect(found('China’s firewall', ['China firewall'])).toEqual(['China’s firewall']);
    expect(found("China's firewall", ['China’s firewall'])).toEqual(["China's firewall"]);
  });

  it('matches whole words only', () => {
    expect(found('Wuzhenese cooking', ['Wuzhen'])).toEqual([]);
    expect(found('a fresh start', ['art'])).toEqual([]);
    expect(found('art, start, arts', ['art'])).toEqual(['art', 'arts']);
  });

  it('takes the longest of overlapping phrases and nothing nested in it', () => {
    const keys = ['world internet', 'internet conference', 'world internet conference'].map(phraseKey);

    const matches = findPhrases('The World Internet Conference opened', compileMatcher(keys));

    expect(matches).toEqual([{ phrase: 2, start: 4, end: 29 }]);
  });

  it('takes the leftmost phrase when two overlap without one containing the other', () => {
    expect(found('world internet conference', ['internet conference', 'world internet'])).toEqual(['world internet']);
  });

  it('finds adjacent phrases one after the other', () => {
    expect(found('World Internet Conference', ['world internet', 'conference'])).toEqual(['World Internet', 'Conference']);
  });

  it('follows a phrase across a line break, a hyphen and an apostrophe', () => {
    expect(found('the World\nInternet Conference', ['world internet conference'])).toEqual([
      'World\nInternet Conference',
    ]);
    expect(found('a submarine-cable map', ['submarine cable'])).toEqual(['submarine-cable']);
    expect(found("the students' union", ['student union'])).toEqual(["students' union"]);
  });

  it('does not run a phrase across a sentence end, a paragraph or a comma', () => {
    const keys = ['world internet', 'internet conference'];

    expect(found('the world. Internet conference', keys)).toEqual(['Internet conference']);
    expect(found('the world! Internet', keys)).toEqual([]);
    expect(found('the world\n\nInternet', keys)).toEqual([]);
    expect(found('the world, internet', keys)).toEqual([]);
    expect(found('the world — internet', keys)).toEqual([]);
    expect(found('the world - internet', keys)).toEqual([]);
  });

  it('runs a phrase across a lone connector the segmenter splits at', () => {
    expect(found('uses TCP/IP daily', ['TCP/IP'])).toEqual(['TCP/IP']);
    expect(found('uses TCP / IP daily', ['TCP/IP'])).toEqual([]);
  });

  it('finds Chinese phrases in text without spaces', () => {
    const keys = ['网络 空间', '治理'];

    const matches = findPhrases('推进网络空间治理', compileMatcher(keys));

    expect(matches).toEqual([
      { phrase: 0, start: 2, end: 6 },
      { phrase: 1, start: 6, end: 8 },
    ]);
  });

  it('finds nothing in empty text or with an empty matcher', () => {
    expect(findPhrases('', compileMatcher(['zurich']))).toEqual([]);
    expect(findPhrases('Zürich', compileMatcher([]))).toEqual([]);
  });

  it('keeps offsets right next to emoji and other surrogate pairs', () => {
    const text = '😀Zürich😀 𝒳 World Internet 👍🏽 and 👩‍👩‍👧 world\u{1F1EB}\u{1F1F7}internet';

    const matches = findPhrases(text, compileMatcher(['zurich', 'world internet']));

    expect(matches.map((match) => text.slice(match.start, match.end))).toEqual(['Zürich', 'World Internet']);
  });

  it('handles very long words', () => {
    const long = 'x'.repeat(100_000);
    const text = `${long} zurich ${long}y world internet`;

    const matches = findPhrases(text, compileMatcher(['zurich', 'world internet', long]));

    expect(matches.map((match) => [match.phrase, text.slice(match.start, match.end).length])).toEqual([
      [2, 100_000],
      [0, 6],
      [1, 14],
    ]);
  });

  it('finds 10,000 repeated phrases', () => {
    const text = 'The World Internet Conference, again. '.repeat(10_000);

    const matches = findPhrases(text, compileMatcher(['world internet conference']));

    expect(matches).toHaveLength(10_000);
    expect(matches[9_999]).toEqual({ phrase: 0, start: 9_999 * 38 + 4, end: 9_999 * 38 + 29 });
  });

  it('agrees with a naive matcher over tokenize on random texts and phrase sets', () => {
    fc.assert(
      fc.property(textArbitrary, keysArbitrary, (text, keys) => {
        expect(findPhrases(text, compileMatcher(keys))).toEqual(naiveFindPhrases(text, keys));
      }),
      { numRuns: 600 },
    );
  });
});

describe('scanWords', () => {
  it('finds the words tokenize finds, in any script', () => {
    fc.assert(
      fc.property(mixedScriptArbitrary, (text) => {
        const { offsets, hashes } = scanWords(text);

        expect(Array.from(offsets)).toEqual(tokenize(text).flatMap((token) => [token.start, token.end]));
        expect(Array.from(hashes)).toEqual(tokenize(text).map((token) => hashWord(text, token.start, token.end)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('gives the same words when it fills buffers reused from text to text', () => {
    const buffers = createWordBuffers();
    fc.assert(
      fc.property(mixedScriptArbitrary, (text) => {
        const fresh = scanWords(text);

        const reused = scanWords(text, buffers);

        expect([...reused.offsets]).toEqual([...fresh.offsets]);
        expect([...reused.hashes]).toEqual([...fresh.hashes]);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with tokenize on every character it handles itself, in every context', () => {
    const mismatches: string[] = [];

    for (const [from, to] of [[0x0000, 0x052f], [0x1e00, 0x1fff], [0x2000, 0x206f], [0x20a0, 0x20cf]] as const) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        for (const text of charContexts(char)) {
          const expected = tokenize(text).flatMap((token) => [token.start, token.end]);
          if (scanWords(text).offsets.join() !== expected.join()) mismatches.push(JSON.stringify(text));
        }
      }
    }

    expect(mismatches).toEqual([]);
  });
});

describe('wordMatchTerm', () => {
  it('gives each word the match term of its token', () => {
    fc.assert(
      fc.property(mixedScriptArbitrary, (text) => {
        const tokens = tokenize(text);
        expect(tokens.map((token) => wordMatchTerm(token.text))).toEqual(tokens.map((token) => matchTerm(token.term)));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('joinsPhrase', () => {
  const joins = (gap: string) => joinsPhrase(`a${gap}b`, 1, 1 + gap.length);

  it('lets a phrase run across spaces, one line break, apostrophes and one hyphen', () => {
    for (const gap of ['', ' ', '   ', '\u00a0', '\t', '\n', ' \r\n ', '-', '-\n', "' ", ' ‘', '’ ', '\u200b', '\u00ad ']) {
      expect([gap, joins(gap)]).toEqual([gap, true]);
    }
  });

  it('lets a phrase run across a lone connector', () => {
    for (const gap of ['.', ':', '/', '&']) expect([gap, joins(gap)]).toEqual([gap, true]);
  });

  it('ends a phrase at sentence ends, paragraphs, commas, dashes and symbols', () => {
    const gaps = ['. ', '! ', '?', ';', ': ', '…', '。', '\n\n', '\n \n', '\r\n\r\n', '\u2029', ',', ', ', ' - ', '--', '—',
      '–', '(', ') ', '"', ' “', ' / ', '•', '😀', ' | ', '..', '、'];

    for (const gap of gaps) expect([gap, joins(gap)]).toEqual([gap, false]);
  });
});

// ---- The naive reference: tokenize, then try every key at every word. ----

const MAX_TERMS = 6;

function naiveFindPhrases(text: string, keys: readonly string[]): PhraseMatch[] {
  const tokens = tokenize(text);
  const terms = tokens.map((token) => matchTerm(token.term));
  const keyTerms = keys.map((key) => key.split(' ').filter((term) => term !== ''));
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best = -1;
    let bestLength = 0;
    keyTerms.forEach((wanted, phrase) => {
      if (wanted.length === 0 || wanted.length > MAX_TERMS || wanted.length <= bestLength) return;
      if (i + wanted.length > tokens.length) return;
      for (let j = 0; j < wanted.length; j++) {
        if (terms[i + j] !== wanted[j]) return;
        if (j > 0 && !naiveJoins(text.slice(tokens[i + j - 1]!.end, tokens[i + j]!.start))) return;
      }
      best = phrase;
      bestLength = wanted.length;
    });
    if (best < 0) {
      i++;
      continue;
    }
    matches.push({ phrase: best, start: tokens[i]!.start, end: tokens[i + bestLength - 1]!.end });
    i += bestLength;
  }
  return matches;
}

// The gap rule of `joinsPhrase`, restated with regular expressions.
const SPACE = '\\t \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
const LINE = '\\n\\v\\f\\r\\u0085\\u2028';
const ALLOWED = new RegExp(`^[${SPACE}${LINE}'\\u2018\\u2019\\u00ad\\u200b-\\u200f\\u2060\\ufeff\\-\\u2010\\u2011]*$`);
const SPACED_HYPHEN = new RegExp(`[${SPACE}${LINE}].*[\\-\\u2010\\u2011].*[${SPACE}${LINE}]`, 's');

function naiveJoins(gap: string): boolean {
  if (/^[.:/&]$/.test(gap)) return true;
  if (!ALLOWED.test(gap)) return false;
  if ((gap.match(/\r\n|[\n\v\f\r\u0085\u2028]/g) ?? []).length > 1) return false;
  const hyphens = (gap.match(/[-\u2010\u2011]/g) ?? []).length;
  return hyphens === 0 || (hyphens === 1 && !SPACED_HYPHEN.test(gap));
}

// ---- Random texts: words of a small vocabulary in random spellings, joined by random gaps. ----

const WORDS = [
  'world', 'internet', 'conference', 'conferences', 'cable', 'cables', "cable's", 'submarine', 'zurich', 'zürich',
  'zu\u0308rich', 'china', 'china’s', "china's", 'start', 'art', 'arts', 'the', 'of', 'country', 'countries', 'naïve',
  'résumé', 'ｒｅｓｕｍｅ', 'ﬁle', 'file', 'wuzhen', 'wuzhenese', 'ωμέγα', 'москва', 'u.s', 'e.g', '3.14', '2024',
  'x_y', '网络', '空间', '网络空间', '治理', 'ภาษาไทย', 'עברית', '😀', 'tcp', 'ip', 'node.js', 'business', 'status',
];
const GAPS = [
  ' ', ' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', ', ', '. ', '.', '-', ' - ', '—', "' ", " '", '’', ': ', ':', '/',
  ' / ', '&', '\u00a0', '\t', '! ', '? ', '; ', ' (', ') ', ' "', '" ', '…', '\u2029', '', '\u200b', '\u00ad', ' 😀 ',
  '、', '。', '_',
];

const spelling = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('lower', 'upper', 'title')).map(([word, style]) =>
  style === 'upper' ? word.toUpperCase() : style === 'title' ? word.charAt(0).toUpperCase() + word.slice(1) : word,
);

const textArbitrary = fc
  .array(fc.tuple(spelling, fc.constantFrom(...GAPS)), { maxLength: 40 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

const keysArbitrary = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.array(spelling, { minLength: 1, maxLength: 4 }).map((words) => phraseKey(words.join(' '))) },
    { weight: 1, arbitrary: fc.array(spelling, { minLength: 7, maxLength: 8 }).map((words) => phraseKey(words.join(' '))) },
    { weight: 1, arbitrary: fc.constantFrom('', 'world  internet', ' world', 'nothing here') },
  ),
  { maxLength: 30 },
);

// ---- Random mixed-script strings, heavy on the characters word rules care about. ----

const TRICKY = [
  ...'aZé9_.,:;\'’‘-— \n\r\t\u00a0\u00ad\u00b7\u0301\u0345\u200b\u200c\u200d\u2019\u2024\u2027\u202f\u2044\u2060\ufeff©®™',
  'ß', 'İ', 'ǅ', 'Ω', 'ς', 'Ж', '网', '络', '空', 'の', 'カ', 'ー', 'ก', 'า', 'ע', '״', 'ع', '١', '０', 'Ａ', '\u3000',
  '😀', '👍', '\u{1F3FD}', '\u{1F1EB}', '\u{1F1F7}', '\u{1D4B3}', '\ud800', '\udc00', '\u2028', '\u2029', '\u0085',
];
const mixedScriptArbitrary = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x52f }).map((code) => String.fromCharCode(code)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x1e00, max: 0x20cf }).map((code) => String.fromCharCode(code)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
  ),
  maxLength: 60,
});

/** Where a character can change word boundaries: alone, between letters or digits, by punctuation. */
function charContexts(char: string): string[] {
  return [
    char, `a${char}b`, `1${char}2`, `a${char}`, `${char}a`, `1${char}`, `${char}1`, `a${char}${char}b`, ` ${char} `,
    `_${char}_`, `a.${char}`, `${char}.a`, `a'${char}b`, `\n${char}`, `${char} `, `a${char}'b`, `1${char},2`, `a_${char}`,
  ];
}
