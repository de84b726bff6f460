import { normalizeTags } from '../../lib/shared/import/normalize-tags.ts';

/**
 * The tags typed in the editor's one field: split at commas (and Chinese or Japanese commas),
 * then put in shape by `normalizeTags`, the rule every import path uses.
 */
export function parseTags(text: string): string[] {
  return normalizeTags(text.split(/[,，、]/));
}
