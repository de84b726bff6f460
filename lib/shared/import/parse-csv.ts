import Papa from 'papaparse';
import type { FileReading, ReadOptions } from './types.ts';
import { FIELD_NAMES, fieldKey } from './field-names.ts';
import { recordsToReading } from './records-to-reading.ts';

/** One CSV row with the line it starts on (a quoted field may span several lines). */
interface Row {
  fields: string[];
  line: number;
  problem?: string;
}

/**
 * Reads a `.csv` or `.tsv` file whose first row names the columns. The title and text columns
 * are found by name (`title`/`headline`/`name`, `body`/`text`/`content`/`article`), or given by
 * the user (`options.csvColumns`); when the text column cannot be told, the answer is
 * `choose-columns` with the headers. Other columns named like article fields (url, author, date,
 * tags…) are read too. On bad input:
 * - an unclosed quote fails the file ("line 3: unclosed quote"): everything after it was read as
 *   one field, so what was read cannot be trusted;
 * - a row with more or fewer fields than the header, or a stray quote, is left out with a note
 *   ("line 5 has 3 fields, the header has 5"), and the other rows import; when every row is left
 *   out the file fails with the first reason;
 * - a row without text is left out with a note.
 * @param delimiter the separator; guessed among `,` `;` tab and `|` when not given.
 */
export function parseCsv(text: string, options: ReadOptions & { delimiter?: string } = {}): FileReading {
  const rows = readRows(text, options.delimiter);
  if ('failed' in rows) return { kind: 'failed', reason: rows.failed };
  const [header, ...data] = rows;
  if (header === undefined) return { kind: 'skipped', reason: 'empty' };
  const headers = header.fields.map((name) => name.trim());
  const columns = chooseColumns(headers, options.csvColumns);
  if ('reason' in columns) return { kind: 'choose-columns', headers, reason: columns.reason };
  if (data.length === 0) return { kind: 'skipped', reason: 'no rows below the header' };

  const records: Record<string, string>[] = [];
  const lines: number[] = [];
  const notes: string[] = [];
  for (const row of data) {
    const problem = row.problem ?? fieldCountProblem(row, headers.length);
    if (problem !== undefined) {
      notes.push(`${problem}; left out`);
      continue;
    }
    records.push(toRecord(row.fields, headers, columns));
    lines.push(row.line);
  }
  if (records.length === 0) return { kind: 'failed', reason: `no row could be read (${(notes[0] ?? '').replace(/; left out$/, '')})` };
  return recordsToReading('csv', records, (index) => `line ${lines[index]}`, notes);
}

function readRows(text: string, delimiter: string | undefined): Row[] | { failed: string } {
  const rows: Row[] = [];
  let failed: string | undefined;
  // Each row starts where the previous one ended; line breaks are counted up to there, once.
  let rowStart = 0;
  let counted = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    step(results, parser) {
      for (let at = text.indexOf('\n', counted); at !== -1 && at < rowStart; at = text.indexOf('\n', at + 1)) line += 1;
      counted = rowStart;
      rowStart = results.meta.cursor;
      const fields = results.data;
      const codes = new Set(results.errors.map((error) => error.code));
      if (codes.has('MissingQuotes')) {
        failed = `line ${line}: unclosed quote (a field opened with " never closes)`;
        parser.abort();
        return;
      }
      if (fields.every((field) => field.trim() === '')) return;
      const problem = codes.has('InvalidQuotes') ? `line ${line}: a quote in the middle of a quoted field` : undefined;
      rows.push(problem === undefined ? { fields, line } : { fields, line, problem });
    },
  });
  return failed === undefined ? rows : { failed };
}

type Columns = { title?: number; body: number } | { reason: string };

function chooseColumns(headers: string[], chosen: ReadOptions['csvColumns']): Columns {
  if (chosen !== undefined) {
    const body = headers.indexOf(chosen.body);
    const title = chosen.title === undefined ? -1 : headers.indexOf(chosen.title);
    if (body === -1) return { reason: `the file has no column "${chosen.body}"` };
    if (chosen.title !== undefined && title === -1) return { reason: `the file has no column "${chosen.title}"` };
    return title === -1 ? { body } : { title, body };
  }
  const body = findColumn(headers, FIELD_NAMES.body);
  if (body === undefined) {
    const names = FIELD_NAMES.body;
    return { reason: `no column is called ${names.slice(0, -1).join(', ')} or ${names.at(-1)}: choose the column that holds the text` };
  }
  const title = findColumn(headers, FIELD_NAMES.title);
  return title === undefined ? { body } : { title, body };
}

function findColumn(headers: string[], names: readonly string[]): number | undefined {
  const keys = headers.map(fieldKey);
  for (const name of names) {
    const index = keys.indexOf(name);
    if (index !== -1) return index;
  }
  return undefined;
}

function fieldCountProblem(row: Row, expected: number): string | undefined {
  const count = row.fields.length;
  // Empty fields past the header's width (a trailing separator) lose nothing.
  if (count > expected && row.fields.slice(expected).every((field) => field.trim() === '')) return undefined;
  if (count === expected) return undefined;
  return `line ${row.line} has ${count} field${count === 1 ? '' : 's'}, the header has ${expected}`;
}

/**
 * A row as the record `articleFromRecord` reads: the chosen title and text under those names,
 * other article-like columns under their own. The object has no prototype, so a column called
 * `__proto__` is an ordinary key.
 */
function toRecord(fields: string[], headers: string[], columns: { title?: number; body: number }): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  const titleAndBody = new Set([...FIELD_NAMES.title, ...FIELD_NAMES.body]);
  for (const [index, header] of headers.entries()) {
    const key = fieldKey(header);
    if (!titleAndBody.has(key) && !(key in record)) record[key] = fields[index] ?? '';
  }
  record.body = fields[columns.body] ?? '';
  if (columns.title !== undefined) record.title = fields[columns.title] ?? '';
  return record;
}
