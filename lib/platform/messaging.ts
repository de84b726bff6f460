import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseEnvelope, ResponseOf } from '../protocol.ts';

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
