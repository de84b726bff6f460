import { cleanBody } from './clean-body.ts';

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set(
  `address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4
  h5 h6 header hgroup hr li main nav ol p pre section summary table tbody thead tfoot tr ul`.split(/\s+/),
);
/** Elements whose content is not text to read. */
const SKIPPED = new Set(['head', 'title', 'meta', 'link', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'select', 'button', 'input', 'textarea']);
const CELLS = new Set(['td', 'th']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The plain text of an element as paragraphs: block elements (`p`, `div`, `li`, headings…) are
 * paragraphs, `<br>` is a line break, table cells are separated by a space, whitespace is
 * collapsed as a browser would, and `<pre>` keeps its lines. The head, scripts, styles, media and
 * form controls give nothing. Reads the tree only: standard DOM calls, no layout, no markup produced.
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  // Iterative, so a page nested thousands of elements deep cannot overflow the stack. A string on
  // the stack is text to emit once the element before it is done (its closing paragraph break).
  const stack: (readonly [Node, boolean] | string)[] = [[root, false]];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const [node, preformatted] = item;
    const children: Node[] = [];
    for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
    for (const child of children.reverse()) {
      if (child.nodeType === TEXT_NODE) stack.push(textOf(child, preformatted));
      else if (child.nodeType === ELEMENT_NODE) pushElement(stack, child as Element, preformatted);
    }
  }
  // Line breaks inside a paragraph travel as U+2028 so that collapsing whitespace leaves them be;
  // cleanBody turns them into "\n".
  return cleanBody(parts.join('').replace(/ *\u2028 */g, '\u2028'));
}

function pushElement(stack: (readonly [Node, boolean] | string)[], element: Element, preformatted: boolean): void {
  const tag = element.localName.toLowerCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    stack.push('\u2028');
  } else if (BLOCKS.has(tag)) {
    stack.push('\n\n', [element, preformatted || tag === 'pre'], '\n\n');
  } else {
    stack.push([element, preformatted]);
    if (CELLS.has(tag)) stack.push(' ');
  }
}

function textOf(node: Node, preformatted: boolean): string {
  const text = node.nodeValue ?? '';
  return preformatted ? text.replace(/\r\n?|\n/g, '\u2028') : text.replace(/\s+/g, ' ');
}
