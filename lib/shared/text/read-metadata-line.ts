import { extractDate } from './extract-date.ts';
import { isPersonName } from './is-person-name.ts';
import { lineShape } from './line-shape.ts';
import { looksLikePublication } from './looks-like-publication.ts';
import type { Metadata } from './metadata.ts';
import { parseByline } from './parse-byline.ts';
import { stripDateLabels } from './strip-date-labels.ts';

const URL_LINE = /^https?:\/\/\S+$/i;
/** "Published:", "Last updated on:": a date line even when its date cannot be read. */
const DATE_LABEL = /^(?:published|posted|(?:last\s+)?updated|modified|date|dated)\s*(?:on|at)?\s*[:：]/iu;
/** A metadata line is short; anything longer is a sentence that happens to contain a date. */
const MAX_WORDS = 14;

/**
 * Reads a line of a page's header or footer as metadata, or gives undefined when the line says
 * something else. Recognised:
 * - a bare URL;
 * - a byline ("By Jane Doe") or a line that is only a person's name;
 * - a date line whose remainder, once labels are stripped, is nothing ("Published: March 5,
 *   2024"), a byline or person ("Jane Doe · 5 March 2024") or a publication ("Seetao 2024-04-03
 *   15:30"). A remainder that is anything else ("Fireworks over the bay on 1 January 2024")
 *   makes the line text, not metadata. A labelled date line whose date is impossible
 *   ("Published: 2024-02-30") is metadata that tells nothing: `{}`.
 */
export function readMetadataLine(line: string): Metadata | undefined {
  const shape = lineShape(line);
  if (shape.prose || shape.words > MAX_WORDS) return undefined;
  if (URL_LINE.test(line)) return { url: line };
  const date = extractDate(line);
  if (date === undefined) return DATE_LABEL.test(line) ? {} : readPerson(line);
  const remainder = stripDateLabels(`${line.slice(0, date.start)} ${line.slice(date.end)}`);
  if (remainder === '') return { publishedAt: date.iso };
  const credit = readPerson(remainder) ?? (looksLikePublication(remainder) ? { source: remainder } : undefined);
  return credit === undefined ? undefined : { publishedAt: date.iso, ...credit };
}

function readPerson(phrase: string): Metadata | undefined {
  return parseByline(phrase) ?? (isPersonName(phrase) ? { author: phrase } : undefined);
}
