import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNameAllocator,
  safeFileName,
  safeStem,
  truncateUtf8,
} from '../../../electron/main/files/file-names';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('safeFileName', () => {
  it('replaces the characters Windows, macOS or Linux forbid', () => {
    expect(safeFileName('Ana/Luis: "Ruiz" <P2> a|b?*\\', '.pdf')).toBe('Ana-Luis- -Ruiz- -P2- a-b---.pdf');
    expect(safeFileName('Tab\there\nnew\u0000line\u007f', '.pdf')).toBe('Tab here new-line-.pdf');
  });

  it('drops trailing dots and spaces, leading dots, and invisible direction marks', () => {
    expect(safeFileName('  Ana Ruiz. . ', '.pdf')).toBe('Ana Ruiz.pdf');
    expect(safeFileName('...hidden', '.pdf')).toBe('hidden.pdf');
    // U+202E would show "Ana fdp.exe" as "Ana exe.pdf".
    expect(safeFileName('Ana \u202Eexe.pdf', '.pdf')).toBe('Ana exe.pdf.pdf');
    expect(safeFileName('Ana\u200B Ruiz', '.pdf')).toBe('Ana Ruiz.pdf');
  });

  it('never makes a Windows device name, whatever the case or extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'CON.backup', 'nul ']) {
      const safe = safeFileName(name, '.pdf');
      const stem = safe.split('.')[0]!.trim();
      expect(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem), `${name} → ${safe}`).toBe(false);
    }
    expect(safeFileName('CON', '.pdf')).toBe('_CON.pdf');
    expect(safeFileName('Connor', '.pdf')).toBe('Connor.pdf');
    expect(safeFileName('COM10', '.pdf')).toBe('COM10.pdf');
  });

  it('is never empty', () => {
    expect(safeFileName('', '.pdf')).toBe('Untitled.pdf');
    expect(safeFileName(' . . ', '.pathway.json')).toBe('Untitled.pathway.json');
    expect(safeStem('???')).toBe('---');
  });

  it('fits in the byte limit without splitting a character, keeping the extension', () => {
    const long = 'Zoë 👩🏽‍⚕️ '.repeat(40);
    const name = safeFileName(long, '.pathway.json', 120);
    expect(bytes(name)).toBeLessThanOrEqual(120);
    expect(name.endsWith('.pathway.json')).toBe(true);
    expect(name).not.toMatch(/\uFFFD/);
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
    expect(truncateUtf8('aé', 2)).toBe('a');
    expect(truncateUtf8('a👍', 4)).toBe('a');
  });

  it('composes accents (NFC), so a name typed on a Mac matches one typed on Windows', () => {
    expect(safeFileName('Zoe\u0308', '.pdf')).toBe('Zo\u00eb.pdf');
  });

  it('holds for any text: no forbidden character, no trailing dot or space, within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const name = safeFileName(text, '.pdf');
        const stem = name.slice(0, -4);
        expect(name).not.toMatch(/[<>:"/\\|?*\p{Cc}]/u);
        expect(stem).not.toMatch(/[ .]$/);
        expect(stem).not.toMatch(/^[ .]/);
        expect(stem.length).toBeGreaterThan(0);
        expect(bytes(name)).toBeLessThanOrEqual(120);
        expect(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem.split('.')[0]!.trim())).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('createNameAllocator', () => {
  it('numbers names that are taken, ignoring case, including files already in the folder', () => {
    const allocate = createNameAllocator(['ana ruiz.pdf']);
    expect(allocate('Ana Ruiz', '.pdf')).toBe('Ana Ruiz (2).pdf');
    expect(allocate('ANA RUIZ', '.pdf')).toBe('ANA RUIZ (3).pdf');
    expect(allocate('Ana/Ruiz', '.pdf')).toBe('Ana-Ruiz.pdf');
    expect(allocate('Ana-Ruiz', '.pdf')).toBe('Ana-Ruiz (2).pdf');
  });

  it('keeps a numbered name within the limit', () => {
    const allocate = createNameAllocator([], 40);
    const first = allocate('x'.repeat(100), '.pdf');
    const second = allocate('x'.repeat(100), '.pdf');
    expect(bytes(first)).toBeLessThanOrEqual(40);
    expect(second).toMatch(/ \(2\)\.pdf$/);
    expect(bytes(second)).toBeLessThanOrEqual(40);
  });
});
