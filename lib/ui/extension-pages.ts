import { browser } from 'wxt/browser';

/** The address of Cairn's settings page. */
export function settingsUrl(): string {
  return browser.runtime.getURL('/settings.html');
}

/** Opens Cairn's settings page in a new tab. */
export async function openSettings(): Promise<void> {
  await browser.tabs.create({ url: settingsUrl() });
}

/** Whether this browser has Chrome's side panel (Firefox has a sidebar instead). */
export function canOpenSidePanel(): boolean {
  return typeof browser.sidePanel?.open === 'function';
}

/**
 * Opens the side panel next to a tab. Chrome only allows it in answer to a user gesture: call it
 * straight from the click handler, before awaiting anything.
 */
export function openSidePanel(tabId: number): Promise<void> {
  return browser.sidePanel.open({ tabId });
}

/** The address of Cairn's library page. */
export function libraryUrl(): string {
  return browser.runtime.getURL('/library.html');
}

/** Opens Cairn's library in a new tab; `section` ("import") is where it puts the focus. */
export async function openLibrary(section?: 'import'): Promise<void> {
  await browser.tabs.create({ url: section ? `${libraryUrl()}#${section}` : libraryUrl() });
}
