import type { ImportSource } from '../../lib/shared/import/types.ts';

/** An in-memory file to import: text (encoded as UTF-8) or bytes, under a name. */
export function memoryFile(name: string, content: string | Uint8Array): ImportSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    bytes: async () => bytes.slice(),
    head: async (count) => bytes.slice(0, count),
  };
}
