import type { Painter } from './painter.ts';

const LINK = 'cairn-link';
const ACTIVE = 'cairn-link-active';

/**
 * Paints with the CSS Custom Highlight API. Fast, and it never touches the page's DOM, but the
 * registry is shared with the page's own scripts: `CSS.highlights.get('cairn-link')` lists every
 * range, so a page learns which of its phrases the user has articles about. Opt-in only.
 */
export function createHighlightApiPainter(): Painter {
  const clear = () => {
    CSS.highlights.delete(LINK);
    CSS.highlights.delete(ACTIVE);
  };
  return {
    paint(ranges) {
      clear();
      if (ranges.length > 0) CSS.highlights.set(LINK, new Highlight(...ranges));
    },
    setActive(range) {
      if (range) CSS.highlights.set(ACTIVE, new Highlight(range));
      else CSS.highlights.delete(ACTIVE);
    },
    clear,
    destroy: clear,
  };
}
