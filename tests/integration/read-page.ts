import { PageReader } from '../../lib/page/page-reader.ts';
import type { App } from '../../lib/background/create-app.ts';
import type { LinkingData, MessageSender, PageLinks, PageNgrams } from '../../lib/protocol.ts';

/** A page's text read as the content script reads it: its n-gram report, and a way to find phrases again. */
export interface ReadPage {
  ngrams: PageNgrams;
  textLength: number;
  /** The page's text at each occurrence of these key hashes (leftmost-longest, as painted). */
  textOf(keys: readonly number[]): string[];
}

/**
 * Reads a plain text (paragraphs on their own lines) through `PageReader`, the content script's own
 * reader; `phraseWords` answers which of the page's words occur in phrases (as the background does).
 */
export function readPage(text: string, phraseWords: (keys: number[]) => number[]): ReadPage {
  const reader = new PageReader();
  reader.reset();
  const read = reader.read(text, 0);
  return {
    ngrams: reader.report(text.length, phraseWords(reader.words())),
    textLength: text.length,
    textOf: textOfIn(reader, read, text),
  };
}

function textOfIn(reader: PageReader, read: ReturnType<PageReader['read']>, text: string) {
  return (keys: readonly number[]): string[] => {
    const found: string[] = [];
    reader.locate(read, new Set(keys), (_key, start, end) => found.push(text.slice(start, end)));
    return found;
  };
}

export interface Visit {
  data: LinkingData;
  links: PageLinks | null;
  /** The highlighted text, each phrase as written on the page, once. */
  found: string[];
}

type Ask = <T>(type: string, data: unknown, sender: MessageSender) => Promise<T>;

/** What the content script does on a page: asks whether to run, reports the page's n-grams, finds what to paint. */
export async function visitPage(ask: Ask, text: string, sender: MessageSender, app?: App, extra: { readInPart?: true; part?: number } = {}): Promise<Visit> {
  await app?.ready;
  await app?.linking.settled();
  const data = await ask<LinkingData>('linkingData', {}, sender);
  if (!data.enabled) return { data, links: null, found: [] };
  const reader = new PageReader();
  reader.reset();
  const read = reader.read(text, 0);
  const { words } = await ask<{ words: number[] }>('phraseWords', { keys: reader.words() }, sender);
  const page = { ngrams: reader.report(text.length, words), textLength: text.length, textOf: textOfIn(reader, read, text) };
  const links = await ask<PageLinks>('reportPage', { ngrams: page.ngrams, textLength: page.textLength, ...extra }, sender);
  return { data, links, found: [...new Set(page.textOf(links.highlight))] };
}
