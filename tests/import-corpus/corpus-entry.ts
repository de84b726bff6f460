import type { ImportSource } from '../../lib/shared/import/types.ts';
import { memoryFile } from './memory-file.ts';

/** One file of the bad-input corpus and what reading it must come to. */
export interface CorpusFile {
  file: ImportSource;
  expect: 'articles' | 'skipped' | 'failed' | 'backup' | 'choose-columns';
  /** How many articles, when `expect` is `articles`. */
  articles?: number;
  note: string;
}

/** A file whose content must never be read (its size alone refuses it); `reads` counts the attempts to read it. */
export interface UnreadableFile extends ImportSource {
  readonly reads: number;
}

export const BODY = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month.';
export const BODY_2 = 'Officials said the repaired hull passed two inspections, and the crew completed new safety drills.';
export const ARTICLE_TXT = `Night ferry to return to the outer islands\nBy Priya Natarajan\nPublished: March 5, 2024\n\n${BODY}\n\n${BODY_2}\n`;
export const EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'pdf', ''];

/** A corpus entry for an in-memory file. */
export function entry(name: string, content: string | Uint8Array, expect: CorpusFile['expect'], note: string, articles?: number): CorpusFile {
  const file = memoryFile(name, content);
  return articles === undefined ? { file, expect, note } : { file, expect, note, articles };
}
