import { stripBidiControls } from '../text/strip-bidi-controls.ts';

// Control characters other than tab and line breaks, and invisible characters (zero-width space,
// word joiner, BOM, soft hyphen), are not text a reader wants; NUL in particular trips up some
// storage and search code. Bidirectional embeddings, overrides and isolates go too
// (`stripBidiControls`); the marks U+200E, U+200F and U+061C stay, Arabic and Hebrew text needs them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2060\ufeff\u00ad]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Puts a document's text into the shape every stored body has: Unicode composed (NFC), line
 * endings unified, control, invisible and bidirectional-override characters removed, runs of
 * spaces collapsed, lines trimmed, paragraphs separated by exactly one blank line. Single line breaks inside a paragraph
 * (a `<br>`, a poem, an address) are kept.
 */
export function cleanBody(text: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const endParagraph = () => {
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  for (const raw of stripBidiControls(text.normalize('NFC')).replace(LINE_BREAK, '\n').replace(CONTROL, '').split('\n')) {
    const line = raw.replace(SPACES, ' ').trim();
    if (line === '') endParagraph();
    else lines.push(line);
  }
  endParagraph();
  return paragraphs.join('\n\n');
}
