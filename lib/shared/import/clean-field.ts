import { stripBidiControls } from '../text/strip-bidi-controls.ts';
import { MAX_FIELD_CHARS } from './limits.ts';

const CONTROL = /[\u0000-\u001f\u007f\u200b\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * A one-line field (title, source, author, tag): whitespace and line breaks collapsed to single
 * spaces, control characters removed, bidirectional controls and marks removed (so "txt.exe"
 * cannot pass for "exe.txt"), trimmed, and cut to `max` characters (default `MAX_FIELD_CHARS`)
 * with an ellipsis. Anything but a string, or nothing left, gives undefined.
 */
export function cleanField(value: unknown, max = MAX_FIELD_CHARS): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = stripBidiControls(value.normalize('NFC'), { marks: true }).replace(CONTROL, ' ').replace(SPACES, ' ').trim();
  if (text === '') return undefined;
  if (text.length <= max) return text;
  // Cut on a code point boundary so no lone surrogate is left at the end.
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
