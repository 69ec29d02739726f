/**
 * SECURITY.md stays true to the repository: all twenty items of Electron's security checklist,
 * in order, each with a status and the tests that show it, and every test file it names exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(__dirname, '..', '..', '..');
const doc = readFileSync(join(REPO, 'SECURITY.md'), 'utf8');

/** Key words of each recommendation, in the order of https://www.electronjs.org/docs/latest/tutorial/security. */
const CHECKLIST = [
  /secure content/i,
  /Node\.js integration for remote content/i,
  /context isolation/i,
  /sandbox/i,
  /permission requests/i,
  /webSecurity/,
  /Content Security Policy/i,
  /allowRunningInsecureContent/,
  /experimental features/i,
  /enableBlinkFeatures/,
  /allowpopups/,
  /WebView options/i,
  /navigation/i,
  /new windows/i,
  /shell\.openExternal/,
  /current version of Electron/i,
  /sender of all IPC messages/i,
  /file:\/\/.*custom protocols/i,
  /fuses/i,
  /expose Electron APIs/i,
];

function sections(): Array<{ number: number; title: string; body: string }> {
  const parts = doc.split(/^### /m).slice(1);
  return parts
    .map((part) => {
      const [heading, ...rest] = part.split('\n');
      const match = /^(\d+)\. (.+)$/.exec(heading);
      return match ? { number: Number(match[1]), title: match[2], body: rest.join('\n') } : undefined;
    })
    .filter((section): section is { number: number; title: string; body: string } => section !== undefined);
}

describe('SECURITY.md', () => {
  it('covers the twenty checklist items in order, each with a status and its tests', () => {
    const items = sections();
    expect(items.map((item) => item.number)).toEqual(CHECKLIST.map((_, index) => index + 1));
    items.forEach((item, index) => {
      expect(item.title, `item ${item.number}`).toMatch(CHECKLIST[index]);
      expect(item.body, `item ${item.number} has a status`).toMatch(/^\*\*(Met|Not met)[^*]*\*\*/m);
      expect(item.body, `item ${item.number} names its tests`).toMatch(/^Tests: `tests\//m);
    });
  });

  it('names only test files that exist', () => {
    const named = [...doc.matchAll(/`(tests\/[\w./-]+\.test\.ts)`/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(20);
    expect([...new Set(named)].filter((file) => !existsSync(join(REPO, file)))).toEqual([]);
  });
});
