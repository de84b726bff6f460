import type { MessageSender, SenderKind } from '../protocol.ts';
import { siteOf } from '../shared/linking/site-policy.ts';
import { isSamplePageUrl } from '../shared/reach/own-pages.ts';
import { RequestError } from './request-error.ts';

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/**
 * Tells extension pages (popup, reader, library, side panel: they may read and write) from
 * content scripts (they run beside hostile pages and may only ask about the frame they are in).
 * Anything from another extension is neither. The sample page, though an extension page, runs
 * Cairn's page code in a tab as a web page would, and gets a content script's rights, no more.
 */
export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  if (sender.url?.startsWith(self.origin)) {
    // Chrome also says which origin the browser itself saw; it must agree with the address.
    if (sender.origin !== undefined && `${sender.origin}/` !== self.origin) return null;
    return isSamplePageUrl(sender.url) && sender.tab?.id !== undefined ? 'content-script' : 'extension-page';
  }
  if (sender.tab?.id !== undefined) return 'content-script';
  return null;
}

/** The frame a content script runs in, as the browser (never the message) describes it. */
export interface SenderFrame {
  tabId: number;
  /** The host name of the frame's own document: what the frame may act for. */
  site: string;
  /** The frame is the tab's top-level document (frameId 0). */
  topFrame: boolean;
  /** The host name of the tab's top-level page, when the browser told it. */
  topSite: string | null;
}

/**
 * Works out which site a content script's message speaks for: the origin of the frame that sent
 * it (`sender.origin` in Chrome, computed by the browser; `sender.url` in Firefox), never the
 * tab's address, so an embedded frame of another site cannot act for the page around it. An
 * opaque origin (a sandboxed frame) speaks for no site. A missing frame id counts as a subframe.
 * Cairn's sample page speaks for `SAMPLE_SITE`, found from its address: its origin names the
 * extension, not the page (`classifySender` only lets this extension's own pages through with an
 * extension address).
 */
export function frameOf(sender: MessageSender): SenderFrame {
  const tabId = sender.tab?.id;
  const site = siteOf(isSamplePageUrl(sender.url) ? sender.url : (sender.origin ?? sender.url));
  if (tabId === undefined || site === null) throw new RequestError('linking: the sender is not a web page in a tab');
  return { tabId, site, topFrame: sender.frameId === 0, topSite: siteOf(sender.tab?.url) };
}
