import { fold } from './fold.ts';

/**
 * SHA-256 (hex) of a body with case, accents, punctuation and spacing folded away, so the same
 * article scraped twice with different whitespace or quotes is recognised as one.
 */
export async function contentHash(body: string): Promise<string> {
  const normalised = fold(body).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
