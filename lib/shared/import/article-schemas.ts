import * as v from 'valibot';
import { DEFAULT_LINKING_SETTINGS } from '../linking/site-policy.ts';
import { stripBidiControls } from '../text/strip-bidi-controls.ts';
import { MAX_ARTICLE_CHARS, MAX_FIELD_CHARS, MAX_TAGS, MAX_URL_CHARS } from './limits.ts';
import { normalizeTags } from './normalize-tags.ts';

// What the background accepts from the library page (and what a backup file must hold). The page
// already parsed and limited everything; these checks are for a page that was tampered with, a
// bug, or a backup edited by hand. Messages name the field, so a refused backup says why.
// Bidirectional controls are stripped here too (from bodies all but the marks, from one-line
// fields the marks as well), so no path into the collection can bring a title that displays
// reordered (Cairn issue 8).

/** A one-line field (title, source, author, file name) named `name` in messages. */
export const fieldSchema = (name: string) =>
  v.pipe(
    v.string(),
    v.transform((text) => stripBidiControls(text, { marks: true })),
    v.maxLength(MAX_FIELD_CHARS, `${name} is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`),
  );
const field = fieldSchema;

/** ISO date, optionally with a time, as `ParsedArticle.publishedAt` has it. */
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'the date must look like 2024-04-03 or 2024-04-03T15:30'),
);

const webUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_CHARS, `the URL is longer than ${MAX_URL_CHARS} characters`),
  v.check((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), 'the URL must be an http or https address'),
);

/** Tags as `normalizeTags` makes them (empty ones dropped, long ones cut, repeats merged). */
export const tagsSchema = v.pipe(
  v.array(v.string()),
  v.maxLength(MAX_TAGS, `an article can have at most ${MAX_TAGS} tags`),
  v.transform((tags) => normalizeTags(tags)),
);

export const parsedArticleSchema = v.strictObject({
  title: v.pipe(field('the title'), v.check((title) => title.trim() !== '', 'the title is empty')),
  body: v.pipe(
    v.string(),
    v.transform((body) => stripBidiControls(body)),
    v.check((body) => body.trim() !== '', 'the text is empty'),
    v.maxLength(MAX_ARTICLE_CHARS, `the text is longer than ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters`),
  ),
  url: v.optional(webUrl),
  source: v.optional(field('the source')),
  author: v.optional(field('the author')),
  publishedAt: v.optional(isoDate),
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'the language must be a code such as "en"'))),
  tags: v.optional(tagsSchema),
});

export const backupArticleSchema = v.strictObject({
  ...parsedArticleSchema.entries,
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  origin: v.picklist(['seed', 'file', 'page', 'paste']),
  importedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  fileName: v.optional(field('the file name')),
});

const host = v.pipe(v.string(), v.maxLength(253));

export const linkingSettingsSchema = v.strictObject({
  paused: v.boolean(),
  highlightMode: v.picklist(['auto', 'on-demand']),
  sitesOff: v.pipe(v.array(host), v.maxLength(100_000)),
  sensitiveSitesOn: v.pipe(v.array(host), v.maxLength(100_000)),
  mutedPhrases: v.pipe(
    v.array(v.strictObject({ key: v.pipe(v.string(), v.maxLength(200)), label: v.pipe(v.string(), v.maxLength(200)) })),
    v.maxLength(100_000),
  ),
  useHighlightApi: v.optional(v.boolean()),
});

/** Settings from a backup written by an older version may lack newer fields. */
export const backupSettingsSchema = v.pipe(
  v.looseObject({}),
  v.transform((input) => ({ ...DEFAULT_LINKING_SETTINGS, ...pick(input, Object.keys(DEFAULT_LINKING_SETTINGS)) })),
  linkingSettingsSchema,
);

function pick(input: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(input, key)) out[key] = input[key];
  return out;
}
