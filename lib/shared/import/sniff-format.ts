import type { ImportFormat } from './types.ts';

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const JSON_START = /^\s*[{[]/;
const FRONT_MATTER = /^---\r?\n/;
const MARKDOWN_HEADING = /^#{1,6} \S/m;

/**
 * Guesses the format of a text file whose name has no extension: an HTML page, JSON (which also
 * takes JSON Lines), Markdown (front matter, or `#` headings), else plain text.
 */
export function sniffFormat(text: string): ImportFormat {
  if (HTML_START.test(text)) return 'html';
  if (JSON_START.test(text)) return 'json';
  if (FRONT_MATTER.test(text) || MARKDOWN_HEADING.test(text.slice(0, 4096))) return 'md';
  return 'txt';
}
