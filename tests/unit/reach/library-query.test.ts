import { describe, expect, it } from 'vitest';
import { libraryPath, queryFromLibrarySearch } from '../../../lib/shared/reach/library-query.ts';

describe('libraryPath', () => {
  it('carries a query that reads back the same, whatever its characters', () => {
    const query = 'a&b=c #d 网络 +e';

    const path = libraryPath(query);

    expect(path.startsWith('/library.html?q=')).toBe(true);
    expect(queryFromLibrarySearch(path.slice(path.indexOf('?')), 500)).toBe(query);
  });

  it('is the plain library for no query', () => {
    expect(libraryPath('  ')).toBe('/library.html');
    expect(libraryPath()).toBe('/library.html');
  });
});

describe('queryFromLibrarySearch', () => {
  it('gives no query for an address without one', () => {
    expect(queryFromLibrarySearch('', 500)).toBe('');
    expect(queryFromLibrarySearch('?other=1', 500)).toBe('');
  });

  it('keeps a query from the address within the search limit', () => {
    expect(queryFromLibrarySearch(`?q=${'a'.repeat(900)}`, 500)).toHaveLength(500);
  });
});
