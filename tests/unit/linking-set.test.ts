import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Checks the labelled linking set itself (tests/fixtures/linking-set): every page is listed and
// every listing is a page; pages load nothing and run nothing; labels name real default articles;
// unrelated pages never use the default articles' own phrases, which would make them related.

const folder = new URL('../fixtures/linking-set/', import.meta.url);
const seeds = readdirSync(new URL('../../seeds/', import.meta.url)).filter((n) => n.endsWith('.txt')).map((n) => n.replace(/\.txt$/, ''));

interface Entry {
  file: string;
  expect: 'related' | 'unrelated';
  relevant?: string[];
  wording?: string;
}

const entries: Entry[] = readdirSync(folder)
  .filter((name) => /^index-.*\.json$/.test(name))
  .flatMap((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Entry[]);
const pages = readdirSync(folder).filter((name) => name.endsWith('.html'));
const FORBIDDEN_ON_UNRELATED = ['wuzhen', 'world internet conference', 'submarine cable', 'undersea cable', 'belt and road', 'digital silk road', 'cyberspace', 'shared future'];

describe('the labelled linking set', () => {
  it('lists every page once, and only pages that exist', () => {
    expect(entries.map((e) => e.file).sort()).toEqual([...pages].sort());
    expect(new Set(entries.map((e) => e.file)).size).toBe(entries.length);
  });

  it('names between one and three real default articles for each related page, none for unrelated ones', () => {
    for (const entry of entries) {
      if (entry.expect === 'related') {
        expect(entry.relevant?.length, entry.file).toBeGreaterThanOrEqual(1);
        expect(entry.relevant!.length, entry.file).toBeLessThanOrEqual(3);
        for (const id of entry.relevant!) expect(seeds, entry.file).toContain(id);
        expect(['seed-phrases', 'other-words', 'mixed'], entry.file).toContain(entry.wording);
      } else {
        expect(entry.relevant ?? [], entry.file).toEqual([]);
      }
    }
  });

  it.each(pages)('%s loads nothing and runs nothing', (file) => {
    const html = readFileSync(new URL(file, folder), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<meta charset="utf-8">/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    if (file.startsWith('unrelated-') || file.startsWith('hardneg-')) {
      const text = html.toLowerCase();
      for (const phrase of FORBIDDEN_ON_UNRELATED) expect({ file, phrase, found: text.includes(phrase) }).toEqual({ file, phrase, found: false });
    }
  });
});
