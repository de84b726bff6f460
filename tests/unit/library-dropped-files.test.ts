import { describe, expect, it } from 'vitest';
import { fileSource } from '../../entrypoints/library/file-source.ts';
import { isVisiblePath, walkDroppedEntries, type DroppedEntry } from '../../entrypoints/library/walk-dropped-entries.ts';

function fileEntry(fullPath: string, text = 'text', fail = false): DroppedEntry & { file(ok: (f: File) => void, bad: (e: Error) => void): void } {
  const name = fullPath.split('/').pop()!;
  return {
    name,
    fullPath,
    isFile: true,
    isDirectory: false,
    file: (ok, bad) => (fail ? bad(new Error('permission denied')) : ok(new File([text], name))),
  };
}

/** A folder whose reader answers in batches of `batch` entries, as Chrome does (100 at a time). */
function folder(fullPath: string, children: DroppedEntry[], batch = 2): DroppedEntry & { createReader(): unknown } {
  return {
    name: fullPath.split('/').pop()!,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (entries: DroppedEntry[]) => void) => {
          const slice = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(slice), 0);
        },
      };
    },
  };
}

describe('walkDroppedEntries', () => {
  it('walks folders to the bottom, reading every batch, with each file’s path in name order', async () => {
    const dropped = [
      folder('/notes', [
        fileEntry('/notes/b.md'),
        folder('/notes/2024', [fileEntry('/notes/2024/item 10.txt'), fileEntry('/notes/2024/item 2.txt')]),
        fileEntry('/notes/a.md'),
      ]),
      fileEntry('/alone.csv'),
    ];

    const { files, problems } = await walkDroppedEntries(dropped);

    expect(files.map((f) => f.path)).toEqual(['alone.csv', 'notes/2024/item 2.txt', 'notes/2024/item 10.txt', 'notes/a.md', 'notes/b.md']);
    expect(files[0]!.file.name).toBe('alone.csv');
    expect(problems).toEqual([]);
  });

  it('leaves out hidden files and folders', async () => {
    const dropped = [folder('/repo', [folder('/repo/.git', [fileEntry('/repo/.git/HEAD')]), fileEntry('/repo/.DS_Store'), fileEntry('/repo/readme.md')])];

    const { files } = await walkDroppedEntries(dropped);

    expect(files.map((f) => f.path)).toEqual(['repo/readme.md']);
  });

  it('reports a file that cannot be read and goes on with the rest', async () => {
    const { files, problems } = await walkDroppedEntries([fileEntry('/a.md', 'x', true), fileEntry('/b.md')]);

    expect(files.map((f) => f.path)).toEqual(['b.md']);
    expect(problems).toEqual(['a.md: permission denied']);
  });
});

describe('isVisiblePath', () => {
  it('refuses paths through hidden files or folders', () => {
    expect(isVisiblePath('notes/a.md')).toBe(true);
    expect(isVisiblePath('notes/.obsidian/app.json')).toBe(false);
    expect(isVisiblePath('.DS_Store')).toBe(false);
  });
});

describe('fileSource', () => {
  it('reads the whole file or its first bytes, and keeps a path only when it says more than the name', async () => {
    const file = new File(['hello world'], 'a.txt');

    const inFolder = fileSource(file, 'notes/a.txt');
    const alone = fileSource(file, 'a.txt');

    expect(inFolder).toMatchObject({ name: 'a.txt', path: 'notes/a.txt', size: 11 });
    expect(alone.path).toBeUndefined();
    expect(new TextDecoder().decode(await inFolder.bytes())).toBe('hello world');
    expect(new TextDecoder().decode(await inFolder.head(5))).toBe('hello');
  });
});
