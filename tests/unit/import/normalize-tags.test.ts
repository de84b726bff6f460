import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../entrypoints/library/parse-tags.ts';
import { tagsSchema } from '../../../lib/shared/import/article-schemas.ts';
import { MAX_TAG_CHARS, MAX_TAGS } from '../../../lib/shared/import/limits.ts';
import { normalizeTags } from '../../../lib/shared/import/normalize-tags.ts';
import { readImportFile } from '../../../lib/shared/import/read-import-file.ts';
import { memoryFile } from '../../import-corpus/memory-file.ts';
import * as v from 'valibot';

const BODY = 'The harbour authority confirmed that the night ferry will resume service next month.';

describe('normalizeTags', () => {
  it('trims, collapses inner whitespace and drops empty tags and non-strings', () => {
    expect(normalizeTags(['  rail  ', 'night\n\t ferry', '', '   ', 42, null])).toEqual(['rail', 'night ferry']);
  });

  it('drops repeats ignoring case, keeping the first spelling', () => {
    expect(normalizeTags(['Rail', 'rail', 'RAIL', 'Ports', 'ports '])).toEqual(['Rail', 'Ports']);
  });

  it('strips control and bidirectional characters, so two tags that look the same are one', () => {
    expect(normalizeTags(['txt\u202eexe', 'txtexe', 'a\u0000b', '\u200ferry'])).toEqual(['txtexe', 'a b', 'erry']);
  });

  it('cuts long tags and keeps at most the limit, unless told otherwise', () => {
    const many = Array.from({ length: MAX_TAGS + 3 }, (_, i) => `t${i}`);

    expect(normalizeTags(['x'.repeat(MAX_TAG_CHARS + 20)])[0]).toHaveLength(MAX_TAG_CHARS);
    expect(normalizeTags(many)).toHaveLength(MAX_TAGS);
    expect(normalizeTags(many, Infinity)).toHaveLength(MAX_TAGS + 3);
  });
});

describe('every path uses the same tag rule', () => {
  const typed = ' Rail,rail ,  night   ferry, Ferry\u202e,';
  const expected = ['Rail', 'night ferry', 'Ferry'];

  it('gives the same tags from the editor, a JSON file, front matter, CSV and the background', async () => {
    const json = await readImportFile(memoryFile('a.json', JSON.stringify({ title: 'T', body: BODY, tags: typed.split(',') })), {});
    const md = await readImportFile(memoryFile('a.md', `---\ntags: "${typed}"\n---\n# T\n\n${BODY}`), {});
    const csv = await readImportFile(memoryFile('a.csv', `title,body,tags\nT,${BODY},"${typed}"`), {});

    expect(parseTags(typed)).toEqual(expected);
    expect(json).toMatchObject({ articles: [{ tags: expected }] });
    expect(md).toMatchObject({ articles: [{ tags: expected }] });
    expect(csv).toMatchObject({ articles: [{ tags: expected }] });
    expect(v.parse(tagsSchema, typed.split(','))).toEqual(expected);
  });
});
