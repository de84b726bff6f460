// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../lib/shared/import/block-text.ts';

function html(markup: string): Element {
  const root = document.createElement('div');
  root.append(document.createRange().createContextualFragment(markup));
  return root;
}

describe('blockText', () => {
  it('makes block elements paragraphs, <br> a line break, and collapses whitespace', () => {
    const root = html('<h2>Title</h2><p>One   <b>bold</b>\n word<br>next line</p><div>Two</div><ul><li>a</li><li>b</li></ul>');

    expect(blockText(root)).toBe('Title\n\nOne bold word\nnext line\n\nTwo\n\na\n\nb');
  });

  it('keeps the lines of preformatted text and separates table cells', () => {
    const root = html('<pre>line 1\n  line 2</pre><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>');

    expect(blockText(root)).toBe('line 1\nline 2\n\na b\n\nc d');
  });

  it('reads nothing from scripts, styles, templates, form controls and media', () => {
    const root = html('<p>Kept</p><script>x()</script><style>p{}</style><template><p>t</p></template><textarea>typed</textarea><button>Click</button><video>No video</video>');

    expect(blockText(root)).toBe('Kept');
  });

  it('reads a tree nested thousands of elements deep without overflowing the stack', () => {
    const root = document.createElement('div');
    let at: Element = root;
    for (let depth = 0; depth < 20_000; depth += 1) {
      const child = document.createElement(depth % 2 === 0 ? 'div' : 'span');
      at.append(child);
      at = child;
    }
    at.append('Deep text');

    expect(blockText(root)).toBe('Deep text');
  });
});
