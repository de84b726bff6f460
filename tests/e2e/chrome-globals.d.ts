// The few extension APIs the end-to-end tests call inside the browser (in the service worker or
// an extension page), typed just enough for tsc. The product itself uses WXT's `browser`.
declare namespace chrome {
  namespace tabs {
    function query(query: { active?: boolean; lastFocusedWindow?: boolean; url?: string }): Promise<{ id?: number; url?: string }[]>;
    function sendMessage(tabId: number, message: unknown): Promise<unknown>;
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
  }
}
