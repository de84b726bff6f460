import type { PhraseCard } from '../../lib/protocol.ts';
import { CARD_CSS, renderCard, type CardActions } from './card-dom.ts';

const GAP = 6;
const MARGIN = 8;

/**
 * The hover card: a shadow root (the page's styles cannot reach it) attached to the document only
 * while it shows. It is open, so tests can read it; the page could too, but it holds only what
 * the card shows on screen at that moment: titles and short passages, never article bodies. It is placed below the phrase, or above when there is more room
 * there, never over the phrase, and always inside the viewport.
 */
export function createHoverCard(locale: string) {
  const host = document.createElement('cairn-hover-card');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  shadow.append(style);
  let current: HTMLElement | null = null;

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
    element: host,
    get open() {
      return current !== null;
    },
    show(card: PhraseCard, anchor: DOMRect, actions: CardActions): void {
      current?.remove();
      current = renderCard(card, locale, actions);
      current.style.visibility = 'hidden';
      shadow.append(current);
      if (!host.isConnected) document.documentElement.append(host);
      place(current, anchor);
      current.style.visibility = '';
    },
    hide(): void {
      current?.remove();
      current = null;
      host.remove();
    },
    /** Whether an event target is inside the card (the page sees only the host). */
    contains(target: EventTarget | null): boolean {
      return target === host;
    },
  };
}

export type HoverCard = ReturnType<typeof createHoverCard>;
