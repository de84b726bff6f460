import { browser } from 'wxt/browser';
import { sendEvent } from '../../platform/messaging.ts';
import type { ReachEffects } from '../reach/reach-effects.ts';
import { browserEffects } from './browser-stores.ts';

/** The selected text of the frame it runs in; injected by `scripting.executeScript`, so it stands alone. */
function selectedText(maxChars: number): string {
  return (globalThis.getSelection?.()?.toString() ?? '').slice(0, maxChars);
}

export const browserReachEffects: ReachEffects = {
  async openPage(path, where, besideTabId) {
    const url = `${browser.runtime.getURL('/')}${path.replace(/^\//, '')}`;
    if (where === 'currentTab') {
      // No tab id: the active tab of the current window, the one the address bar belongs to.
      await browser.tabs.update({ url });
      return;
    }
    const beside = besideTabId === undefined ? undefined : await browser.tabs.get(besideTabId).catch(() => undefined);
    await browser.tabs.create({
      url,
      active: where === 'newForegroundTab',
      ...(beside ? { index: beside.index + 1, openerTabId: beside.id, windowId: beside.windowId } : {}),
    });
  },

  openSidePanel(tabId) {
    return browser.sidePanel.open({ tabId });
  },

  toggleHighlights(tabId) {
    return sendEvent({ tabId }, { event: 'toggleHighlights', data: {} });
  },

  stepHighlight(tabId, direction) {
    // The top frame only: one card at a time, and a frame of another site is not the page's own.
    return sendEvent({ tabId, frameId: 0 }, { event: 'stepHighlight', data: { direction } });
  },

  async readSelection(tabId, frameId, maxChars) {
    const [frame] = await browser.scripting.executeScript({
      target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
      func: selectedText,
      args: [maxChars],
    });
    return frame?.result;
  },

  notifyPage: (tabId, message) => browserEffects.notifyPage(tabId, message),
};
