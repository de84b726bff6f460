import type { SearchHit } from '../../protocol.ts';
import { articleContent } from './omnibox-choice.ts';
import { markedTitle, omniboxLine } from './omnibox-markup.ts';

/** What `omnibox.onInputChanged`'s `suggest` takes. */
export interface OmniboxSuggestion {
  content: string;
  description: string;
}

/** Longest source shown after a title, in characters. */
const SOURCE_CHARS = 60;

/**
 * The omnibox suggestions for search hits: each hit's title with the matched words marked, its
 * source dimmed, all of it escaped (`markup`: Chrome's XML; plain text for Firefox).
 */
export function omniboxSuggestions(hits: readonly SearchHit[], markup: boolean): OmniboxSuggestion[] {
  return hits.map((hit) => {
    const pieces: { text: string; style?: 'match' | 'dim' }[] = markedTitle(hit.title, hit.titleHighlights);
    const source = hit.source?.trim();
    if (source) pieces.push({ text: ` — ${source.length > SOURCE_CHARS ? `${source.slice(0, SOURCE_CHARS - 1)}…` : source}`, style: 'dim' });
    return { content: articleContent(hit.id, hit.title), description: omniboxLine(pieces, markup) };
  });
}

/** The first line of the dropdown, which Enter takes: a search of the library for what was typed. */
export function searchSuggestion(text: string, markup: boolean): string {
  const query = text.replace(/\s+/g, ' ').trim();
  if (query === '') return omniboxLine([{ text: 'Search your Cairn collection: type some words' }], markup);
  return omniboxLine([{ text: 'Search Cairn for “' }, { text: query, style: 'match' }, { text: '”' }], markup);
}
