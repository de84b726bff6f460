/** Where a JSON text goes wrong, in the user's terms. */
export interface JsonErrorPlace {
  /** 1-based line and column (columns count UTF-16 code units, as editors mostly do). */
  line: number;
  column: number;
  problem: string;
}

type Expecting = 'value' | 'value-or-close' | 'comma-or-close' | 'key' | 'key-or-close' | 'colon' | 'nothing';

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
/** A number cut short by the end of the text (`-`, `1.`, `2e+`). */
const NUMBER_START = /-?\d*(?:\.\d*)?(?:[eE][+-]?\d*)?$/y;

/**
 * Finds the first place where `text` stops being JSON, for an error message that reads the same
 * in every browser ("line 3, column 14: unexpected end of input"): `JSON.parse` says where in
 * Chrome, Firefox and Safari differently, and sometimes not at all. Iterative, so deeply nested
 * input cannot overflow the stack. Undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonErrorPlace | undefined {
  const containers: ('array' | 'object')[] = [];
  let expecting: Expecting = 'value';
  let at = 0;
  const fail = (problem: string): JsonErrorPlace => ({ ...lineAndColumn(text, at), problem });
  const afterValue = (): Expecting => (containers.length === 0 ? 'nothing' : 'comma-or-close');

  for (;;) {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
    if (at >= text.length) return expecting === 'nothing' ? undefined : fail('unexpected end of input');
    const char = text.charAt(at);
    switch (expecting) {
      case 'nothing':
        return fail(`unexpected ${describeChar(text, at)} after the end of the data`);
      case 'colon':
        if (char !== ':') return fail(`expected ":" after a property name, found ${describeChar(text, at)}`);
        at += 1;
        expecting = 'value';
        break;
      case 'key':
      case 'key-or-close':
        if (char === '}' && expecting === 'key-or-close') {
          at += 1;
          containers.pop();
          expecting = afterValue();
        } else if (char === '"') {
          const end = scanString(text, at);
          if (typeof end !== 'number') return { ...lineAndColumn(text, end.at), problem: end.problem };
          at = end;
          expecting = 'colon';
        } else {
          return fail(`expected a property name in double quotes, found ${describeChar(text, at)}`);
        }
        break;
      case 'comma-or-close': {
        const inArray = containers.at(-1) === 'array';
        if (char === ',') expecting = inArray ? 'value' : 'key';
        else if (char === (inArray ? ']' : '}')) {
          containers.pop();
          expecting = afterValue();
        } else return fail(`expected "," or "${inArray ? ']' : '}'}", found ${describeChar(text, at)}`);
        at += 1;
        break;
      }
      case 'value':
      case 'value-or-close': {
        if (char === ']' && expecting === 'value-or-close') {
          at += 1;
          containers.pop();
          expecting = afterValue();
          break;
        }
        if (char === '[' || char === '{') {
          containers.push(char === '[' ? 'array' : 'object');
          at += 1;
          expecting = char === '[' ? 'value-or-close' : 'key-or-close';
          break;
        }
        const end = scanScalar(text, at);
        if (typeof end !== 'number') return { ...lineAndColumn(text, end.at), problem: end.problem };
        at = end;
        expecting = afterValue();
        break;
      }
    }
  }
}

type Scanned = number | { at: number; problem: string };

function scanScalar(text: string, at: number): Scanned {
  const char = text.charAt(at);
  if (char === '"') return scanString(text, at);
  const rest = text.slice(at, at + 6);
  const cutShort = { at: text.length, problem: 'unexpected end of input' };
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = at;
    const matched = NUMBER.test(text) ? NUMBER.lastIndex : at;
    NUMBER_START.lastIndex = at;
    if (NUMBER_START.test(text) && matched < text.length) return cutShort;
    if (matched > at) return matched;
  }
  for (const literal of LITERALS) {
    if (text.startsWith(literal, at)) return at + literal.length;
    if (at + rest.length >= text.length && literal.startsWith(rest)) return cutShort;
  }
  return { at, problem: `unexpected ${describeChar(text, at)}` };
}

/** Scans a string from its opening quote; gives the index after its closing quote. */
function scanString(text: string, start: number): Scanned {
  for (let at = start + 1; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code < 0x20) return { at, problem: 'a line break or control character inside a string (write it as \\n)' };
    if (code === 0x5c) {
      const escape = text.charAt(at + 1);
      const hex = text.slice(at + 2, at + 6);
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) at += 5;
      else if ('"\\/bfnrt'.includes(escape) && escape !== '') at += 1;
      else if (at + 2 + hex.length >= text.length && (escape === '' || (escape === 'u' && /^[0-9a-fA-F]*$/.test(hex)))) break;
      else return { at, problem: `a bad escape "\\${escape}" in a string` };
    }
  }
  return { at: text.length, problem: 'unexpected end of input (a string is not closed)' };
}

function describeChar(text: string, at: number): string {
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `"${char}"` : `character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: at - lineStart + 1 };
}
