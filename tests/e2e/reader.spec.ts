import type { Page } from '@playwright/test';
import { expect, sendToBackground, test } from './fixtures.ts';
import { FERRY, ORCHARD, PIER } from '../fixtures/harbour-articles.ts';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/** Stores pasted articles through the background, as the library's paste panel does, and answers their ids. */
async function addArticles(page: Page, articles: { title: string; body: string; url?: string }[]): Promise<number[]> {
  const answer = (await sendToBackground(page, {
    type: 'importArticles',
    data: { batchId: `reader-${Date.now()}-${Math.random()}`, origin: 'paste', articles },
  })) as Answer<{ added: number[] }>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.added;
}

/** Stores one pasted article through the background, as the library's paste panel does, and answers its id. */
async function addArticle(page: Page, article: { title: string; body: string; url?: string }): Promise<number> {
  return (await addArticles(page, [article]))[0]!;
}

const NOTE = {
  title: 'Harbour ferry timetable changes',
  body: 'The harbour ferry to the island of Quillby leaves every forty minutes from May.\n\nThe night ferry is withdrawn.',
  url: 'https://example.org/ferries/quillby',
};

test.describe('the reader', () => {
  test('leads back to the search and the library, and opens the original without telling it where from', async ({ openPage }) => {
    const start = await openPage('library.html');
    const id = await addArticle(start, NOTE);

    const reader = await openPage(`reader.html?id=${id}&q=${encodeURIComponent('ferry timetable')}`);

    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);
    await expect(reader.getByTestId('reader-back')).toHaveAttribute('href', '/library.html?q=ferry+timetable');
    await expect(reader.getByTestId('reader-library')).toHaveAttribute('href', '/library.html');
    const original = reader.getByTestId('reader-original');
    await expect(original).toHaveAttribute('href', NOTE.url);
    await expect(original).toHaveAttribute('target', '_blank');
    await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
    await reader.setViewportSize({ width: 1000, height: 700 });
    await reader.screenshot({ path: 'test-results/reader-bar.png' });

    await reader.getByTestId('reader-back').click();
    await expect(reader.getByTestId('library-search')).toHaveValue('ferry timetable');
    await expect(reader.getByTestId('library-count')).toHaveText('6 articles · showing 1');
  });

  test('offers no way back to a search it was not opened with, and no original link without an address', async ({ openPage }) => {
    const start = await openPage('library.html');
    const id = await addArticle(start, { title: NOTE.title, body: NOTE.body });

    const reader = await openPage(`reader.html?id=${id}`);

    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);
    await expect(reader.getByTestId('reader-library')).toBeVisible();
    await expect(reader.getByTestId('reader-back')).toHaveCount(0);
    await expect(reader.getByTestId('reader-original')).toHaveCount(0);
    await expect(reader.getByTestId('reader-edit')).toBeVisible();
  });

  test('edits the article in the library’s editor, and the reader shows the change', async ({ openPage }) => {
    const start = await openPage('library.html');
    const id = await addArticle(start, NOTE);
    const reader = await openPage(`reader.html?id=${id}`);
    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);

    await reader.getByTestId('reader-edit').click();
    const editor = reader.getByTestId('article-editor');
    await expect(editor).toBeVisible();
    await reader.setViewportSize({ width: 1000, height: 700 });
    await reader.screenshot({ path: 'test-results/reader-editor.png' });
    await editor.getByTestId('edit-title').fill('Quillby ferry: the new timetable');
    await editor.getByLabel('Source').fill('Harbour office');
    await editor.getByTestId('edit-save').click();

    await expect(editor).toBeHidden();
    await expect(reader.getByTestId('reader-title')).toHaveText('Quillby ferry: the new timetable');
    await expect(reader.getByTestId('reader-meta')).toContainText('Harbour office');
    await expect(reader).toHaveTitle('Quillby ferry: the new timetable');
  });

  test('an empty title is refused in the editor and the article stays as it was', async ({ openPage }) => {
    const start = await openPage('library.html');
    const id = await addArticle(start, NOTE);
    const reader = await openPage(`reader.html?id=${id}`);

    await reader.getByTestId('reader-edit').click();
    await reader.getByTestId('edit-title').fill('   ');
    await reader.getByTestId('edit-save').click();

    await expect(reader.getByTestId('edit-error')).toContainText('title');
    await reader.keyboard.press('Escape');
    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);
  });

  test('deletes the article, says so, and Undo puts it back under the same address', async ({ openPage }) => {
    const start = await openPage('library.html');
    const id = await addArticle(start, NOTE);
    const reader = await openPage(`reader.html?id=${id}&q=ferry`);
    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);

    await reader.getByTestId('reader-delete').click();

    await expect(reader.getByTestId('reader-deleted')).toContainText(`“${NOTE.title}” was deleted`);
    await expect(reader.getByTestId('reader-deleted')).toBeFocused();
    await expect(reader.getByTestId('reader-title')).toHaveCount(0);
    await expect(reader.getByTestId('reader-edit')).toHaveCount(0);
    await expect(reader.getByTestId('toast')).toContainText('Deleted 1 article');
    expect(await sendToBackground(reader, { type: 'getArticle', data: { id } })).toEqual({ ok: true, value: null });
    await reader.setViewportSize({ width: 1000, height: 700 });
    await reader.screenshot({ path: 'test-results/reader-deleted.png' });

    await reader.getByTestId('undo-delete').click();

    await expect(reader.getByTestId('reader-title')).toHaveText(NOTE.title);
    await expect(reader.getByTestId('toast')).toContainText('Restored 1 article');
    await expect(reader.getByTestId('reader-deleted')).toHaveCount(0);
    await expect(reader.locator('mark', { hasText: /ferry/i }).first()).toBeVisible();
    const back = (await sendToBackground(reader, { type: 'getArticle', data: { id } })) as Answer<{ title: string } | null>;
    expect(back.ok && back.value?.title).toBe(NOTE.title);
  });

  test('lists the articles that share phrases with this one, and leads to them', async ({ openPage }) => {
    const start = await openPage('library.html');
    const [ferry, , orchard] = await addArticles(start, [FERRY, PIER, ORCHARD]);

    const reader = await openPage(`reader.html?id=${ferry}`);

    const items = reader.getByTestId('reader-related-item');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(PIER.title);
    await expect(items.first().getByTestId('reader-related-phrases')).toContainText(/Marrowgate pier/i);
    await reader.setViewportSize({ width: 1000, height: 900 });
    await reader.getByTestId('reader-related').scrollIntoViewIfNeeded();
    await reader.screenshot({ path: 'test-results/reader-related.png', fullPage: true });

    await items.first().getByRole('link', { name: PIER.title }).click();

    await expect(reader.getByTestId('reader-title')).toHaveText(PIER.title);
    await expect(reader.getByTestId('reader-related-item')).toHaveText([new RegExp(FERRY.title)]);

    await reader.goto(reader.url().replace(/id=\d+/, `id=${orchard}`));
    await expect(reader.getByTestId('reader-title')).toHaveText(ORCHARD.title);
    await expect(reader.getByTestId('reader-related-empty')).toHaveText('No other article shares its phrases.');
    await expect(reader.getByTestId('reader-related-item')).toHaveCount(0);
  });
});
