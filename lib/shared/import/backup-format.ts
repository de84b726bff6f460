import * as v from 'valibot';
import type { BackupArticle, LinkingSettings } from '../../protocol.ts';
import { backupArticleSchema, backupSettingsSchema } from './article-schemas.ts';

/** The `format` field that marks a file as a Cairn backup. */
export const BACKUP_FORMAT = 'cairn-backup';
/** Bump when the layout changes in a way older versions cannot read; keep reading old ones. */
export const BACKUP_VERSION = 1;

/** A whole collection: what "Export" writes and "Import" of that file restores. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 instant of the export. */
  exportedAt: string;
  settings: LinkingSettings;
  articles: BackupArticle[];
}

export type BackupReading =
  /** `settings` is missing when the backup's could not be read (a note says why). */
  | { ok: true; settings?: LinkingSettings; articles: BackupArticle[]; notes: string[] }
  | { ok: false; reason: string };

const header = v.looseObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  settings: v.optional(v.unknown()),
  articles: v.array(v.unknown()),
});

/**
 * Checks a parsed backup file. One bad article does not sink the rest: it is left out with a note
 * naming it, so a backup edited by hand restores everything that is still whole.
 */
export function readBackup(data: unknown): BackupReading {
  const parsed = v.safeParse(header, data);
  if (!parsed.success) return { ok: false, reason: 'not a Cairn backup: it has no "articles" list' };
  const { version, settings: rawSettings, articles: rawArticles } = parsed.output;
  if (version > BACKUP_VERSION) {
    return { ok: false, reason: `this backup was written by a newer Cairn (format ${version}); update Cairn to restore it` };
  }
  const notes: string[] = [];
  const settings = v.safeParse(backupSettingsSchema, rawSettings ?? {});
  if (!settings.success) notes.push(`the settings were not restored: ${issue(settings.issues)}`);
  const articles: BackupArticle[] = [];
  rawArticles.forEach((raw, i) => {
    const article = v.safeParse(backupArticleSchema, raw);
    if (article.success) articles.push(article.output);
    else notes.push(`article ${i + 1} was left out: ${issue(article.issues)}`);
  });
  return { ok: true, settings: settings.success ? settings.output : undefined, articles, notes };
}

function issue(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'not valid';
  const path = first.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}
