import { browser } from 'wxt/browser';

/**
 * Closes the popup once its job is done. `popup.html` opened in a tab (tests, "open in a tab")
 * stays open: closing it would take the tab away under the user, and under a test's feet.
 */
export async function closePopup(): Promise<void> {
  if (!(await browser.tabs.getCurrent())) window.close();
}
