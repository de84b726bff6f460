import type { FileReading } from './types.ts';
import { locateJsonError } from './locate-json-error.ts';
import { parseJsonLines } from './parse-json-lines.ts';
import { recordsToReading } from './records-to-reading.ts';

/**
 * Reads a `.json` file: a list of article objects, one article object, or an object holding a
 * list under `articles` (any case). Fields are found by name (see `FIELD_NAMES`); objects without
 * text are left out with a note naming them ("item 4: no text field (…)"). A Cairn backup
 * (`"format": "cairn-backup"` at the top) is handed back whole for the restore path to check.
 * Syntax errors fail the file with the line and column ("line 3, column 14: unexpected end of
 * input"): a half-read list would silently lose the articles after the error.
 */
export function parseJson(text: string): FileReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return asJsonLines(text) ?? { kind: 'failed', reason: describeSyntaxError(text, error) };
  }
  if (isObject(data) && data.format === 'cairn-backup') return { kind: 'backup', data, notes: [] };
  if (Array.isArray(data)) return recordsToReading('json', data, (index) => `item ${index + 1}`);
  if (!isObject(data)) return { kind: 'skipped', reason: `no articles: the file holds ${kindOf(data)}, not objects` };
  const list = articlesList(data);
  if (list !== undefined) return recordsToReading('json', list, (index) => `item ${index + 1} of "articles"`);
  return recordsToReading('json', [data], () => 'the object');
}

/** A `.json` file that is really JSON Lines (every line an object) is read as such. */
function asJsonLines(text: string): FileReading | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2 || !lines.every(isJsonObject)) return undefined;
  const reading = parseJsonLines(text);
  if (reading.kind === 'articles') reading.notes.unshift('read as JSON Lines: one object per line');
  return reading;
}

function isJsonObject(line: string): boolean {
  try {
    return isObject(JSON.parse(line));
  } catch {
    return false;
  }
}

function describeSyntaxError(text: string, error: unknown): string {
  const place = locateJsonError(text);
  if (place !== undefined) return `not valid JSON: line ${place.line}, column ${place.column}: ${place.problem}`;
  // JSON.parse refused what the locator accepts only for reasons it cannot see (nesting too deep).
  return `not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`;
}

function articlesList(data: Record<string, unknown>): unknown[] | undefined {
  const key = Object.keys(data).find((name) => name.toLowerCase() === 'articles');
  const list = key === undefined ? undefined : data[key];
  return Array.isArray(list) ? list : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}
