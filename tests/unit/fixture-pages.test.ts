import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Checks the static pages the end-to-end tests serve: that they agree with
// index.json, are self-contained and roughly well-formed, and say what their
// expectation claims they say.

const PAGES = new URL('../fixtures/pages/', import.meta.url);

const KINDS = [
  'news', 'blog', 'explainer', 'dynamic', 'editables', 'recipe', 'sports',
  'tutorial', 'notice', 'hard-negative', 'boilerplate', 'hostile',
] as const;

interface PageEntry {
  file: string;
  expect: 'related' | 'unrelated';
  kind: (typeof KINDS)[number];
  mustLinkPhrases: string[];
}

/** Phrases from the collection that an unrelated page must never contain. */
const FORBIDDEN_ON_UNRELATED = ['Wuzhen', 'World Internet Conference', 'submarine cable', 'Belt and Road', 'cyberspace'];

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', rsaquo: '›', pound: '£', minus: '−',
};

function readIndex(): PageEntry[] {
  return JSON.parse(readFileSync(new URL('index.json', PAGES), 'utf8')) as PageEntry[];
}

function readPage(file: string): string {
  return readFileSync(new URL(file, PAGES), 'utf8');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name] ?? whole);
}

/**
 * The page's reader-facing text, roughly: no comments, styles, templates,
 * form field contents or scripts. For a script-rendered page, the strings its
 * script renders are what the reader sees, so its script text is kept.
 */
function visibleText(html: string, keepScripts: boolean): string {
  let text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<template\b[\s\S]*?<\/template>/gi, ' ')
    .replace(/<textarea\b[\s\S]*?<\/textarea>/gi, ' ');
  if (!keepScripts) text = text.replace(/<script\b[\s\S]*?<\/script>/gi, ' ');
  text = text.replace(/<[^>]+>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ');
}

/** Unclosed or mismatched tags, found with a simple stack over the markup. */
function tagProblems(html: string): string[] {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|textarea)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2></$1>');
  const problems: string[] = [];
  const stack: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = (rawName ?? '').toLowerCase();
    if (VOID_ELEMENTS.has(name) || selfClosing) continue;
    if (!closing) {
      stack.push(name);
      continue;
    }
    const open = stack.pop();
    if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at offset ${match.index}`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

const index = readIndex();

describe('fixture pages index', () => {
  it('lists every page exactly once, and every listed file exists', () => {
    const onDisk = readdirSync(PAGES).filter((name) => name.endsWith('.html')).sort();
    const listed = index.map((entry) => entry.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk);
  });

  it('gives every page a valid expectation, kind and phrase list', () => {
    for (const entry of index) {
      expect(['related', 'unrelated'], entry.file).toContain(entry.expect);
      expect(KINDS, entry.file).toContain(entry.kind);
      if (entry.expect === 'related') {
        expect(entry.mustLinkPhrases.length, entry.file).toBeGreaterThanOrEqual(2);
        expect(entry.mustLinkPhrases.length, entry.file).toBeLessThanOrEqual(4);
      } else {
        expect(entry.mustLinkPhrases, entry.file).toEqual([]);
      }
    }
  });

  it('has both related and unrelated pages', () => {
    expect(index.some((entry) => entry.expect === 'related')).toBe(true);
    expect(index.some((entry) => entry.expect === 'unrelated')).toBe(true);
  });
});

describe.each(index)('$file', (entry) => {
  const html = readPage(entry.file);

  it('is a well-formed HTML5 document', () => {
    expect(html.trimStart().toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<meta charset="utf-8">/i);
    expect(html).toMatch(/<title>[^<]*\S[^<]*<\/title>/i);
    expect(html.trimEnd().toLowerCase().endsWith('</html>')).toBe(true);
    expect(tagProblems(html)).toEqual([]);
  });

  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<(?:link|iframe|img|video|audio|object|embed)\b/i);
  });

  it('runs a script only if it is the dynamic or a hostile page', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => match[1] ?? '');
    const executable = scripts.filter((attrs) => !/type\s*=\s*["']application\/(?:ld\+)?json["']/i.test(attrs));
    for (const attrs of scripts) expect(attrs).not.toMatch(/\bsrc\s*=/i);
    if (entry.kind === 'dynamic' || entry.kind === 'hostile') expect(executable.length).toBeGreaterThan(0);
    else expect(executable).toEqual([]);
  });

  if (entry.expect === 'related') {
    it('contains each phrase it must link, in its visible text', () => {
      const text = visibleText(html, entry.kind === 'dynamic');
      for (const phrase of entry.mustLinkPhrases) expect(text, phrase).toContain(phrase);
    });
  } else {
    it('mentions nothing from the collection', () => {
      const lower = html.toLowerCase();
      for (const phrase of FORBIDDEN_ON_UNRELATED) expect(lower, phrase).not.toContain(phrase.toLowerCase());
    });
  }
});

describe('related-react-app.html', () => {
  const html = readPage('related-react-app.html');

  it('renders into #app and marks the paragraphs the e2e tests watch', () => {
    expect(html).toContain('id="app"');
    expect(html).toContain("'late-paragraph'");
    expect(html).toContain("'rerendered-paragraph'");
    expect(html).toMatch(/setInterval\([\s\S]*500\)/);
    expect(html).toMatch(/setTimeout\([\s\S]*1500\)/);
  });
});

describe('related-with-editables.html', () => {
  const html = readPage('related-with-editables.html');

  it.each([
    ['textarea', /<textarea\b[^>]*data-testid="textarea"[^>]*>[^<]*World Internet Conference[^<]*Wuzhen/],
    ['text-input', /<input\b(?=[^>]*type="text")(?=[^>]*data-testid="text-input")(?=[^>]*value="[^"]*World Internet Conference[^"]*Wuzhen)[^>]*>/],
    ['editable', /<div\b(?=[^>]*contenteditable="true")[^>]*data-testid="editable"[^>]*>[^<]*Wuzhen/],
    ['hidden-attr', /<div\b(?=[^>]*\bhidden\b)[^>]*data-testid="hidden-attr"[^>]*>[^<]*Wuzhen/],
    ['display-none', /<div class="display-none" data-testid="display-none">[^<]*Wuzhen/],
    ['visibility-hidden', /<div class="invisible" aria-hidden="true" data-testid="visibility-hidden">[^<]*Wuzhen/],
    ['code-block', /<pre data-testid="code-block"><code>[^<]*submarine cables/],
    ['template', /<template\b[^>]*>[\s\S]*Wuzhen[\s\S]*<\/template>/],
    ['json-data', /<script type="application\/json"[^>]*>[^<]*Wuzhen[^<]*<\/script>/],
  ])('has the %s element with collection text inside', (_name, pattern) => {
    expect(html).toMatch(pattern);
  });

  it('hides the hidden ones with CSS that really hides them', () => {
    expect(html).toMatch(/\.display-none\s*\{\s*display:\s*none;/);
    expect(html).toMatch(/\.invisible\s*\{\s*visibility:\s*hidden;/);
  });
});
