import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../lib/background/search/make-snippet.ts';
import { markTerms } from '../../lib/background/search/mark-terms.ts';
import { indexTerm } from '../../lib/shared/search/index-terms.ts';
import { tokenize } from '../../lib/shared/text/tokenize.ts';
import type { Snippet } from '../../lib/protocol.ts';

function marked(snippet: Snippet): string[] {
  return snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('makeSnippet', () => {
  it('shows the passage around a match deep in the body, cut at word boundaries', () => {
    const body = `${filler(200)} the submarine cables were laid ${filler(200)}`;

    const snippet = makeSnippet(body, new Set(['submarine', 'cable']));

    expect(marked(snippet)).toEqual(['submarine', 'cables']);
    expect(snippet.truncatedStart).toBe(true);
    expect(snippet.truncatedEnd).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(220);
    const at = body.indexOf(snippet.text);
    expect(at).toBeGreaterThan(0);
    expect(body[at - 1]).toBe(' '); // Starts on a whole word...
    expect(body[at + snippet.text.length]).toBe(' '); // ...and ends on one.
  });

  it('prefers the passage where more different query words meet', () => {
    const body = `Cables appear here alone. ${filler(80)} Here submarine cables meet. ${filler(80)}`;

    const snippet = makeSnippet(body, new Set(['submarine', 'cable']));

    expect(marked(snippet)).toEqual(['submarine', 'cables']);
  });

  it('shows the opening of the body when only the title matched', () => {
    const snippet = makeSnippet(`Opening words. ${filler(100)}`, new Set(['absent']));

    expect(snippet.text.startsWith('Opening words.')).toBe(true);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.truncatedStart).toBe(false);
  });

  it('keeps a match in long Chinese text that has no spaces to cut at', () => {
    const body = '数字'.repeat(300) + '网络空间治理' + '数字'.repeat(300);

    const snippet = makeSnippet(body, new Set(['治理']));

    expect(marked(snippet)).toEqual(['治理']);
  });

  it('returns a short body whole', () => {
    const snippet = makeSnippet('Short  body\n\nwith lines.', new Set(['body']));

    expect(snippet).toEqual({
      text: 'Short body with lines.',
      highlights: [{ start: 6, end: 10 }],
      truncatedStart: false,
      truncatedEnd: false,
    });
  });
});

describe('markTerms', () => {
  /** The definition: every word `tokenize` finds whose index term is one of `terms`. */
  const reference = (text: string, terms: ReadonlySet<string>) =>
    tokenize(text)
      .filter((token) => {
        const term = indexTerm(token.term);
        return term !== null && terms.has(term);
      })
      .map(({ start, end }) => ({ start, end }));

  const words = ['Cables', 'cable', "cable's", 'cables’', 'the', 'Wuzhen', 'café', 'CAFE', 'naïve', 'U.S.', '5G', 'under-sea', 'countries', 'country', '中国', 'Москва', 'ＣＡＦＥ', '—', '...'];

  it('marks exactly the words whose index term matched, however they are written, call after call', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.subarray(['cable', 'cafe', 'country', 'wuzhen', 'naive', '中国', 'москва', 'u.s']), (list, picked) => {
        const text = list.join(' ');
        const terms = new Set(picked);

        expect(markTerms(text, terms)).toEqual(reference(text, terms));
        expect(markTerms(text, terms)).toEqual(reference(text, terms));
      }),
    );
  });

  it('marks nothing when no term is asked for', () => {
    expect(markTerms('Submarine cables', new Set())).toEqual([]);
  });
});
