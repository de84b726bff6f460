import { describe, expect, it } from 'vitest';
import type { ArticleListing, ArticleRelations, ImportResult, ParsedArticle } from '../../lib/protocol.ts';
import { contentScript, useApps, type Started } from './app-harness.ts';
import { FERRY, ORCHARD, PIER } from '../fixtures/harbour-articles.ts';

const apps = useApps();

let batches = 0;
async function add(s: Started, articles: ParsedArticle[]): Promise<number[]> {
  const result = await s.ask<ImportResult>('importArticles', { batchId: `related-${++batches}-xxxx`, origin: 'paste', articles });
  await s.app.linking.settled();
  return result.added;
}

const related = (s: Started, id: number) => s.ask<ArticleRelations>('relatedArticles', { id });

describe('relatedArticles', () => {
  it('lists the articles that share phrases, with the phrases, never the article itself', async () => {
    const s = apps.start();
    await s.app.ready;
    const [ferry, pier, orchard] = await add(s, [FERRY, PIER, ORCHARD]);

    const answer = await related(s, ferry!);

    expect(answer.pending).toBeUndefined();
    expect(answer.related[0]).toMatchObject({ id: pier, title: PIER.title });
    expect(answer.related[0]!.phrases.map((p) => p.toLowerCase())).toEqual(expect.arrayContaining(['marrowgate pier', 'quillby ferry']));
    expect(answer.related.map((r) => r.id)).not.toContain(ferry);
    expect(answer.related.map((r) => r.id)).not.toContain(orchard);
    expect((await related(s, orchard!)).related).toEqual([]);
  });

  it('relates the default articles to one another, at most five, each with its shared phrases', async () => {
    const s = apps.start();
    await s.app.ready;
    await s.app.linking.settled();
    const { articles } = await s.ask<{ articles: ArticleListing[] }>('listArticles', {});

    const answers = await Promise.all(articles.map((a) => related(s, a.id)));

    expect(answers.some((a) => a.related.length > 0)).toBe(true);
    answers.forEach((answer, i) => {
      expect(answer.related.length).toBeLessThanOrEqual(5);
      expect(answer.related.map((r) => r.id)).not.toContain(articles[i]!.id);
      for (const r of answer.related) expect(r.phrases.length).toBeGreaterThan(0);
    });
  });

  it('forgets an article once it is deleted', async () => {
    const s = apps.start();
    await s.app.ready;
    const [ferry, pier] = await add(s, [FERRY, PIER]);

    await s.ask('deleteArticles', { ids: [pier] });
    await s.app.linking.settled();

    expect((await related(s, ferry!)).related.map((r) => r.id)).not.toContain(pier);
    expect(await related(s, pier!)).toEqual({ related: [] });
  });

  it('says the article is not mined yet rather than that nothing relates', async () => {
    const s = apps.start();
    await s.app.ready;
    const [ferry] = await add(s, [FERRY]);

    await s.db.links.delete(ferry!);
    const answer = await related(s, ferry!);

    expect(answer).toEqual({ related: [], pending: true });
  });

  it('answers only extension pages, and only for a whole positive id', async () => {
    const s = apps.start();
    await s.app.ready;
    await s.app.linking.settled();

    await expect(s.ask('relatedArticles', { id: 1 }, contentScript)).rejects.toThrow('not allowed from this sender');
    await expect(related(s, 0)).rejects.toThrow();
    await expect(s.ask('relatedArticles', { id: '1' })).rejects.toThrow();
    await expect(s.ask('relatedArticles', { id: 1, extra: true })).rejects.toThrow();
  });
});
