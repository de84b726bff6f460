import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { articleFromDocument } from '../lib/shared/import/article-from-document.ts';

// Injected into a tab only when the user asks to add its page ("Add this page" in the popup, or
// the context menu). Readability works on a clone of the document, so the live page is never
// changed; what it returns is checked again by the background like any other import.
export default defineUnlistedScript(() => {
  const url = /^https?:$/.test(location.protocol) ? location.href : undefined;
  return articleFromDocument(document, { url, fallbackTitle: document.title });
});
