/**
 * The parts of the File and Directory Entries API (`DataTransferItem.webkitGetAsEntry()`) that a
 * drop needs, written out so tests can hand in plain objects.
 */
export interface DroppedEntry {
  name: string;
  /** `/notes/2024/a.md`: where the entry sits in what was dropped. */
  fullPath: string;
  isFile: boolean;
  isDirectory: boolean;
}

export interface DroppedFileEntry extends DroppedEntry {
  file(success: (file: File) => void, failure?: (error: Error) => void): void;
}

export interface DroppedDirectoryEntry extends DroppedEntry {
  createReader(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: Error) => void): void };
}

export interface DroppedFile {
  file: File;
  /** The file's path inside the dropped folder (`notes/2024/a.md`); its name when dropped alone. */
  path: string;
}

export interface DropWalk {
  files: DroppedFile[];
  /** Entries that could not be read, as "path: reason". */
  problems: string[];
}

/**
 * Every file in what was dropped, folders walked to the bottom, each with its path. Hidden
 * files and folders (`.git`, `.DS_Store`) are left out: they are never articles. Each folder's
 * entries come in name order, so the import report reads like the folder.
 */
export async function walkDroppedEntries(entries: readonly DroppedEntry[]): Promise<DropWalk> {
  const walk: DropWalk = { files: [], problems: [] };
  for (const entry of sortByName(entries)) await visit(entry, walk);
  return walk;
}

async function visit(entry: DroppedEntry, walk: DropWalk): Promise<void> {
  if (entry.name.startsWith('.')) return;
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
  try {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as DroppedFileEntry).file(resolve, reject));
      walk.files.push({ file, path });
    } else if (entry.isDirectory) {
      for (const child of sortByName(await readAll(entry as DroppedDirectoryEntry))) await visit(child, walk);
    }
  } catch (error) {
    walk.problems.push(`${path}: ${error instanceof Error && error.message ? error.message : 'could not be read'}`);
  }
}

/** A directory reader answers in batches (100 at a time in Chrome) until an empty one. */
async function readAll(directory: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader();
  const all: DroppedEntry[] = [];
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function sortByName(entries: readonly DroppedEntry[]): DroppedEntry[] {
  return [...entries].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** Keeps the files a folder picker gave that are not hidden, nor inside a hidden folder. */
export function isVisiblePath(path: string): boolean {
  return !path.split('/').some((part) => part.startsWith('.'));
}
