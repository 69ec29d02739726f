/**
 * Where a JSON text goes wrong, in words a person can act on: the line and column, the JSON
 * path of the value being read, and what was expected there. `JSON.parse` only says "at
 * position 1234" (and not always that; its wording also differs between Node versions), so a
 * file that does not parse is scanned again here. The scanner also reports what `JSON.parse`
 * silently accepts but a plan file must not have: the same property twice in one object
 * (`JSON.parse` keeps the last one, so the file would not mean what it seems to say).
 *
 * Iterative, so a deeply nested file cannot overflow the stack. Strictly RFC 8259.
 */

export interface JsonSyntaxProblem {
  /** 0-based offset into the text (UTF-16 units). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** JSON path of the value being read when the problem was found, e.g. `$.plans[0].steps`. */
  path: string;
  message: string;
}

type Frame =
  | { kind: 'object'; keys: Set<string>; key: string | null }
  | { kind: 'array'; index: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const TOKEN = /[^\s,:[\]{}"]{1,24}/y;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.max(offset, lineStart) - lineStart + 1 };
}

function pathOf(stack: readonly Frame[]): string {
  let path = '$';
  for (const frame of stack) {
    if (frame.kind === 'array') path += `[${frame.index}]`;
    else if (frame.key !== null) path += IDENTIFIER.test(frame.key) ? `.${frame.key}` : `[${JSON.stringify(frame.key)}]`;
  }
  return path;
}

/** What is at `offset`, quoted for a message: `"tru"`, `'}'`, or "the end of the file". */
function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  if (text[offset] === '"') {
    // Show the text in quotes that starts here ("years"), not a lone quote mark.
    const close = text.indexOf('"', offset + 1);
    const inner = close > offset && close - offset <= 30 ? text.slice(offset + 1, close) : null;
    return inner !== null && !/[\r\n]/.test(inner) ? `"${inner}"` : 'a quote mark (")';
  }
  TOKEN.lastIndex = offset;
  const token = TOKEN.exec(text);
  if (token && token[0].length > 1) return `"${token[0]}"`;
  const char = text[offset]!;
  if (char === '\n' || char === '\r') return 'a line break';
  return `'${char}'`;
}

/** A hint for the usual hand-editing mistakes. */
function valueHint(text: string, offset: number): string {
  const char = text[offset];
  if (char === "'") return ' (text must be in double quotes, "like this")';
  TOKEN.lastIndex = offset;
  const token = TOKEN.exec(text)?.[0] ?? '';
  if (/^(NaN|-?Infinity|undefined)$/.test(token)) return ' (JSON has no such value; use a number)';
  if (/^(True|False|TRUE|FALSE|Null|NULL)$/.test(token)) return ' (true, false and null are written in lower case)';
  if (/^[+.]?\d/.test(token)) return ' (numbers are written like 42 or 3.5, with no + sign, leading zeros or separators)';
  return '';
}

/**
 * The first problem in `text`, or null if it is valid JSON with no property repeated within an
 * object. Valid JSON by this scanner is exactly what `JSON.parse` accepts.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  let state: 'value' | 'after' | 'key' = 'value';

  const problem = (offset: number, message: string, path = pathOf(stack)): JsonSyntaxProblem => ({
    offset,
    ...lineAndColumn(text, offset),
    path,
    message,
  });
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  /** Scans a string starting at the quote at `i`; returns an error or moves `i` past it. */
  const scanString = (): JsonSyntaxProblem | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return problem(i, `"\\${next ?? ''}" is not an escape JSON knows (use \\", \\\\, \\n, \\t or \\uXXXX)`);
      } else if (c < 0x20) {
        return problem(
          i,
          c === 10 || c === 13
            ? 'a line break inside text in quotes (text must stay on one line; write \\n for a line break, or close the quote)'
            : 'a control character inside text in quotes (write it as \\uXXXX)',
        );
      } else i++;
    }
    return problem(start, 'text in quotes that starts here is never closed (a " is missing)');
  };

  for (;;) {
    skipSpace();
    if (state === 'value') {
      if (i >= n) {
        return problem(i, stack.length === 0 ? 'the file is empty (a plan file is JSON text)' : 'the file ends where a value was expected (is it cut short?)');
      }
      const c = text[i]!;
      if (c === '{') {
        i++;
        skipSpace();
        if (text[i] === '}') {
          i++;
          state = 'after';
        } else {
          stack.push({ kind: 'object', keys: new Set(), key: null });
          state = 'key';
        }
        continue;
      }
      if (c === '[') {
        i++;
        skipSpace();
        if (text[i] === ']') {
          i++;
          state = 'after';
        } else {
          stack.push({ kind: 'array', index: 0 });
          state = 'value';
        }
        continue;
      }
      if (c === '"') {
        const error = scanString();
        if (error) return error;
        state = 'after';
        continue;
      }
      if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return problem(i, `expected a number but found ${found(text, i)}${valueHint(text, i)}`);
        i += match[0].length;
        // "01", "1.", "1e" and the like: the number stops early and what follows is not allowed.
        if (i < n && /[\d.eE+-]/.test(text[i]!)) {
          return problem(match.index, `${found(text, match.index)} is not a number JSON accepts${valueHint(text, match.index)}`);
        }
        state = 'after';
        continue;
      }
      LITERAL.lastIndex = i;
      const literal = LITERAL.exec(text);
      if (literal && !/[\w$]/.test(text[i + literal[0].length] ?? '')) {
        i += literal[0].length;
        state = 'after';
        continue;
      }
      const top = stack[stack.length - 1];
      if ((c === ']' || c === '}') && top?.kind === 'array' && top.index > 0) {
        return problem(i, `a comma before '${c}': JSON allows no comma after the last item of a list`);
      }
      return problem(i, `expected a value (text in quotes, a number, true, false, null, a list or an object) but found ${found(text, i)}${valueHint(text, i)}`);
    }

    if (state === 'key') {
      const frame = stack[stack.length - 1] as Extract<Frame, { kind: 'object' }>;
      frame.key = null;
      if (text[i] !== '"') {
        if (text[i] === '}' && frame.keys.size > 0) {
          return problem(i, "a comma before '}': JSON allows no comma after the last property of an object");
        }
        if (i >= n) return problem(i, 'the file ends inside an object (a "}" is missing; is it cut short?)');
        const hint = text[i] === "'" ? ' (names must be in double quotes, "like": this)' : '';
        return problem(i, `expected a property name in double quotes but found ${found(text, i)}${hint}`);
      }
      const start = i;
      const error = scanString();
      if (error) return error;
      const key = JSON.parse(text.slice(start, i)) as string;
      if (frame.keys.has(key)) {
        frame.key = key;
        return problem(start, `"${key}" appears twice in the same object; keep only one`);
      }
      frame.keys.add(key);
      frame.key = key;
      skipSpace();
      if (text[i] !== ':') return problem(i, `expected ':' after the property name "${key}" but found ${found(text, i)}`);
      i++;
      state = 'value';
      continue;
    }

    // state === 'after': a value just ended.
    const top = stack[stack.length - 1];
    if (!top) {
      if (i < n) return problem(i, `unexpected ${found(text, i)} after the end of the JSON data (only one value is allowed)`, '$');
      return null;
    }
    if (top.kind === 'object') {
      if (text[i] === ',') {
        i++;
        state = 'key';
      } else if (text[i] === '}') {
        i++;
        stack.pop();
      } else if (i >= n) {
        return problem(i, 'the file ends inside an object (a "}" is missing; is it cut short?)');
      } else {
        return problem(i, `expected ',' or '}' after the value of "${top.key ?? ''}" but found ${found(text, i)} (is a comma missing?)`);
      }
    } else if (text[i] === ',') {
      i++;
      top.index++;
      state = 'value';
    } else if (text[i] === ']') {
      i++;
      stack.pop();
    } else if (i >= n) {
      return problem(i, 'the file ends inside a list (a "]" is missing; is it cut short?)');
    } else {
      return problem(i, `expected ',' or ']' after a list item but found ${found(text, i)} (is a comma missing?)`);
    }
  }
}
