import { describe, expect, it } from 'vitest';
import { articleChanges, formOf } from '../../entrypoints/library/article-changes.ts';
import { countLine } from '../../entrypoints/library/count-line.ts';
import { describeOutcome, summarizeReports } from '../../entrypoints/library/describe-report.ts';
import { formatBytes, formatChars } from '../../entrypoints/library/format-size.ts';
import { parseTags } from '../../entrypoints/library/parse-tags.ts';
import type { FileReport } from '../../lib/shared/import/run-import.ts';
import type { ArticleListing } from '../../lib/protocol.ts';

describe('formatChars', () => {
  it('gives small sizes whole and large ones in thousands or millions', () => {
    expect(formatChars(1, 'en')).toBe('1 char');
    expect(formatChars(850, 'en')).toBe('850 chars');
    expect(formatChars(4_210, 'en')).toBe('4.2k chars');
    expect(formatChars(12_600, 'en')).toBe('13k chars');
    expect(formatChars(999_999, 'en')).toBe('1.0M chars');
    expect(formatChars(1_300_000, 'en')).toBe('1.3M chars');
  });
});

describe('formatBytes', () => {
  it('uses powers of 1,000 and one decimal below ten', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(4_200_000, 'en')).toBe('4.2 MB');
    expect(formatBytes(120_000_000_000, 'en')).toBe('120 GB');
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
  });
});

describe('countLine', () => {
  it('says what is selected and shown only when it adds something', () => {
    expect(countLine({ total: 1234, selected: 0, shown: 1234 }, 'en')).toBe('1,234 articles');
    expect(countLine({ total: 1234, selected: 3, shown: 12 }, 'en')).toBe('1,234 articles · 3 selected · showing 12');
    expect(countLine({ total: 1, selected: 0, shown: 1 }, 'en')).toBe('1 article');
  });
});

describe('parseTags', () => {
  it('splits at commas, trims, and drops empties and repeats', () => {
    expect(parseTags(' china,  cables ,,China, data   centres，港口 ')).toEqual(['china', 'cables', 'data centres', '港口']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('articleChanges', () => {
  const article: ArticleListing = {
    id: 7,
    title: 'Cables',
    source: 'Xinhua',
    origin: 'file',
    importedAt: 0,
    size: 10,
    tags: ['sea'],
  };

  it('gives nothing when nothing changed', () => {
    expect(articleChanges(article, formOf(article))).toEqual({});
  });

  it('gives only the changed fields, trimmed, with emptied ones as empty strings', () => {
    const form = { ...formOf(article), title: ' Submarine cables ', source: '', author: 'Li Wei', tags: 'sea, ports' };

    expect(articleChanges(article, form)).toEqual({ title: 'Submarine cables', source: '', author: 'Li Wei', tags: ['sea', 'ports'] });
  });
});

function report(fields: Partial<FileReport>): FileReport {
  return { name: 'a.md', outcome: 'imported', added: 0, duplicates: 0, notes: [], ids: [], ...fields };
}

describe('describeOutcome', () => {
  it('words each outcome', () => {
    expect(describeOutcome(report({ added: 12, duplicates: 3 }), 'en')).toBe('imported 12 articles, 3 duplicates left out');
    expect(describeOutcome(report({ added: 1 }), 'en')).toBe('imported 1 article');
    expect(describeOutcome(report({ outcome: 'duplicate', duplicates: 1 }), 'en')).toBe('already in your collection');
    expect(describeOutcome(report({ outcome: 'duplicate', duplicates: 4 }), 'en')).toBe('all 4 articles already in your collection');
    expect(describeOutcome(report({ outcome: 'skipped', reason: 'empty' }), 'en')).toBe('skipped: empty');
    expect(describeOutcome(report({ outcome: 'failed', reason: 'line 3: unclosed quote' }), 'en')).toBe('failed: line 3: unclosed quote');
  });
});

describe('summarizeReports', () => {
  it('counts the files by outcome and the articles added', () => {
    const reports = [
      report({ added: 2 }),
      report({ added: 1 }),
      report({ outcome: 'duplicate', duplicates: 1 }),
      report({ outcome: 'skipped' }),
      report({ outcome: 'failed' }),
    ];

    expect(summarizeReports(reports, 'en')).toBe('5 files: 2 imported (3 articles), 1 already in your collection, 1 skipped, 1 failed.');
    expect(summarizeReports([report({ added: 1 })], 'en')).toBe('1 file: 1 imported (1 article).');
  });
});
