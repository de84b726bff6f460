import type { ImportSource } from '../../lib/shared/import/types.ts';

/**
 * A picked or dropped file as the importer reads it. `path` is kept only when it says more than
 * the name (the file came inside a folder).
 */
export function fileSource(file: File, path?: string): ImportSource {
  const where = path?.replace(/^\/+/, '');
  return {
    name: file.name,
    ...(where && where !== file.name ? { path: where } : {}),
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    head: async (count) => new Uint8Array(await file.slice(0, count).arrayBuffer()),
  };
}
