/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParsedArticle } from '../lib/protocol.ts';
import type { BenchArticle } from './make-articles.ts';

const SEEDS_FOLDER = fileURLToPath(new URL('../seeds/', import.meta.url));
const PRODUCT_PARSER = fileURLToPath(new URL('../lib/shared/text/parse-scraped-article.ts', import.meta.url));

/** Which parser read the seeds: the product's when it exists, else the bench's first-line rule. */
export type SeedParser = 'parseScrapedArticle' | 'first line is the title';

/** The default collection (`seeds/*.txt`, in file-name order) as articles with ids 1…n. */
export async function loadSeedArticles(): Promise<{ articles: BenchArticle[]; parser: SeedParser }> {
  const { parse, parser } = await seedParser();
  const files = readdirSync(SEEDS_FOLDER).filter((name) => name.endsWith('.txt')).sort();
  const articles = files.map((file, i) => {
    const { title, body, source, author } = parse(readFileSync(SEEDS_FOLDER + file, 'utf8'));
    return { id: i + 1, title, body, source, author };
  });
  return { articles, parser };
}

async function seedParser(): Promise<{ parse: (text: string) => ParsedArticle; parser: SeedParser }> {
  if (existsSync(PRODUCT_PARSER)) {
    // Imported by a computed URL: the module is being written alongside the bench, and the bench
    // must still compile and run while it does not exist yet.
    const module = (await import(pathToFileURL(PRODUCT_PARSER).href)) as {
      parseScrapedArticle?: (text: string) => ParsedArticle;
    };
    if (typeof module.parseScrapedArticle === 'function') {
      return { parse: module.parseScrapedArticle, parser: 'parseScrapedArticle' };
    }
  }
  return { parse: parseFirstLineTitle, parser: 'first line is the title' };
}

function parseFirstLineTitle(text: string): ParsedArticle {
  const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').trim().split('\n');
  const body = rest.join('\n').trim().replace(/\n\s*\n\s*/g, '\n\n');
  return { title: first.trim(), body };
}
