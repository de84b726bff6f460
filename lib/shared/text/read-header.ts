import { classifyBoilerplate } from './classify-boilerplate.ts';
import { extractDate } from './extract-date.ts';
import { lineShape } from './line-shape.ts';
import { fillMissing, type Metadata } from './metadata.ts';
import { noticeSource } from './notice-source.ts';
import { readMetadataLine } from './read-metadata-line.ts';
import { stripDateLabels } from './strip-date-labels.ts';

/** The top of an article: its title, what the lines around the title say about it, its lede. */
export interface Header {
  title: string;
  metadata: Metadata;
  /** Text lines between the title and the first paragraph (a sub-headline, a summary), unbulleted. */
  lede: string[];
  /** Index of the first line after the header. */
  end: number;
}

/** The header ends at the first paragraph, and at the latest this many lines below the title. */
const MAX_HEADER_LINES = 6;
const MIN_TITLE_WORDS = 2;
const BULLET = /^[•·▪●◦‣∙■►➤*–-]\s+/u;
const LEADING_SEPARATORS = /^[\s|·•—–\-:：,]+/u;

/**
 * Reads the header of a scraped article from its logical lines. Page furniture and date lines
 * above the title are skipped. The title is the first remaining line; a date printed in front of
 * it ("date 2023-12-28 China Vows …") is taken off and kept. Below the title, up to the first
 * paragraph, date lines, bylines and names become metadata, widgets are dropped, and the rest
 * (sub-headline, summary) is the lede. Undefined when no line can be the title.
 */
export function readHeader(lines: readonly string[]): Header | undefined {
  const metadata: Metadata = {};
  let at = 0;
  let title: string | undefined;
  for (; at < lines.length && title === undefined; at += 1) {
    const line = lines[at] ?? '';
    if (dropFurniture(line, metadata)) continue;
    const dated = splitLeadingDate(line);
    const found = dated === undefined ? readMetadataLine(line) : undefined;
    // A bare name above the title may be the title itself ("Digital Silk Road"): it is not
    // taken for a byline there, only a name beside a date is.
    const onlyName = found?.author !== undefined && found.publishedAt === undefined;
    if (found !== undefined && !onlyName) {
      fillMissing(metadata, found);
      continue;
    }
    fillMissing(metadata, { publishedAt: dated?.publishedAt });
    title = dated?.title ?? line;
  }
  if (title === undefined) return undefined;

  const lede: string[] = [];
  const last = Math.min(lines.length, at + MAX_HEADER_LINES);
  for (; at < last; at += 1) {
    const line = lines[at] ?? '';
    if (lineShape(line).prose) break;
    if (dropFurniture(line, metadata)) continue;
    const found = readMetadataLine(line);
    if (found === undefined) lede.push(line.replace(BULLET, ''));
    else fillMissing(metadata, found);
  }
  return { title, metadata, lede, end: at };
}

/** Drops a line of page furniture, keeping the publication a notice names. */
function dropFurniture(line: string, metadata: Metadata): boolean {
  const kind = classifyBoilerplate(line);
  if (kind === 'notice') fillMissing(metadata, { source: noticeSource(line) });
  return kind !== undefined;
}

/** A title line that starts with a (labelled) date: the date, and the title after it. */
function splitLeadingDate(line: string): { title: string; publishedAt: string } | undefined {
  const date = extractDate(line);
  if (date === undefined || stripDateLabels(line.slice(0, date.start)) !== '') return undefined;
  const title = line.slice(date.end).replace(LEADING_SEPARATORS, '');
  return lineShape(title).words >= MIN_TITLE_WORDS ? { title, publishedAt: date.iso } : undefined;
}
