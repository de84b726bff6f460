// Embeddings and overrides (U+202A–202E) and isolates (U+2066–2069) reorder the text around them:
// "report\u202Eexe.txt" displays as "reporttxt.exe". In a body they are rarely needed and can
// hide what a sentence says; in a title, author, source or tag they can disguise it (Cairn issue 8).
const FORMATTING = /[\u202a-\u202e\u2066-\u2069]/g;
// The marks (left-to-right, right-to-left, Arabic letter mark) only tip neutral characters one way;
// Arabic and Hebrew text uses them legitimately, so bodies keep them. One-line fields lose them too:
// next to punctuation they still move a dot or a bracket, and a title reads the same without them.
const FORMATTING_AND_MARKS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Removes the Unicode bidirectional controls that reorder displayed text. With `marks` (for
 * one-line fields) the directional marks U+200E, U+200F and U+061C go as well; without (for
 * bodies) they are kept.
 */
export function stripBidiControls(text: string, { marks = false }: { marks?: boolean } = {}): string {
  return text.replace(marks ? FORMATTING_AND_MARKS : FORMATTING, '');
}
