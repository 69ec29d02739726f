/**
 * The print page's script stays small: a new print page compiles everything it imports before its
 * report is drawn, so app-only code there makes every cold PDF slower. zod (and every schema built
 * with it) once came in through one constant, and cost a cold report 12–30 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const renderer = join(__dirname, '..', '..', 'out', 'renderer');

/** Every script file the built print.html loads: its entry and modulepreloads, and whatever they import. */
function printScripts(): Map<string, string> {
  const html = readFileSync(join(renderer, 'print.html'), 'utf8');
  const pending = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const scripts = new Map<string, string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (scripts.has(file)) continue;
    const code = readFileSync(join(renderer, file), 'utf8');
    scripts.set(file, code);
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+\.js)"/g))
      pending.push(join(dirname(file), specifier!));
  }
  return scripts;
}

describe('the print page bundle', () => {
  it('loads its report module and no zod', () => {
    expect(existsSync(join(renderer, 'print.html')), 'run `npx electron-vite build` first').toBe(true);
    const scripts = printScripts();
    // The walk found the report module (so an empty walk can't pass)...
    expect([...scripts.keys()].some((file) => /print-main-[\w-]+\.js$/.test(file))).toBe(true);
    // ...and none of it carries zod, whose error class every build of it names.
    expect([...scripts].filter(([, code]) => code.includes('ZodError')).map(([file]) => file)).toEqual([]);
    // The app's own page does load zod: the check above looks for the right thing.
    const appHtml = readFileSync(join(renderer, 'index.html'), 'utf8');
    const appEntry = /<script\b[^>]*\bsrc="\.\/([^"]+\.js)"/.exec(appHtml)![1]!;
    expect(readFileSync(join(renderer, appEntry), 'utf8')).toContain('ZodError');
  });
});
