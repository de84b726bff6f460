import type { TextRange } from '../../protocol.ts';
import { createWordBuffers, scanWords } from '../../shared/text/scan-words.ts';
import { foldToken } from '../../shared/text/tokenize.ts';
import { indexTerm } from '../../shared/search/index-terms.ts';

/**
 * The ranges of the words in `text` whose index term is one of `terms` (the terms a search
 * matched, after prefix and typo expansion), so the UI can emphasise exactly what matched: the
 * words `tokenize` finds, each folded and passed to `indexTerm`.
 *
 * A search marks the title and whole body of each of its 20 results: about 15,000 words, once
 * per keystroke (Cairn issue 10: a sixth of the worker's time in a popup session at 50,000
 * articles). So each spelling's term is remembered (`termOf`), and a word seen before costs a
 * slice and a look-up instead of folding and stemming: 1.4× faster on Brown text. Most of what
 * is left is finding the words (keying the memory by the scanner's hash instead of the slice
 * gained nothing).
 */
export function markTerms(text: string, terms: ReadonlySet<string>): TextRange[] {
  if (terms.size === 0) return [];
  const ranges: TextRange[] = [];
  const { offsets } = scanWords(text, buffers);
  for (let i = 0; i < offsets.length; i += 2) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const term = termOf(text.slice(start, end));
    if (term !== null && terms.has(term)) ranges.push({ start, end });
  }
  return ranges;
}

/** Reused by every call: `scanWords` overwrites them, and `markTerms` is done with them before it returns. */
const buffers = createWordBuffers();

/** Spellings remembered at most: about 2 MB, several times the words of a session's results. */
const REMEMBERED = 20_000;
const spellings = new Map<string, string | null>();

/** The index term of a word as written (null: not indexed), remembered for the next time. */
function termOf(written: string): string | null {
  const known = spellings.get(written);
  if (known !== undefined) return known;
  const term = indexTerm(foldToken(written));
  if (spellings.size >= REMEMBERED) spellings.clear();
  spellings.set(written, term);
  return term;
}
