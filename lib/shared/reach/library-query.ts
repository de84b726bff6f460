/** The query string key that carries a search into the library page. */
const QUERY_PARAM = 'q';

/** The library page's path, showing the results of `query` when there is one. */
export function libraryPath(query?: string): string {
  const trimmed = query?.trim();
  return trimmed ? `/library.html?${new URLSearchParams({ [QUERY_PARAM]: trimmed })}` : '/library.html';
}

/** The search a library address asks for (`location.search`), or '' for none. */
export function queryFromLibrarySearch(search: string, maxLength: number): string {
  const query = new URLSearchParams(search).get(QUERY_PARAM) ?? '';
  return query.replace(/\s+/g, ' ').trim().slice(0, maxLength);
}
