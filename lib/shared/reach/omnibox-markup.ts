import type { TextRange } from '../../protocol.ts';
import { splitMarked } from '../text/split-marked.ts';

// Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE and
// U+FFFF), plus line breaks: Chrome parses a suggestion's description as XML and drops the whole
// suggestion list when one does not parse.
const NOT_XML = /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text made safe for Chrome's omnibox description markup: the five XML special characters
 * escaped, so a title such as `<url>evil</url>` or `Tom & Jerry` shows as written and can add no
 * tag of its own, and characters that XML forbids turned into spaces.
 */
export function escapeOmniboxXml(text: string): string {
  return text.replace(NOT_XML, ' ').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** One line of the omnibox dropdown: plain text for browsers without markup (Firefox). */
export function omniboxLine(pieces: readonly { text: string; style?: 'match' | 'dim' }[], markup: boolean): string {
  return pieces
    .map(({ text, style }) => {
      if (!markup) return text.replace(NOT_XML, ' ');
      const escaped = escapeOmniboxXml(text);
      return style ? `<${style}>${escaped}</${style}>` : escaped;
    })
    .join('');
}

/** A title with the words that matched the query marked as `<match>`. */
export function markedTitle(title: string, highlights: readonly TextRange[]): { text: string; style?: 'match' }[] {
  return splitMarked(title, highlights).map(({ text, marked }) => (marked ? { text, style: 'match' as const } : { text }));
}
