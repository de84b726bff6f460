import { browser } from 'wxt/browser';
import { WORD_VECTORS_PATH } from '../linking/word-vectors.ts';

/**
 * Reads linking's word table from the extension's own files (a packaged file, not the network:
 * it works offline and needs no permission). Only linking calls it, on first use after a wake.
 */
export async function fetchWordVectors(): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(WORD_VECTORS_PATH));
  if (!response.ok) throw new Error(`reading ${WORD_VECTORS_PATH} answered ${response.status} ${response.statusText}`.trim());
  return response.arrayBuffer();
}
