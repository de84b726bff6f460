import { CONNECTORS } from './extract-entities.ts';
import type { ScannedLine } from './scan-line.ts';
import { standsAlone } from './term-table.ts';

/**
 * Receives an n-gram: words `from` to `to` (exclusive) of the line, its key, and whether it starts
 * or ends inside a name, cutting it in two ("Conference Wuzhen"). Arguments, not an object: this
 * runs for every n-gram of the collection.
 */
export type NgramVisitor = (from: number, to: number, key: string, cut: boolean) => void;

/**
 * The stop words a phrase may have inside: "shared future in cyberspace", "Belt and Road". Not
 * "to" or "with": they join a verb to its object more often than they build a term ("bother to wipe").
 */
const INNER_STOP_WORDS: ReadonlySet<string> = new Set([...CONNECTORS, 'in', 'a', 'an']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Visits the n-grams of up to `maxWords` words of a line that could become phrases: words joined
 * only by spaces or hyphens, no stop word or number at either end and only prepositions,
 * articles and conjunctions inside; a lone word only when it can stand alone (`standsAlone`),
 * several only when one of them can or one is capitalised (a name: "United Nations").
 */
export function extractNgrams(
  line: ScannedLine,
  spanOf: Int32Array,
  maxWords: number,
  visit: NgramVisitor,
): void {
  const { words } = line;
  for (let from = 0; from < words.length; from++) {
    const first = words[from]!;
    if (first.info.edge) continue;
    let key = first.info.key;
    let strong = standsAlone(first.info);
    // A capital at a sentence start does not make a name; inside a heading or further in, it may.
    let capitalised = first.capitalised && (first.informative || line.heading);
    const last = Math.min(words.length, from + maxWords);
    for (let to = from + 1; to <= last; to++) {
      const word = words[to - 1]!;
      if (to > from + 1) {
        if (!word.joined || !mayBeInside(line, to - 2, from)) break;
        key += ` ${word.info.key}`;
        if (standsAlone(word.info)) strong = true;
        if (word.capitalised) capitalised = true;
      }
      if (word.info.edge) continue;
      if (to === from + 1 ? !standsAlone(first.info) : !strong && !capitalised) continue;
      visit(from, to, key, cutsName(spanOf, from, to));
    }
  }
}

/** A stop word inside a phrase must be a connector, and an article must follow one ("Secretary of the Interior"). */
function mayBeInside(line: ScannedLine, index: number, from: number): boolean {
  const { info } = line.words[index]!;
  if (index === from || !info.stop) return true;
  if (!INNER_STOP_WORDS.has(info.key)) return false;
  return !ARTICLES.has(info.key) || line.words[index - 1]!.info.stop;
}

function cutsName(spanOf: Int32Array, from: number, to: number): boolean {
  const head = spanOf[from]!;
  const tail = spanOf[to - 1]!;
  return (head >= 0 && from > 0 && spanOf[from - 1] === head) || (tail >= 0 && spanOf[to] === tail);
}
