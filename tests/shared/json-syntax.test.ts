/**
 * The JSON scanner that locates syntax errors agrees with JSON.parse on what is valid (property
 * tests), and says where and what for the usual hand-editing mistakes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, lineAndColumn } from '../../shared/plan/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxProblem', () => {
  it('finds nothing wrong in any JSON.stringify output', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(findJsonSyntaxProblem(JSON.stringify(value, null, indent))).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('flags a text exactly when JSON.parse rejects it (or it repeats a key)', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"b"', '1', '-0.5e3', 'true', 'null', ' ', '\n', '01', "'x'", 'tru', '"\\q"', '"\\u00e9"');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const problem = findJsonSyntaxProblem(text);
        if (!parses(text)) expect(problem).not.toBeNull();
        else if (problem) expect(problem.message).toMatch(/appears twice/);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"a": 1,}', 1, 9, '$', /a comma before '\}'/],
    ['{"a": [1, 2,]}', 1, 13, '$.a[2]', /a comma before '\]'/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '$.a', /expected ',' or '\}' after the value of "a"/],
    ['{"a": tru}', 1, 7, '$.a', /found "tru"/],
    ["{'a': 1}", 1, 2, '$', /names must be in double quotes/],
    ['{"a": "x\ny"}', 1, 9, '$.a', /a line break inside text in quotes/],
    ['{"a": 01}', 1, 7, '$.a', /"01" is not a number JSON accepts/],
    ['{"a": 1, "a": 2}', 1, 10, '$.a', /"a" appears twice/],
    ['{"plans": [{"name": "x"', 1, 24, '$.plans[0].name', /the file ends inside an object/],
    ['{} {}', 1, 4, '$', /after the end of the JSON data/],
    ['{"odd key": [1 2]}', 1, 16, '$["odd key"][0]', /expected ',' or '\]' after a list item/],
  ])('%j → line %i, column %i at %s', (text, line, column, path, message) => {
    const problem = findJsonSyntaxProblem(text);
    expect(problem).toMatchObject({ line, column, path });
    expect(problem?.message).toMatch(message);
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(200_000);
    expect(findJsonSyntaxProblem(deep)?.message).toMatch(/ends where a value was expected/);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
