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
 * as in JSON Lines, one bad row never sinks the good ones (issue 11):
 * - a row with a stray quote is left out with a note naming its lines ("line 3: a quote in the
 *   middle of a quoted field"), and the rows after it import;
 * - an unclosed quote leaves out its row and the rest of the file, with a note ("lines 3–9:
 *   unclosed quote"): everything after it was read as one field; the rows before it import;
 * - a row with more or fewer fields than the header is left out with a note ("line 5 has 3
 *   fields, the header has 5");
 * - a row without text is left out with a note;
 * - when every row is left out the file fails with the first reason; a header that cannot be
 *   read fails it too.
 * @param delimiter the separator; guessed among `,` `;` tab and `|` when not given.
 */
export function parseCsv(text: string, options: ReadOptions & { delimiter?: string } = {}): FileReading {
  const [header, ...data] = readRows(text, options.delimiter);
  if (header === undefined) return { kind: 'skipped', reason: 'empty' };
  if (header.problem !== undefined) return { kind: 'failed', reason: `the header cannot be read (${header.problem})` };
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

/**
 * The file's rows, each with the line it starts on, in one pass. A row with a stray quote (Papa's
 * `InvalidQuotes`) is kept as a problem naming its lines, and reading goes on after it, where
 * Papa found its field's closing quote. A quote that never closes (`MissingQuotes`) swallows the
 * rest of the file into one field: the rows before it stand, and the rest is one problem, since
 * what follows cannot be told apart from the unclosed field (a file cut off in the middle of a
 * quoted paragraph would otherwise give its last lines as made-up rows).
 */
function readRows(text: string, delimiter: string | undefined): Row[] {
  const rows: Row[] = [];
  // Line numbers are counted once, forwards: rows come in text order.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
  const lines = (from: number, to: number) => {
    const first = lineAt(from);
    const last = lineAt(Math.max(from, text.slice(from, to).trimEnd().length + from - 1));
    return last > first ? `lines ${first}–${last}` : `line ${first}`;
  };
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    step(results, parser) {
      const start = rowStart;
      rowStart = results.meta.cursor;
      const codes = new Set(results.errors.map((error) => error.code));
      if (codes.has('MissingQuotes')) {
        const where = lines(start, text.length);
        rows.push({ fields: [], line: lineAt(start), problem: `${where}: unclosed quote (a field opened with " never closes, so the rest of the file is read as part of it)` });
        parser.abort();
      } else if (codes.has('InvalidQuotes')) {
        rows.push({ fields: [], line: lineAt(start), problem: `${lines(start, rowStart)}: a quote in the middle of a quoted field` });
      } else if (!results.data.every((field) => field.trim() === '')) {
        rows.push({ fields: results.data, line: lineAt(start) });
      }
    },
  });
  return rows;
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
