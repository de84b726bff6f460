import { describe, expect, it } from 'vitest';
import { takeByline } from '../../../lib/shared/import/take-byline.ts';

const TEXT = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month.';

describe('takeByline', () => {
  it('takes "By A. Writer" near the top as the author and out of the text', () => {
    expect(takeByline(`By A. Writer\n\n${TEXT}`)).toEqual({ body: TEXT, credit: { author: 'A. Writer' } });
    expect(takeByline(`Night ferry returns\n\nBy Jane Doe and Tom Roe | March 3, 2024\n\n${TEXT}`)).toEqual({
      body: `Night ferry returns\n\n${TEXT}`,
      credit: { author: 'Jane Doe and Tom Roe' },
    });
    expect(takeByline(`Author: Ngozi Eze\n\n${TEXT}`).credit).toEqual({ author: 'Ngozi Eze' });
  });

  it('takes an agency as the source', () => {
    expect(takeByline(`By Reuters\n\n${TEXT}`)).toEqual({ body: TEXT, credit: { source: 'Reuters' } });
  });

  it('leaves prose that starts with "By" alone, and a byline far down the text', () => {
    const prose = `By Tuesday the ferry was full again. ${TEXT}`;
    const late = `${TEXT}\n\n${TEXT}\n\n${TEXT}\n\nBy Jane Doe\n\n${TEXT}`;

    expect(takeByline(`${prose}\n\n${TEXT}`)).toEqual({ body: `${prose}\n\n${TEXT}` });
    expect(takeByline(late)).toEqual({ body: late });
    expect(takeByline(`By the harbour\n\n${TEXT}`)).toEqual({ body: `By the harbour\n\n${TEXT}` });
  });

  it('keeps a body that is nothing but a byline, and never takes a job title for a name', () => {
    expect(takeByline('By Jane Doe')).toEqual({ body: 'By Jane Doe' });
    expect(takeByline(`By Staff Writer\n\n${TEXT}`)).toEqual({ body: `By Staff Writer\n\n${TEXT}` });
    expect(takeByline('')).toEqual({ body: '' });
  });
});
