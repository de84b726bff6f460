import type { ImportFormat, FileReading } from './types.ts';
import { articleFromRecord } from './article-from-record.ts';
import type { ParsedArticle } from '../../protocol.ts';

/**
 * Turns the records of a JSON, JSON Lines or CSV file into a reading: each record that is an
 * article is kept, each that is not becomes a note ("item 4: no text field (…); left out"), labelled by
 * `label(index)`. A file where no record is an article is skipped, with the first problem as
 * the reason: it was read fine, it just holds nothing to import.
 */
export function recordsToReading(
  format: ImportFormat,
  records: readonly unknown[],
  label: (index: number) => string,
  notes: string[] = [],
): FileReading {
  const articles: ParsedArticle[] = [];
  const problems: string[] = [];
  for (const [index, record] of records.entries()) {
    const reading = articleFromRecord(record);
    if ('article' in reading) articles.push(reading.article);
    else problems.push(`${label(index)}: ${reading.problem}`);
  }
  if (articles.length === 0) {
    const reason = records.length === 0 ? 'no articles in the file' : `no article in the file has text (${problems[0]})`;
    return { kind: 'skipped', reason };
  }
  return { kind: 'articles', format, articles, notes: [...notes, ...problems.map((problem) => `${problem}; left out`)] };
}
