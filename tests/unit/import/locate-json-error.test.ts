import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../lib/shared/import/locate-json-error.ts';

describe('locateJsonError', () => {
  it('finds nothing wrong with valid JSON', () => {
    for (const text of ['{}', '[]', ' [1, -2.5e+3, "a\\n\\u00e9", true, false, null, {"k": [ {} ]}] ', '"x"', '0']) {
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it('reports the end of input for text cut anywhere', () => {
    const text = '{"title": "A", "n": -12.5e+3, "ok": true, "list": [1, "two\\u00e9"]}';

    for (let cut = 1; cut < text.length; cut += 1) {
      expect(locateJsonError(text.slice(0, cut))?.problem, `cut at ${cut}`).toMatch(/^unexpected end of input/);
    }
  });

  it('gives the line and column of the first mistake', () => {
    expect(locateJsonError('[\n  {"a": 1},\n  {"b" 2}\n]')).toEqual({ line: 3, column: 8, problem: 'expected ":" after a property name, found "2"' });
    expect(locateJsonError("{'a': 1}")).toEqual({ line: 1, column: 2, problem: 'expected a property name in double quotes, found "\'"' });
    expect(locateJsonError('[1,]')).toEqual({ line: 1, column: 4, problem: 'unexpected "]"' });
    expect(locateJsonError('{"a": 1} x')).toEqual({ line: 1, column: 10, problem: 'unexpected "x" after the end of the data' });
    expect(locateJsonError('["a\nb"]')).toMatchObject({ line: 1, column: 4, problem: expect.stringMatching(/^a line break/) });
    expect(locateJsonError('["\\x"]')).toMatchObject({ problem: 'a bad escape "\\x" in a string' });
  });

  it('handles very deep nesting without overflowing the stack', () => {
    expect(locateJsonError('['.repeat(1_000_000))).toEqual({ line: 1, column: 1_000_001, problem: 'unexpected end of input' });
  });
});
