// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderCard, type CardActions } from '../../entrypoints/content/card-dom.ts';
import type { PhraseCard } from '../../lib/protocol.ts';

const card: PhraseCard = {
  label: 'Wuzhen',
  articles: [
    {
      id: 1,
      title: 'A summit by the canals',
      origin: 'seed',
      passage: { text: 'the summit in Wuzhen', highlights: [], truncatedStart: false, truncatedEnd: false },
    },
  ],
};

function actions(extra: Partial<CardActions> = {}): CardActions {
  return { open: vi.fn(), mute: vi.fn(), close: vi.fn(), ...extra };
}

describe('renderCard', () => {
  it('offers "Turn off on this site" when the page itself can turn Cairn off', () => {
    const element = renderCard(card, 'en', actions({ siteOff: vi.fn() }));

    expect(element.querySelector('[data-testid="card-site-off"]')?.textContent).toBe('Turn off on this site');
  });

  it('leaves the button out inside an embedded frame, where the background would refuse it', () => {
    const element = renderCard(card, 'en', actions());

    expect(element.querySelector('[data-testid="card-site-off"]')).toBeNull();
    expect(element.querySelector('[data-testid="card-mute"]')).not.toBeNull();
  });

  it('ignores a click a script dispatches on a button', () => {
    const mute = vi.fn();
    const element = renderCard(card, 'en', actions({ mute }));

    (element.querySelector('[data-testid="card-mute"]') as HTMLElement).click();

    expect(mute).not.toHaveBeenCalled();
  });
});
