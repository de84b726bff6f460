import type { ParsedArticle } from '../../protocol.ts';

/** A file to import, as the library page has it (a `File`, or a test's stand-in). */
export interface ImportSource {
  /** The file's name, with its extension. */
  name: string;
  /** Where it sat in a dropped or picked folder (`notes/2024/a.md`), when it came from one. */
  path?: string;
  /** Size in bytes, known before reading. */
  size: number;
  /** The whole content. Only called once the size was accepted. */
  bytes(): Promise<Uint8Array>;
  /** The first `count` bytes, for sniffing (a Cairn backup may exceed the usual limit). */
  head(count: number): Promise<Uint8Array>;
  /** The file itself, when there is one: a worker can read it without the page copying its bytes. */
  blob?: Blob;
}

/** What reading one file came to, before anything is stored. */
export type FileReading =
  /** Articles to store, and anything the user should know about how they were read. */
  | { kind: 'articles'; format: ImportFormat; articles: ParsedArticle[]; notes: string[] }
  /** A Cairn backup: restored by its own path (`lib/shared/import/backup-format.ts` validates it). */
  | { kind: 'backup'; data: unknown; notes: string[] }
  /** Nothing to import, and that is not an error: empty, unsupported type, too large. */
  | { kind: 'skipped'; reason: string }
  /** A CSV whose title and text columns could not be told: the user picks them, then it is read again. */
  | { kind: 'choose-columns'; headers: string[]; reason: string }
  /**
   * The file could not be read; `reason` is written for the user ("line 3: unclosed quote").
   * `retry` when trying again may work: the file's bytes could not be read (it moved, changed, or
   * its reader stopped), as opposed to content that will fail the same way every time.
   */
  | { kind: 'failed'; reason: string; retry?: true };

/** Choices the user made about a file, for reading it again. */
export interface ReadOptions {
  /** The CSV columns holding each article's title and text (header names). */
  csvColumns?: { title?: string; body: string };
}

export type ImportFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'csv' | 'pdf';
