/**
 * Makes happy-dom behave like a browser where DOMPurify depends on it, for tests only (the product
 * code is unchanged; in Chromium and Firefox none of this is needed):
 * 1. DOMPurify reads `nodeName` through `Node.prototype`'s getter, so a page cannot clobber it.
 *    happy-dom defines the real getter on `Element` and leaves `Node.prototype.nodeName` returning
 *    "", so every element looks unknown to DOMPurify and is removed, content kept. The getter is
 *    made to answer as the node's own class does.
 * 2. happy-dom's `NodeIterator` is a `TreeWalker` underneath and does not follow the DOM
 *    standard's "pre-removing steps": when the node it stands on is removed it walks off into the
 *    detached node and stops. DOMPurify removes nodes while it iterates, as browsers allow. The
 *    iterator installed here resumes after the node that preceded a removed one, as the standard
 *    says for the removals DOMPurify makes.
 */
export function fixHappyDomForDomPurify(): void {
  const proto = Document.prototype as Document & { cairnDomPurifyFixes?: boolean };
  if (proto.cairnDomPurifyFixes) return;
  proto.cairnDomPurifyFixes = true;
  const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
  Object.defineProperty(Node.prototype, 'nodeName', {
    configurable: true,
    get(this: Node) {
      for (let at = Object.getPrototypeOf(this); at !== null && at !== Node.prototype; at = Object.getPrototypeOf(at)) {
        const own = Object.getOwnPropertyDescriptor(at, 'nodeName');
        if (own?.get !== undefined) return own.get.call(this);
      }
      return base?.get?.call(this);
    },
  });
  const createNodeIterator = (root: Node, whatToShow = 0xffffffff, filter: NodeFilter | null = null) =>
    new SpecNodeIterator(root, whatToShow, filter) as unknown as NodeIterator;
  // happy-dom defines the method on more than one document class (HTMLDocument, the inert
  // documents of <template> and DOMParser): patch wherever it is defined.
  const documents = [document, document.createElement('template').content.ownerDocument, new DOMParser().parseFromString('', 'text/html')];
  for (const doc of documents) {
    for (let at = Object.getPrototypeOf(doc); at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
      if (Object.hasOwn(at, 'createNodeIterator')) Object.defineProperty(at, 'createNodeIterator', { configurable: true, writable: true, value: createNodeIterator });
    }
  }
}

class SpecNodeIterator {
  private last: Node | null = null;
  private beforeLast: Node | null = null;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: NodeFilter | null,
  ) {}

  nextNode(): Node | null {
    let node: Node | null;
    if (this.last === null) node = this.root;
    else if (this.last === this.root || this.root.contains(this.last)) node = following(this.last, this.root);
    else node = this.beforeLast === null ? null : following(this.beforeLast, this.root);
    for (; node !== null; node = following(node, this.root)) {
      if (this.accepts(node)) {
        this.beforeLast = preceding(node, this.root);
        this.last = node;
        return node;
      }
    }
    this.last = null;
    this.beforeLast = null;
    return null;
  }

  previousNode(): Node | null {
    throw new Error('spec-node-iterator: previousNode is not needed by the tests');
  }

  detach(): void {}

  private accepts(node: Node): boolean {
    if (((1 << (node.nodeType - 1)) & this.whatToShow) === 0) return false;
    if (this.filter === null) return true;
    const verdict = typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  }
}

function following(node: Node, root: Node): Node | null {
  if (node.firstChild !== null) return node.firstChild;
  for (let at: Node | null = node; at !== null && at !== root; at = at.parentNode) {
    if (at.nextSibling !== null) return at.nextSibling;
  }
  return null;
}

function preceding(node: Node, root: Node): Node | null {
  if (node === root) return null;
  let at = node.previousSibling;
  if (at === null) return node.parentNode;
  while (at.lastChild !== null) at = at.lastChild;
  return at;
}
