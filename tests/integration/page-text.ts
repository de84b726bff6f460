import { readFileSync } from 'node:fs';

const pages = new URL('../fixtures/pages/', import.meta.url);

export interface FixturePage {
  file: string;
  expect: 'related' | 'unrelated';
  kind: string;
  mustLinkPhrases: string[];
}

export const FIXTURE_PAGES: FixturePage[] = JSON.parse(readFileSync(new URL('index.json', pages), 'utf8'));

/**
 * The visible text of a fixture page, roughly as the content script reads it: without scripts,
 * styles, templates, site furniture (nav, aside, footer), form fields, code, editable regions or hidden elements, one block per line.
 * Good enough for static fixtures written for this purpose; the browser does it for real in the
 * end-to-end tests.
 */
export function visibleText(file: string, folder: URL = pages): string {
  let html = readFileSync(new URL(file, folder), 'utf8');
  html = html.replace(/<!--[\s\S]*?-->/g, ' ');
  for (const tag of ['head', 'script', 'style', 'template', 'textarea', 'noscript', 'pre', 'code', 'select', 'button', 'nav', 'aside', 'footer']) {
    html = html.replace(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`, 'gi'), ' ');
  }
  html = html.replace(/<input\b[^>]*>/gi, ' ');
  // Elements hidden or editable by attribute or inline style, with their content (not nested).
  html = html.replace(
    /<(\w+)\b[^>]*(?:\shidden\b|contenteditable|display:\s*none|visibility:\s*hidden)[^>]*>[\s\S]*?<\/\1>/gi,
    ' ',
  );
  return html
    .replace(/<\/?(?:p|div|h\d|li|ul|ol|section|article|header|footer|nav|aside|main|br|tr|td|th|table|blockquote|figcaption|dt|dd)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[lg]t;/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
