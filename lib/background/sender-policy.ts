import type { MessageSender, SenderKind } from '../protocol.ts';

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/**
 * Tells extension pages (popup, reader, library, side panel: they may read and write) from
 * content scripts (they run beside hostile pages and may only ask read-only questions about the
 * tab they are in). Anything from another extension is neither.
 */
export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  if (sender.url?.startsWith(self.origin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return null;
}
