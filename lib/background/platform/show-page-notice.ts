/**
 * Shows a short notice at the top right of a web page, in a closed shadow root so the page's
 * styles neither break it nor read it. Injected with `scripting.executeScript({ func })`, so it
 * must stand alone: no imports, no outside variables. The text goes in as text, never as HTML.
 */
export function showPageNotice(message: string): void {
  const id = 'cairn-page-notice';
  document.getElementById(id)?.remove();
  const host = document.createElement('div');
  host.id = id;
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; top: 16px; right: 16px; z-index: 2147483647; }
    div { font: 14px/1.4 system-ui, sans-serif; max-width: 360px; padding: 10px 14px; border-radius: 8px;
      background: #1f2328; color: #f6f8fa; box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }
  `;
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  root.append(style, box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 4000);
}
