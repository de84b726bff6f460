/** What the user chose in the omnibox: one article, or a search of the collection. */
export type OmniboxChoice = { kind: 'article'; id: number } | { kind: 'search'; query: string } | { kind: 'empty' };

/** How long an article's title may be in a suggestion's content (the text put in the address bar). */
const CONTENT_TITLE_CHARS = 120;
const ARTICLE_MARK = /\s*\(cairn:([1-9]\d{0,15})\)$/;

/**
 * The text a suggestion for article `id` puts in the address bar, which Chrome sends back when
 * it is chosen: the title (so the user sees what they picked) and a mark that names the article.
 * Each is unique, as Chrome wants, because ids are.
 */
export function articleContent(id: number, title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > CONTENT_TITLE_CHARS ? `${oneLine.slice(0, CONTENT_TITLE_CHARS - 1).trimEnd()}…` : oneLine;
  return `${short} (cairn:${id})`;
}

/**
 * Reads what the omnibox sent on Enter: the content of an article suggestion gives that
 * article; anything else the user typed is a search. The text comes from the address bar, so it
 * may be anything: only a well-formed mark at the very end names an article.
 */
export function parseOmniboxChoice(text: string): OmniboxChoice {
  const mark = ARTICLE_MARK.exec(text);
  if (mark) {
    const id = Number(mark[1]);
    if (Number.isSafeInteger(id)) return { kind: 'article', id };
  }
  const query = text.replace(/\s+/g, ' ').trim();
  return query === '' ? { kind: 'empty' } : { kind: 'search', query };
}
