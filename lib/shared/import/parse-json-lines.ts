import type { FileReading } from './types.ts';
import { recordsToReading } from './records-to-reading.ts';

/**
 * Reads a `.jsonl` / `.ndjson` file: one article object per line, blank lines ignored. A line
 * that is not JSON is left out with a note ("line 7: not valid JSON") and the other lines still
 * import: in JSON Lines each line stands alone, so one damaged line (often the last, cut off by a
 * crash) says nothing about the others. A file with no valid line at all fails.
 */
export function parseJsonLines(text: string): FileReading {
  const records: unknown[] = [];
  const lineNumbers: number[] = [];
  const notes: string[] = [];
  let firstBad: string | undefined;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
      lineNumbers.push(index + 1);
    } catch {
      const note = `line ${index + 1}: not valid JSON`;
      firstBad ??= note;
      notes.push(`${note}; left out`);
    }
  }
  if (records.length === 0 && firstBad !== undefined) return { kind: 'failed', reason: `no line is valid JSON (${firstBad})` };
  return recordsToReading('jsonl', records, (index) => `line ${lineNumbers[index]}`, notes);
}
