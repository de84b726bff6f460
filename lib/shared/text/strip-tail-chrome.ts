import { lineShape } from './line-shape.ts';
import { fillMissing, type Metadata } from './metadata.ts';
import { readMetadataLine } from './read-metadata-line.ts';

/** Fewer words than this and a line ending in a full stop is a label ("Photo: Xinhua."). */
const MIN_SENTENCE_WORDS = 3;
/** "The plan has three parts:" followed by "• New cranes": a list that belongs to the article. */
const INTRODUCES_LIST = /[:：]$/u;
const LIST_ITEM = /^(?:[•·▪●◦‣∙■►➤*–-]|\d{1,2}[.)])\s+\S/u;

/**
 * Cuts what a page prints after the article's last sentence or paragraph: short lines that are
 * not sentences (author boxes, buttons, link titles). A byline, name or date among them is kept
 * as metadata, so an article signed at the end ("Martin Reid") gets its author. A list that a
 * line ending in a colon introduces is part of the article. Lines are left alone when none of
 * them is a sentence, as there is then no telling where the article ends.
 */
export function stripTailChrome(lines: readonly string[]): { lines: string[]; metadata: Metadata } {
  const last = lastContentIndex(lines);
  const metadata: Metadata = {};
  if (last === -1) return { lines: [...lines], metadata };
  for (const line of lines.slice(last + 1)) fillMissing(metadata, readMetadataLine(line));
  return { lines: lines.slice(0, last + 1), metadata };
}

/** Index of the last sentence or paragraph, or of the last item of a list a sentence introduces. */
function lastContentIndex(lines: readonly string[]): number {
  let last = -1;
  let inList = false;
  lines.forEach((line, index) => {
    if (inList && LIST_ITEM.test(line)) {
      last = index;
      return;
    }
    inList = INTRODUCES_LIST.test(line) && LIST_ITEM.test(lines[index + 1] ?? '');
    if (inList || isSentence(line)) last = index;
  });
  return last;
}

function isSentence(line: string): boolean {
  const shape = lineShape(line);
  return shape.prose || (shape.endsSentence && shape.words >= MIN_SENTENCE_WORDS);
}
