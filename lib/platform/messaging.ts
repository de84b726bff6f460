import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { exactSchemas } from '../shared/exact-schemas.ts';
import type {
  BackgroundEvent,
  BackgroundEvents,
  BackgroundEventType,
  MessageSender,
  MessageType,
  RequestOf,
  ResponseEnvelope,
  ResponseOf,
} from '../protocol.ts';

/** An error the background reported, with its original name and message. */
export class BackgroundError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Asks the background and returns its answer, or throws what it reported. */
export async function request<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const response = (await browser.runtime.sendMessage({ type, data })) as ResponseEnvelope<ResponseOf<K>> | undefined;
  if (!response) throw new BackgroundError('NoResponse', 'Cairn’s background did not answer. Try reloading the extension.');
  if (!response.ok) throw new BackgroundError(response.error.name, response.error.message);
  return response.value;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const nothing = v.strictObject({});

/** The shape of each event's data: `tsc` fails when one differs from `BackgroundEvents`. */
const EVENT_DATA = exactSchemas<BackgroundEvents>()({
  tabLinksChanged: v.strictObject({ tabId: count }),
  collectionChanged: v.strictObject({ revision: count }),
  rescan: nothing,
  toggleHighlights: nothing,
  stepHighlight: v.strictObject({ direction: v.picklist(['next', 'previous']) }),
});

const eventEnvelope = v.strictObject({ event: v.picklist(Object.keys(EVENT_DATA) as BackgroundEventType[]), data: v.unknown() });

/** Where an event goes: every open extension page, or the content scripts of one tab (of one frame of it). */
export type EventTarget = 'extension-pages' | { tabId: number; frameId?: number };

/**
 * Sends an event from the background. Nobody listening (no popup open, a tab without Cairn's
 * content script) is the usual case, not an error, so it never rejects.
 */
export async function sendEvent(to: EventTarget, message: BackgroundEvent): Promise<void> {
  const sent =
    to === 'extension-pages'
      ? browser.runtime.sendMessage(message)
      : to.frameId === undefined
        ? browser.tabs.sendMessage(to.tabId, message)
        : browser.tabs.sendMessage(to.tabId, message, { frameId: to.frameId });
  await sent.then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Reads a message as one of the background's events: null unless it is well formed, is one of
 * `wanted`, and came from this extension's background (a content script's or another extension's
 * message is never an event, and neither is a request another page sent).
 */
export function readBackgroundEvent<K extends BackgroundEventType>(
  message: unknown,
  sender: MessageSender,
  wanted: readonly K[],
  selfId: string,
): BackgroundEvent<K> | null {
  if (sender.id !== selfId || sender.tab !== undefined) return null;
  const envelope = v.safeParse(eventEnvelope, message);
  if (!envelope.success || !(wanted as readonly BackgroundEventType[]).includes(envelope.output.event)) return null;
  const event = envelope.output.event as K;
  const data = v.safeParse(EVENT_DATA[event], envelope.output.data);
  return data.success ? ({ event, data: data.output } as BackgroundEvent<K>) : null;
}

/**
 * Calls `listener` with each valid event of the kinds wanted, and nothing else. Returns the
 * function that stops listening. The listener never answers: events are one-way.
 */
export function onBackgroundEvent<K extends BackgroundEventType>(
  wanted: readonly K[],
  listener: (event: BackgroundEvent<K>) => void,
): () => void {
  const selfId = browser.runtime.id;
  function onMessage(message: unknown, sender: MessageSender): undefined {
    const event = readBackgroundEvent(message, sender, wanted, selfId);
    if (event) listener(event);
  }
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
