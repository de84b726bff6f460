import type { PhraseCard, Snippet } from '../../lib/protocol.ts';
import { formatDate } from '../../lib/shared/text/format-date.ts';
import { splitMarked } from '../../lib/shared/text/split-marked.ts';

/** Builds an element with text content only: nothing from the collection is parsed as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

function passage(snippet: Snippet): HTMLElement {
  const p = el('p', { className: 'passage' });
  if (snippet.truncatedStart) p.append('…');
  for (const piece of splitMarked(snippet.text, snippet.highlights)) {
    p.append(piece.marked ? el('mark', { text: piece.text }) : document.createTextNode(piece.text));
  }
  if (snippet.truncatedEnd) p.append('…');
  return p;
}

/** Runs `action` on a click by the user only: a page's `.click()` or synthetic event is ignored. */
function onUserClick(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
}

export interface CardActions {
  open(articleId: number): void;
  mute(): void;
  /** Absent inside an embedded frame: only a page's top frame may turn Cairn off for its site. */
  siteOff?(): void;
  close(): void;
}

/** The content of a hover card: the phrase, its articles with the passage, and the actions. */
export function renderCard(card: PhraseCard, locale: string, actions: CardActions): HTMLElement {
  const list = el('ul', { className: 'articles' });
  for (const article of card.articles) {
    const meta = [article.source ?? article.author, article.publishedAt && formatDate(article.publishedAt, locale)]
      .filter(Boolean)
      .join(' · ');
    const open = el('button', { className: 'title', text: article.title, attrs: { type: 'button', 'data-testid': 'card-open' } });
    onUserClick(open, () => actions.open(article.id));
    list.append(el('li', {}, open, meta ? el('p', { className: 'meta', text: meta }) : null, passage(article.passage)));
  }
  const mute = el('button', { text: `Mute “${card.label}”`, attrs: { type: 'button', 'data-testid': 'card-mute' } });
  onUserClick(mute, actions.mute);
  let off: HTMLElement | null = null;
  if (actions.siteOff) {
    off = el('button', { text: 'Turn off on this site', attrs: { type: 'button', 'data-testid': 'card-site-off' } });
    onUserClick(off, actions.siteOff);
  }
  const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close' } });
  onUserClick(close, actions.close);
  return el(
    'div',
    { className: 'card', attrs: { role: 'dialog', 'aria-label': `Cairn: articles about ${card.label}`, 'data-testid': 'hover-card' } },
    // Plain boxes, not header/footer: inside the host page those would add landmarks to its outline.
    el('div', { className: 'head' }, el('span', { className: 'brand', text: 'Cairn' }), el('strong', { className: 'phrase', text: card.label }), close),
    list,
    el('div', { className: 'actions' }, mute, off),
  );
}

export const CARD_CSS = `
:host { all: initial !important; display: block !important; }
@media print { :host { display: none !important; } }
.card {
  --bg: #ffffff; --text: #1c1c1a; --muted: #5f5f5a; --border: #deded8; --accent: #2f6f5e; --mark: #fde68a;
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(360px, calc(100vw - 16px));
  max-height: min(420px, calc(100vh - 16px)); overflow: auto; padding: 10px 12px 8px;
  background: var(--bg); color: var(--text); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18); font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: left; letter-spacing: normal; text-transform: none;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #232421; --text: #ecece8; --muted: #a6a69f; --border: #3a3b37; --accent: #7cc4ae; --mark: #6b5413; }
}
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.brand { font-size: 11px; font-weight: 700; color: var(--accent); text-transform: uppercase; letter-spacing: 0.04em; }
.phrase { flex: 1; font-weight: 650; }
.close {
  box-sizing: border-box; min-width: 28px; min-height: 28px; border: 0; border-radius: 6px; background: none;
  color: var(--muted); font-size: 20px; line-height: 1; cursor: pointer; padding: 0;
}
.close:hover { color: var(--text); background: color-mix(in srgb, var(--border) 60%, transparent); }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 0; border-top: 1px solid var(--border); }
.title { all: unset; cursor: pointer; font-weight: 600; color: var(--text); }
.title:hover, .title:focus-visible { color: var(--accent); text-decoration: underline; }
.meta { margin: 2px 0 0; color: var(--muted); font-size: 12px; }
.passage { margin: 4px 0 0; color: var(--muted); }
mark { background: var(--mark); color: inherit; border-radius: 2px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; padding-top: 8px; border-top: 1px solid var(--border); }
.actions button { min-height: 28px; font: inherit; font-size: 12px; color: var(--text); background: none; border: 1px solid var(--border); border-radius: 6px; padding: 3px 8px; cursor: pointer; }
.actions button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
