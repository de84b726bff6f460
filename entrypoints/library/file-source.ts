import type { ImportSource } from '../../lib/shared/import/types.ts';

/**
 * A picked or dropped file as the importer reads it. `path` is kept only when it says more than
 * the name (the file came inside a folder). The size is read when first asked for: Chromium asks
 * the disk for it then, half a millisecond a file (Cairn issue 10).
 */
export function fileSource(file: File, path?: string): ImportSource {
  const where = path?.replace(/^\/+/, '');
  return {
    name: file.name,
    ...(where && where !== file.name ? { path: where } : {}),
    get size() {
      return file.size;
    },
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    head: async (count) => new Uint8Array(await file.slice(0, count).arrayBuffer()),
    blob: file,
  };
}
