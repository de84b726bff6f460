import type { PhraseCard } from '../../lib/protocol.ts';
import { attachHiddenHost } from '../../lib/page/hidden-host.ts';
import { CARD_CSS, renderCard, type CardActions } from './card-dom.ts';

const GAP = 6;
const MARGIN = 8;

/**
 * The hover card, in a closed shadow root attached to the document only while it shows: the
 * page's styles cannot reach it and its scripts see a nameless element with nothing readable in
 * it (issue 8). It is placed below the phrase, or above when there is more room there, never over
 * the phrase, and always inside the viewport.
 *
 * Opening an article takes a user gesture: a trusted press (pointer or key) inside the card, and
 * at most one article per press, so nothing can open tabs in a loop.
 */
/** What the keyboard asks of the card's owner: Escape, or Tab past the card's first or last button. */
export interface CardKeys {
  escape(): void;
  tabOut(direction: 'forward' | 'back'): void;
}

export function createHoverCard(locale: string) {
  let host: { element: Element; root: ShadowRoot } | null = null;
  let current: HTMLElement | null = null;
  let keys: CardKeys | null = null;
  let gesture = 0;
  let usedGesture = 0;

  function buttons(): HTMLButtonElement[] {
    return current ? [...current.querySelectorAll('button')] : [];
  }

  /** Keys inside the card: Tab stays in it until its last button, Escape hands focus back. */
  function onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || !current || !keys) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      keys.escape();
      return;
    }
    if (event.key !== 'Tab') return;
    const all = buttons();
    const at = all.indexOf(host?.root.activeElement as HTMLButtonElement);
    const out = event.shiftKey ? at <= 0 : at === all.length - 1;
    if (!out) return;
    event.preventDefault();
    keys.tabOut(event.shiftKey ? 'back' : 'forward');
  }

  function rootOf(): ShadowRoot {
    if (host) {
      if (!host.element.isConnected) document.documentElement.append(host.element);
      return host.root;
    }
    host = attachHiddenHost(document.documentElement, CARD_CSS);
    const press = (event: Event) => {
      if (event.isTrusted) gesture++;
    };
    host.root.addEventListener('pointerdown', press, true);
    host.root.addEventListener('keydown', press, true);
    host.root.addEventListener('keydown', onKey as EventListener);
    return host.root;
  }

  /** Lets `open` run once per user gesture, while the browser counts the user as active. */
  function oncePerGesture(open: (id: number) => void): (id: number) => void {
    return (id) => {
      if (gesture === usedGesture) return;
      if (navigator.userActivation && !navigator.userActivation.isActive) return;
      usedGesture = gesture;
      open(id);
    };
  }

  function place(card: HTMLElement, anchor: DOMRect): void {
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const below = window.innerHeight - anchor.bottom - GAP - MARGIN;
    const above = anchor.top - GAP - MARGIN;
    const goBelow = below >= height || below >= above;
    const room = Math.max(80, goBelow ? below : above);
    card.style.maxHeight = `${Math.min(420, room)}px`;
    const shown = Math.min(height, room);
    const top = goBelow ? anchor.bottom + GAP : anchor.top - GAP - shown;
    const left = Math.min(Math.max(MARGIN, anchor.left), window.innerWidth - width - MARGIN);
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(Math.max(MARGIN, left))}px`;
  }

  return {
    /** The element the page sees while the card shows (nameless, empty to it), or null. */
    get element(): Element | null {
      return host?.element ?? null;
    },
    /** The card's closed shadow root: for the content script's own status, never the page. */
    get root(): ShadowRoot | null {
      return current ? (host?.root ?? null) : null;
    },
    get open() {
      return current !== null;
    },
    show(card: PhraseCard, anchor: DOMRect, actions: CardActions, cardKeys: CardKeys): void {
      const root = rootOf();
      current?.remove();
      current = renderCard(card, locale, { ...actions, open: oncePerGesture(actions.open) });
      keys = cardKeys;
      current.style.visibility = 'hidden';
      root.append(current);
      place(current, anchor);
      current.style.visibility = '';
    },
    /** Follows the phrase after a scroll. */
    move(anchor: DOMRect): void {
      if (current) place(current, anchor);
    },
    /** Moves keyboard focus to the card's first button (`last`: its last). */
    focus(last = false): boolean {
      const all = buttons();
      const target = last ? all.at(-1) : all[0];
      target?.focus({ preventScroll: true });
      return target !== undefined;
    },
    /** Whether keyboard focus is inside the card. */
    get focused(): boolean {
      return current !== null && host !== null && host.root.activeElement !== null;
    },
    hide(): void {
      current?.remove();
      current = null;
      keys = null;
      host?.element.remove();
    },
    /** Whether an event target is inside the card (the page sees only the host). */
    contains(target: EventTarget | null): boolean {
      return host !== null && target === host.element;
    },
  };
}

export type HoverCard = ReturnType<typeof createHoverCard>;
