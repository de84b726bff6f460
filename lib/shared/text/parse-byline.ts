import { isPersonName } from './is-person-name.ts';
import { looksLikePublication } from './looks-like-publication.ts';
import type { Metadata } from './metadata.ts';

const BYLINE = /^(?:(?:written\s+|words\s+|story\s+)?by\s*[:：]?|authors?\s*[:：]|writer\s*[:：]|reporter\s*[:：])\s*(?<rest>\S.*)$/iu;
/** What may follow the names: a role, a place, a date already cut out. */
const AFTER_NAMES = /\s+[|·•—–]\s+|\s+-\s+|\s*[(（]/u;
const NAME_SEPARATOR = /\s*(?:,|;|&|\band\b)\s*/u;
const MAX_AGENCY_WORDS = 4;

/**
 * Reads a byline: "By Jane Doe", "By Jane Doe and Tom Roe, Staff Reporters", "Author: Jane Doe".
 * Gives the author (several names joined with ", " or " and "), or the source when the byline
 * names an agency rather than a person ("By Reuters"). Undefined when the line is not a byline,
 * such as a sentence that merely starts with "By".
 */
export function parseByline(line: string): Metadata | undefined {
  const rest = BYLINE.exec(line)?.groups?.rest;
  if (rest === undefined) return undefined;
  const [beforeRole = ''] = rest.split(AFTER_NAMES);
  const names: string[] = [];
  for (const part of beforeRole.split(NAME_SEPARATOR)) {
    if (!isPersonName(part)) break;
    names.push(part);
  }
  if (names.length > 0) return { author: joinNames(names) };
  const agency = beforeRole.trim();
  if (agency.split(' ').length <= MAX_AGENCY_WORDS && looksLikePublication(agency)) return { source: agency };
  return undefined;
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
