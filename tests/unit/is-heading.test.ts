import { describe, expect, it } from 'vitest';
import { isHeading } from '../../lib/shared/text/is-heading.ts';

describe('isHeading', () => {
  it('recognises short title-case lines as headings', () => {
    expect(isHeading('China’s Role in Global Infrastructure Development')).toBe(true);
    expect(isHeading('Implications for Global Interconnectedness and Digital Growth')).toBe(true);
  });

  it('does not take sentences, ledes or quotations for headings', () => {
    expect(isHeading('This project will help promote the development of local green energy industry')).toBe(false);
    expect(isHeading('The Summit Opened on Sunday.')).toBe(false);
    expect(isHeading('"Chinese President Xi Jinping Calls for Enhanced International Collaboration"')).toBe(false);
    expect(isHeading('HANGZHOU -- As the digital age has brought extensive and profound impacts on human society, China has taken a responsible approach')).toBe(false);
  });

  it('does not take text without letters for a heading', () => {
    expect(isHeading('2024 — 15:30')).toBe(false);
    expect(isHeading('')).toBe(false);
  });
});
