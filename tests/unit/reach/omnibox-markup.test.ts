import { describe, expect, it } from 'vitest';
import { escapeOmniboxXml, markedTitle, omniboxLine } from '../../../lib/shared/reach/omnibox-markup.ts';

/** What Chrome's XML reader would show for escaped text (the five entities only). */
function unescape(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
}

describe('escapeOmniboxXml', () => {
  it('escapes the XML special characters, so a title shows as written', () => {
    const title = `Tom & Jerry's <url>"evil"</url> > all`;

    const escaped = escapeOmniboxXml(title);

    expect(escaped).toBe('Tom &amp; Jerry&apos;s &lt;url&gt;&quot;evil&quot;&lt;/url&gt; &gt; all');
    expect(unescape(escaped)).toBe(title);
  });

  it('lets no tag or entity of the text through', () => {
    const hostile = '</match><url>javascript:alert(1)</url>&lt;<dim>';

    const escaped = escapeOmniboxXml(hostile);

    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(unescape(escaped)).toBe(hostile);
  });

  it('turns characters XML forbids, and line breaks, into spaces', () => {
    expect(escapeOmniboxXml('a\u0000b\u0007c\nd\u007f\ufffe')).toBe('a b c d  ');
    // A lone surrogate is not a character; a pair is, and stays.
    expect(escapeOmniboxXml('x\ud800y 😀')).toBe('x y 😀');
  });
});

describe('omniboxLine', () => {
  it('wraps styled pieces in their tag and escapes every piece', () => {
    const line = omniboxLine([{ text: 'a<b ' }, { text: 'c&d', style: 'match' }, { text: ' — x', style: 'dim' }], true);

    expect(line).toBe('a&lt;b <match>c&amp;d</match><dim> — x</dim>');
  });

  it('gives plain text, unescaped, for browsers without markup', () => {
    expect(omniboxLine([{ text: 'a<b ' }, { text: 'c&d', style: 'match' }], false)).toBe('a<b c&d');
  });
});

describe('markedTitle', () => {
  it('marks the ranges that matched and keeps the rest plain', () => {
    expect(markedTitle('Wuzhen summit opens', [{ start: 0, end: 6 }])).toEqual([{ text: 'Wuzhen', style: 'match' }, { text: ' summit opens' }]);
  });

  it('ignores ranges outside the title', () => {
    expect(markedTitle('Short', [{ start: 10, end: 20 }])).toEqual([{ text: 'Short' }]);
  });
});
