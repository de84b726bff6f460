import type { Heading, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { FileReading } from './types.ts';
import { articleFromRecord } from './article-from-record.ts';
import { cleanField } from './clean-field.ts';
import { FIELD_NAMES, fieldKey } from './field-names.ts';
import { markdownParagraphs } from './markdown-paragraphs.ts';
import { readFrontMatter } from './read-front-matter.ts';
import { titleFromFileName } from './title-from-file-name.ts';

/**
 * Reads a `.md` / `.markdown` file as one article. Title, date, author, source, url, tags and
 * lang come from YAML front matter when there is one (invalid YAML is left out with a note, the
 * text still imports); otherwise the title is the first heading, else the file's name. The body
 * is the document's plain text (see `markdownParagraphs`), without the heading used as title.
 */
export function parseMarkdown(text: string, fileName: string): FileReading {
  const root = fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
  const notes: string[] = [];
  let fields = new Map<string, unknown>();
  let blocks: RootContent[] = root.children;
  const [first] = blocks;
  if (first?.type === 'yaml') {
    const front = readFrontMatter(first.value);
    if ('problem' in front) notes.push(front.problem);
    else fields = front.fields;
    blocks = blocks.slice(1);
  }

  const record = Object.create(null) as Record<string, unknown>;
  const textNames = new Set<string>([...FIELD_NAMES.body, ...FIELD_NAMES.title]);
  for (const [key, value] of fields) if (!textNames.has(fieldKey(key))) record[key] = value;
  const heading = blocks.find((block): block is Heading => block.type === 'heading');
  const headingTitle = heading === undefined ? undefined : cleanField(markdownParagraphs([heading])[0]);
  const title = frontTitle(fields) ?? headingTitle ?? titleFromFileName(fileName);
  // The heading that gave the title, or repeats it, opens the document: it is not body text.
  const opening = blocks[0];
  if (opening !== undefined && opening === heading && headingTitle === title) blocks = blocks.slice(1);
  record.title = title;
  record.body = markdownParagraphs(blocks).join('\n\n');

  const reading = articleFromRecord(record);
  if ('problem' in reading) return { kind: 'skipped', reason: headingTitle === undefined ? 'empty' : `"${title}" has a title but no text` };
  return { kind: 'articles', format: 'md', articles: [reading.article], notes };
}

function frontTitle(fields: Map<string, unknown>): string | undefined {
  for (const name of FIELD_NAMES.title) {
    for (const [key, value] of fields) {
      if (fieldKey(key) === name && cleanField(value) !== undefined) return cleanField(value);
    }
  }
  return undefined;
}
