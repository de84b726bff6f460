import type { Nodes, PhrasingContent, RootContent } from 'mdast';

const SCRIPT_OR_STYLE = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<\/?[a-z!?][^>]*(?:>|$)/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The plain text of Markdown blocks, one string per paragraph: headings, paragraphs, list items,
 * block quotes and code blocks as their text; links as their text; images as their alt text;
 * emphasis and inline code unmarked. Raw HTML keeps its text only: tags, comments, scripts and
 * styles are dropped. A soft line break is a space, a hard one (`\` or two spaces) a line break.
 */
export function markdownParagraphs(nodes: readonly RootContent[]): string[] {
  const paragraphs: string[] = [];
  const visit = (list: readonly RootContent[]) => {
    for (const node of list) {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          paragraphs.push(phrasing(node.children));
          break;
        case 'code':
          paragraphs.push(node.value);
          break;
        case 'html':
          paragraphs.push(htmlText(node.value));
          break;
        case 'blockquote':
        case 'list':
        case 'listItem':
          visit(node.children);
          break;
        default:
          // Thematic breaks, link definitions, front matter: no text of their own.
          break;
      }
    }
  };
  visit(nodes);
  return paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
}

function phrasing(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes as readonly Nodes[]) {
    if (node.type === 'text') text += node.value.replace(/\s*\n\s*/g, ' ');
    else if (node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += '\n';
    else if (node.type === 'image' || node.type === 'imageReference') text += node.alt ?? '';
    else if ('children' in node) text += phrasing(node.children as PhrasingContent[]);
    // Inline HTML (`<b>`, `</b>`) is markup around text that has its own nodes: dropped.
  }
  return text;
}

function htmlText(html: string): string {
  return html
    .replace(SCRIPT_OR_STYLE, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, ' ')
    .replace(/&(#39|[a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/[ \t]+/g, ' ');
}
