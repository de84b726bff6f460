/**
 * An element for Cairn's UI on a page that tells the page nothing: a neutral custom element with
 * no id, class or attribute, holding a closed shadow root (so `element.shadowRoot` is null for the
 * page's scripts) whose style comes from `css`. The element name is made up per page load, so a
 * page cannot select it by a name it knows in advance.
 */
const hosts = new WeakSet<Node>();

/** Whether `node` is one of the hosts this content script made (its additions are no page change). */
export function isHiddenHost(node: Node): boolean {
  return hosts.has(node);
}

export function attachHiddenHost(parent: Element, css: string): { element: Element; root: ShadowRoot } {
  const element = document.createElement(`x-${randomLetters(8)}`);
  const root = element.attachShadow({ mode: 'closed' });
  hosts.add(element);
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  parent.append(element);
  return { element, root };
}

function randomLetters(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count));
  return Array.from(bytes, (byte) => String.fromCharCode(97 + (byte % 26))).join('');
}
