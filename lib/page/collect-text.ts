/**
 * Reads the visible text of a page as blocks (paragraph-like runs of text nodes), remembering
 * which text node each character came from so matches can become `Range`s. Never changes the DOM.
 *
 * Skipped: scripts, styles, templates and other non-text elements; site furniture (`nav`, `aside`,
 * `footer` and their ARIA roles); form fields, `contenteditable`
 * regions and code editors (the user's own typing is not page content); code blocks; hidden
 * elements (`hidden`, `display: none`, `visibility: hidden`, `content-visibility: hidden`).
 * Open shadow roots are read as part of their host.
 */
/** A run of text that reads as one unit, and where each of its text nodes starts in it. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /**
   * `starts[i]` is the offset of `nodes[i]` in `text`. The first can be negative: a block cut
   * out of one very long text node starts part-way into it.
   */
  starts: number[];
}

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math',
  'video', 'audio', 'select', 'option', 'textarea', 'input', 'button', 'code', 'pre', 'kbd', 'samp',
  'head', 'title',
  // Site furniture: menus, sidebars and footers say what the site is, not what the page is about
  // ("Subscribe", "Sports", "Cookie settings"), and are not where a reader wants highlights.
  'nav', 'aside', 'footer',
]);

/** ARIA roles of the same furniture, where a site marks it with a role instead of an element. */
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'menu', 'menubar', 'search']);

/** Elements that flow inside a line of text: their text joins the block around them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'label', 'mark', 'q',
  'ruby', 'rb', 'rt', 'rp', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins',
]);

/**
 * Characters at most in one block. A block is matched in one go, so a page that is one huge
 * block (a giant `<div>` of spans, a plain-text dump) would otherwise be one long task. A cut can
 * split a phrase; it happens only in blocks this long, and falls on a space where it can.
 */
export const MAX_BLOCK_CHARS = 16_384;

/** Class names of common in-page code editors, whose text is not prose. */
const EDITOR = /(^|\s)(CodeMirror|cm-editor|monaco-editor|ace_editor|ProseMirror)(\s|$)/;

export interface CollectOptions {
  /** Stop after this many characters (a page past it is read in part). */
  maxChars: number;
  /** Skip this subtree (Cairn's own UI). */
  exclude?: Element | null;
  /**
   * Start reading at this node (inside `root`), not at the beginning: the part of a long page the
   * reader scrolled to. A node inside something never read (a menu, a hidden part) starts the
   * walk after that subtree; one inside an open shadow root starts it at the shadow's host.
   */
  from?: Node | null;
}

/**
 * Whether an element and everything in it is out of scope for scanning. Cheap tests first;
 * `checkVisibility` (style and layout, already up to date at idle time) only for elements that
 * pass them.
 */
export function isSkipped(element: Element, exclude?: Element | null): boolean {
  if (element === exclude || SKIPPED.has(element.localName)) return true;
  // Most elements of running text (p, li, em, a) carry no attribute but an href: one call tells.
  if (element.hasAttributes()) {
    if ((element as HTMLElement).hidden) return true;
    // `contenteditable` is inherited and a skipped element's subtree is never entered, so the
    // attribute on the element itself is enough (no `isContentEditable`, which needs style).
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    const role = element.getAttribute('role');
    if (role !== null && (role === 'textbox' || FURNITURE_ROLES.has(role))) return true;
    const classes = element.getAttribute('class');
    if (classes !== null && EDITOR.test(classes)) return true;
  }
  if (typeof element.checkVisibility !== 'function') return false;
  if (element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })) return false;
  // `display: contents` has no box, so `checkVisibility` says false, yet its children are shown
  // (React and web-component wrappers use it). Rare enough to afford a computed style here.
  return getComputedStyle(element).display !== 'contents';
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

/**
 * A generator, so the caller can spread the work over idle periods: each `yield` hands back one
 * finished block. It returns true when it stopped at `maxChars` with visible text left unread.
 *
 * One walk by node pointers (no child lists copied), carrying the current block down with it, so
 * a text node costs a few property reads: no ancestor walk, no per-node lookups. Each element is
 * tested once, on the way in; a skipped or hidden element's subtree is never entered.
 */
export function* collectBlocks(root: Element | ShadowRoot, options: CollectOptions): Generator<TextBlock, boolean, undefined> {
  // A document in design mode is all editable: nothing in it is page content.
  if (root.ownerDocument?.designMode === 'on') return false;
  const exclude = options.exclude ?? null;
  let budget = options.maxChars;
  // The text of the block being built, and the block element it belongs to.
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  let owner: Node | null = null;
  // The nearest enclosing non-inline element (or shadow root) of the node being visited.
  const blocks: Node[] = [root];
  let block: Node = root;

  function take(): TextBlock | null {
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    const taken = nodes.length > 0 && /\S/.test(text) ? { text, nodes, starts } : null;
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    owner = null;
    return taken;
  }

  let node: Node | null = options.from ? startAt(options.from) : firstInside(root);
  while (node && budget > 0) {
    let descend = false;
    const type = node.nodeType;
    if (type === TEXT) {
      const text = node as Text;
      const value = text.data;
      if (value.length > 0) {
        if (owner !== block && nodes.length > 0) {
          const done = take();
          if (done) yield done;
        }
        owner = block;
        if (length + value.length <= MAX_BLOCK_CHARS) {
          starts.push(length);
          nodes.push(text);
          parts.push(value);
          length += value.length;
        } else {
          yield* cutLongNode(text);
        }
        budget -= value.length;
      }
    } else if (type === ELEMENT) {
      const element = node as Element;
      if (element.localName === 'br') {
        const done = take();
        if (done) yield done;
      } else if (!isSkipped(element, exclude)) {
        descend = true;
        if (!INLINE.has(element.localName)) {
          blocks.push(element);
          block = element;
        }
      }
    }
    node = descend ? firstInside(node) ?? after(node) : after(node);
  }
  const done = take();
  if (done) yield done;
  // Stopped at the budget: the page was read in part only if visible text is left (whitespace
  // between elements and hidden or skipped parts also spend the budget, but say nothing).
  while (node) {
    if (node.nodeType === TEXT && /\S/.test((node as Text).data)) return true;
    const descend = node.nodeType === ELEMENT && !isSkipped(node as Element, exclude);
    node = descend ? firstInside(node) ?? after(node) : after(node);
  }
  return false;

  /**
   * Adds a text node that would push the block past `MAX_BLOCK_CHARS`: whole blocks are yielded
   * until the rest of the node fits, which stays in the block being built.
   */
  function* cutLongNode(text: Text): Generator<TextBlock, void, undefined> {
    const value = text.data;
    let from = 0;
    while (length + (value.length - from) > MAX_BLOCK_CHARS) {
      const room = MAX_BLOCK_CHARS - length;
      const cut = cutPoint(value, from, from + room);
      if (cut > from) {
        starts.push(length - from);
        nodes.push(text);
        parts.push(value.slice(from, cut));
      }
      const done = take();
      if (done) yield done;
      owner = block;
      from = cut > from ? cut : from;
    }
    starts.push(length - from);
    nodes.push(text);
    parts.push(from === 0 ? value : value.slice(from));
    length += value.length - from;
  }

  /** The node after `node` in the walk, leaving `node`'s subtree: climbs out of finished blocks. */
  function after(from: Node): Node | null {
    let current: Node = from;
    for (;;) {
      if (current === root) return null;
      const next = current.nextSibling;
      const parent = current.parentNode;
      if (current === block) {
        blocks.pop();
        block = blocks[blocks.length - 1]!;
      }
      if (next) return next;
      if (!parent) {
        // The page removed this part of itself while the scan waited for an idle period: go on
        // after the innermost block still in place. The rest of that block is not read (if that
        // is the root, the walk ends early); the page changed, so the linker scans it again.
        const kept = innermostAttached();
        if (!kept) return null;
        current = kept;
        continue;
      }
      // The end of an open shadow root: its host's light children come next (slotted content).
      if (parent.nodeType === FRAGMENT && parent !== root) {
        const host = (parent as ShadowRoot).host;
        if (parent === block) {
          blocks.pop();
          block = blocks[blocks.length - 1]!;
        }
        if (host.firstChild) return host.firstChild;
        current = host;
        continue;
      }
      current = parent;
    }
  }

  /**
   * Sets the block stack up as the walk would have it on reaching `from`, and returns the node to
   * read first: `from`, or what follows the outermost skipped element around it.
   */
  function startAt(from: Node): Node | null {
    const chain: Node[] = [];
    let at: Node = from;
    while (at !== root) {
      if (at.nodeType === FRAGMENT) {
        // Inside an open shadow root: start at its host, which is read with its shadow.
        const host = (at as ShadowRoot).host as Node | undefined;
        if (!host) return null;
        chain.length = 0;
        at = host;
        continue;
      }
      chain.push(at);
      const parent = at.parentNode;
      if (!parent) return null; // Not inside `root` at all.
      at = parent;
    }
    if (chain.length === 0) return firstInside(root);
    chain.reverse();
    for (let i = 0; i < chain.length; i++) {
      const node = chain[i]!;
      if (node.nodeType !== ELEMENT) continue;
      const element = node as Element;
      if (isSkipped(element, exclude)) return after(element);
      if (i < chain.length - 1 && !INLINE.has(element.localName)) {
        blocks.push(element);
        block = element;
      }
    }
    return chain[chain.length - 1]!;
  }

  /** Drops the blocks no longer under `root` from the stack; returns the innermost that is, or null. */
  function innermostAttached(): Node | null {
    while (blocks.length > 1 && !isUnder(blocks[blocks.length - 1]!, root)) blocks.pop();
    block = blocks[blocks.length - 1]!;
    return block === root ? null : block;
  }

  /** The first node inside `parent`: its open shadow root's first, or its own first child. */
  function firstInside(parent: Node): Node | null {
    const shadow = parent.nodeType === ELEMENT ? (parent as Element).shadowRoot : null;
    if (shadow && shadow !== root) {
      blocks.push(shadow);
      block = shadow;
      if (shadow.firstChild) return shadow.firstChild;
      blocks.pop();
      block = blocks[blocks.length - 1]!;
    }
    return parent.firstChild;
  }
}

/** Whether `node` is `root` or inside it, open shadow roots included. */
function isUnder(node: Node, root: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at === root) return true;
  }
  return false;
}

/** Where to end a piece of `text[from, limit)`: after the last space in it, or at `limit`. */
function cutPoint(text: string, from: number, limit: number): number {
  if (limit <= from) return from;
  const space = text.lastIndexOf(' ', limit - 1);
  return space > from ? space + 1 : limit;
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
