/**
 * Reads the visible text of a page as blocks (paragraph-like runs of text nodes), remembering
 * which text node each character came from so matches can become `Range`s. Never changes the DOM.
 *
 * Skipped: scripts, styles, templates and other non-text elements; form fields, `contenteditable`
 * regions and code editors (the user's own typing is not page content); code blocks; hidden
 * elements (`hidden`, `display: none`, `visibility: hidden`, `content-visibility: hidden`).
 * Open shadow roots are read as part of their host.
 */

/** A run of text that reads as one unit, and where each of its text nodes starts in it. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'VIDEO', 'AUDIO', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'BUTTON', 'CODE', 'PRE', 'KBD', 'SAMP',
  'HEAD', 'TITLE',
]);

/** Elements that flow inside a line of text: their text joins the block around them. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'LABEL', 'MARK', 'Q',
  'RUBY', 'RB', 'RT', 'RP', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'DEL', 'INS',
]);

/** Class names of common in-page code editors, whose text is not prose. */
const EDITOR = /(^|\s)(CodeMirror|cm-editor|monaco-editor|ace_editor|ProseMirror)(\s|$)/;

export interface CollectOptions {
  /** Stop after this many characters (a page past it is read in part). */
  maxChars: number;
  /** Skip this subtree (Cairn's own UI). */
  exclude?: Element | null;
}

/** Whether an element and everything in it is out of scope for scanning. */
export function isSkipped(element: Element, exclude?: Element | null): boolean {
  if (element === exclude || SKIPPED.has(element.tagName.toUpperCase())) return true;
  const html = element as HTMLElement;
  if (html.isContentEditable || html.hidden) return true;
  if (element.getAttribute('role') === 'textbox' || EDITOR.test(element.getAttribute('class') ?? '')) return true;
  return typeof element.checkVisibility === 'function'
    ? !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : false;
}

/**
 * A generator, so the caller can spread the work over idle periods: each `yield` hands back one
 * finished block.
 */
export function* collectBlocks(root: Element | ShadowRoot, options: CollectOptions): Generator<TextBlock, void, undefined> {
  let budget = options.maxChars;
  let current: { block: Element | ShadowRoot; text: string[]; nodes: Text[]; starts: number[]; length: number } | null = null;

  function* flush(): Generator<TextBlock, void, undefined> {
    if (current && current.nodes.length > 0 && /\S/.test(current.text.join(''))) {
      yield { text: current.text.join(''), nodes: current.nodes, starts: current.starts };
    }
    current = null;
  }

  const stack: Node[] = [root];
  while (stack.length > 0 && budget > 0) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const value = text.data;
      if (value.length === 0) continue;
      const block = blockOf(text, root);
      if (current && current.block !== block) yield* flush();
      current ??= { block, text: [], nodes: [], starts: [], length: 0 };
      current.starts.push(current.length);
      current.nodes.push(text);
      current.text.push(value);
      current.length += value.length;
      budget -= value.length;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node !== root) continue;
    if (node !== root && isSkipped(node as Element, options.exclude)) continue;
    const element = node as Element;
    if (element.tagName === 'BR') {
      yield* flush();
      continue;
    }
    // Children are pushed in reverse so they pop in document order. An open shadow root is read
    // first, then the light children it may slot in.
    const shadow = element.shadowRoot;
    const children = shadow ? [...shadow.childNodes, ...node.childNodes] : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  yield* flush();
}

const blockCache = new WeakMap<Node, Element | ShadowRoot>();

/** The nearest ancestor that is not an inline element: text in the same block reads as one run. */
function blockOf(node: Node, root: Element | ShadowRoot): Element | ShadowRoot {
  let parent = node.parentNode;
  const path: Node[] = [];
  while (parent && parent !== root && parent.nodeType === Node.ELEMENT_NODE && INLINE.has((parent as Element).tagName.toUpperCase())) {
    const cached = blockCache.get(parent);
    if (cached) return remember(path, cached);
    path.push(parent);
    parent = parent.parentNode;
  }
  const block = parent && (parent.nodeType === Node.ELEMENT_NODE || parent === root) ? (parent as Element) : root;
  return remember(path, block);
}

function remember(path: Node[], block: Element | ShadowRoot): Element | ShadowRoot {
  for (const node of path) blockCache.set(node, block);
  return block;
}

/** The text node and offset in it for an offset into a block's text. */
export function locate(block: TextBlock, offset: number): { node: Text; offset: number } {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (block.starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { node: block.nodes[low]!, offset: offset - block.starts[low]! };
}
