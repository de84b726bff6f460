// @vitest-environment happy-dom
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { GetPdfDocument } from '../../../lib/shared/import/parse-pdf.ts';
import { readImportFile } from '../../../lib/shared/import/read-import-file.ts';
import type { FileReading } from '../../../lib/shared/import/types.ts';
import { makeCorpus } from '../../import-corpus/make-corpus.ts';
import { fixHappyDomForDomPurify } from './happy-dom-fixes.ts';

// DOMPurify needs two browser behaviours happy-dom lacks; see happy-dom-fixes.ts.
fixHappyDomForDomPurify();

const getPdfDocument: GetPdfDocument = (params) => getDocument(params).promise;

describe('readImportFile', () => {
  it('reads every file of the bad-input corpus as expected, without crashing or polluting prototypes', async () => {
    const corpus = await makeCorpus();
    const problems: string[] = [];
    let crashes = 0;
    let partialWrites = 0;
    let documentsLost = 0;

    for (const { file, expect: expected, articles, note } of corpus) {
      let reading: FileReading;
      try {
        reading = await readImportFile(file, { getPdfDocument });
      } catch (error) {
        crashes += 1;
        problems.push(`${note}: threw ${String(error)}`);
        continue;
      }
      const got = reading.kind === 'articles' ? reading.articles : [];
      if ((reading.kind === 'failed' || reading.kind === 'skipped') && got.length > 0) partialWrites += 1;
      if (expected === 'articles' && got.length === 0) documentsLost += 1;
      if (reading.kind !== expected) problems.push(`${note} (${file.name.slice(0, 60)}): expected ${expected}, got ${reading.kind}${'reason' in reading ? ` (${reading.reason})` : ''}`);
      else if (articles !== undefined && got.length !== articles) problems.push(`${note}: expected ${articles} articles, got ${got.length}`);
      for (const article of got) {
        if (article.title.trim() === '' || article.body.trim() === '') problems.push(`${note}: an article with an empty title or body`);
        if (/<script|onerror=/i.test(article.body)) problems.push(`${note}: markup in the body`);
      }
      if ('reads' in file && file.size > 60 * 1024 * 1024 && file.reads !== 0) problems.push(`${note}: the content was read`);
      if ('polluted' in Object.prototype || (globalThis as Record<string, unknown>).cairnCorpusRan !== undefined) problems.push(`${note}: polluted or ran code`);
    }
    console.log(`import corpus: ${corpus.length} files tried, ${crashes} crashes, ${partialWrites} partial writes, ${documentsLost} documents lost`);

    expect(corpus.length).toBeGreaterThanOrEqual(220);
    expect(problems).toEqual([]);
    expect({ crashes, partialWrites, documentsLost }).toEqual({ crashes: 0, partialWrites: 0, documentsLost: 0 });
  }, 120_000);
});
