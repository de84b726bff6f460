/** Where the omnibox asks to show what the user chose (`omnibox.OnInputEnteredDisposition`). */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** What the keyboard commands, the omnibox and the selection menu do to the browser. */
export interface ReachEffects {
  /** Opens one of Cairn's pages (`/library.html?q=…`) where `where` says, next to `besideTabId` if given. */
  openPage(path: string, where: Disposition, besideTabId?: number): Promise<void>;
  /**
   * Opens the side panel beside a tab. Chrome allows it only while the user's gesture (the key
   * press, the menu click) lasts: call it before awaiting anything.
   */
  openSidePanel(tabId: number): Promise<void>;
  /** Asks the content scripts of a tab to show their highlights, or hide them if they show. */
  toggleHighlights(tabId: number): Promise<void>;
  /** Asks a tab's top frame to scroll to its next or previous highlight and open its card. */
  stepHighlight(tabId: number, direction: 'next' | 'previous'): Promise<void>;
  /**
   * The text selected in one frame of a tab, line breaks kept (the menu's own `selectionText`
   * has them collapsed), at most `maxChars` of it: untrusted, since the page can change it.
   */
  readSelection(tabId: number, frameId: number | undefined, maxChars: number): Promise<unknown>;
  /** Tells the user, on the page itself, what came of their request. */
  notifyPage(tabId: number, message: string): Promise<void>;
}
