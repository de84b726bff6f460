// The few extension APIs the end-to-end tests call inside the browser (in the service worker or
// an extension page), typed just enough for tsc. The product itself uses WXT's `browser`.
declare namespace chrome {
  namespace tabs {
    function query(query: { active?: boolean; lastFocusedWindow?: boolean; url?: string }): Promise<{ id?: number; url?: string }[]>;
    function sendMessage(tabId: number, message: unknown): Promise<unknown>;
    function get(tabId: number): Promise<{ id?: number; title?: string; url?: string; windowId?: number }>;
  }
  /** A browser event; Chromium's bindings can also `dispatch` it to the extension's own listeners. */
  interface TestableEvent<A extends unknown[]> {
    dispatch(...args: A): void;
  }
  namespace commands {
    function getAll(): Promise<{ name?: string; description?: string; shortcut?: string }[]>;
    const onCommand: TestableEvent<[string, { id?: number; title?: string; url?: string }]>;
  }
  namespace omnibox {
    type Suggestion = { content: string; description: string };
    function setDefaultSuggestion(suggestion: { description: string }): Promise<void>;
    const onInputChanged: TestableEvent<[string, (suggestions: Suggestion[]) => void]>;
    const onInputEntered: TestableEvent<[string, 'currentTab' | 'newForegroundTab' | 'newBackgroundTab']>;
  }
  namespace contextMenus {
    type Click = { menuItemId: string; selectionText?: string; frameId?: number; pageUrl?: string; editable: boolean };
    const onClicked: TestableEvent<[Click, { id?: number; title?: string; url?: string }]>;
  }
  namespace sidePanel {
    let open: (options: { tabId?: number; windowId?: number }) => Promise<void>;
  }
  namespace storage {
    const session: { get(key: string): Promise<Record<string, unknown>> };
    const local: { get(key: string | null): Promise<Record<string, unknown>> };
  }
  namespace action {
    function getBadgeText(details: { tabId: number }): Promise<string>;
  }
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
    function getURL(path: string): string;
  }
}
