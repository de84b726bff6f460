import { isCommonName } from './generic-words.ts';
import type { LineWord, ScannedLine } from './scan-line.ts';

/** A run of capitalised words in a line: a name as written, before it is split into names. */
export interface NameSpan {
  /** Index of the first word, and one past the last. */
  from: number;
  to: number;
  /** Its first word stands at a sentence start, so its capital may not mean a name. */
  initial: boolean;
}

/** Lower-case words that may sit inside a name: "Belt and Road", "Cyberspace Administration of China". */
export const CONNECTORS: ReadonlySet<string> = new Set(
  'of and for the on de du des la le van von der den del della da di do dos y al el bin ibn'.split(' '),
);
/** Longer runs are Title Case text that slipped through, not names. */
const MAX_SPAN_WORDS = 10;
const POSSESSIVE = /['’]s$/;

/**
 * The capitalised runs of a line ("World Internet Conference Wuzhen Summit"), with lower-case
 * connectors inside but not at the ends (so "The Belt and Road" gives "Belt and Road"), ending
 * after a possessive ("China’s Zhejiang Province" → "China’s", "Zhejiang Province") unless of
 * an ordinary word ("Women’s Super League").
 * Also returns, per word, the index of the span it belongs to (-1 outside), so n-grams can tell
 * when they cut a name in two. Title Case lines have no spans: their capitals say nothing.
 */
export function extractEntities(line: ScannedLine): { spans: NameSpan[]; spanOf: Int32Array } {
  const { words } = line;
  const spanOf = new Int32Array(words.length).fill(-1);
  const spans: NameSpan[] = [];
  if (line.heading) return { spans, spanOf };
  let from = 0;
  while (from < words.length) {
    if (!isNameWord(words[from]!)) {
      from++;
      continue;
    }
    const to = runEnd(line, from);
    if (to - from <= MAX_SPAN_WORDS) {
      spans.push({ from, to, initial: !words[from]!.informative });
      spanOf.fill(spans.length - 1, from, to);
    }
    from = to;
  }
  return { spans, spanOf };
}

function runEnd(line: ScannedLine, from: number): number {
  const { words } = line;
  let end = from + 1;
  while (end < words.length && !endsName(line, end - 1)) {
    const next = words[end]!;
    if (next.joined && isNameWord(next)) {
      end++;
    } else if (next.joined && isConnector(line, end)) {
      // Up to two connectors ("World Summit on the Information Society"), then a name word; "on"
      // only as "on the": "Emirates Stadium on Sunday" is a name and a day.
      const after = isConnector(line, end + 1) && words[end + 1]!.joined ? end + 2 : end + 1;
      if (after === end + 1 && next.info.key === 'on') break;
      if (!words[after]?.joined || !isNameWord(words[after]!)) break;
      end = after + 1;
    } else {
      break;
    }
  }
  return end;
}

function isNameWord(word: LineWord): boolean {
  return word.capitalised && !word.info.edge;
}

function isConnector(line: ScannedLine, index: number): boolean {
  const word = line.words[index];
  return word !== undefined && CONNECTORS.has(word.info.key);
}

/** A possessive ends a name ("China’s Zhejiang Province"), unless of an ordinary word ("Women’s Super League"). */
function endsName(line: ScannedLine, index: number): boolean {
  const word = line.words[index]!;
  const ordinary = word.info.common && !isCommonName(word.info.key);
  return POSSESSIVE.test(line.text.slice(word.start, word.end)) && !ordinary;
}
