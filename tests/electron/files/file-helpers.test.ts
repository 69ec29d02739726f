/** Extensions for exports, "Name (2)" for imports, and the remembered folders (safe names: file-names.test.ts). */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExportSettings, SETTINGS_FILE } from '../../../electron/main/files/export-settings';
import { withExtension } from '../../../electron/main/files/file-names';
import { numberedName } from '../../../electron/main/files/numbered-name';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('withExtension', () => {
  it('adds the extension only when it is missing', () => {
    expect(withExtension('/x/report', '.pdf')).toBe('/x/report.pdf');
    expect(withExtension('/x/report.PDF', '.pdf')).toBe('/x/report.PDF');
    expect(withExtension('/x/plans.json', '.pathway.json', ['.json'])).toBe('/x/plans.json');
    expect(withExtension('/x/plans', '.pathway.json', ['.json'])).toBe('/x/plans.pathway.json');
  });
});

describe('numberedName', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(numberedName('Plan', ['Other'])).toBe('Plan');
    expect(numberedName('Plan', ['plan'])).toBe('Plan (2)');
    expect(numberedName('Plan', ['Plan', 'Plan (2)', 'PLAN (3)'])).toBe('Plan (4)');
    expect(numberedName('Plan (2)', ['Plan', 'Plan (2)'])).toBe('Plan (3)');
  });

  it('stays within the name limit', () => {
    const long = 'x'.repeat(120);
    expect(numberedName(long, [long])).toBe(`${'x'.repeat(116)} (2)`);
  });
});

describe('export settings', () => {
  it('remembers a folder per kind, survives a corrupt file, and keeps keys it does not know', () => {
    const dataDir = tempDir();
    const folder = join(tempDir(), 'reports');
    mkdirSync(folder);
    const settings = createExportSettings(dataDir);
    expect(settings.lastFolder('pdf')).toBeUndefined();
    settings.remember('pdf', folder);
    expect(settings.lastFolder('pdf')).toBe(folder);
    expect(settings.lastFolder('csv')).toBeUndefined();

    const file = join(dataDir, SETTINGS_FILE);
    writeFileSync(file, JSON.stringify({ theme: 'dark', lastFolders: { pdf: folder } }));
    settings.remember('csv', folder);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ theme: 'dark', lastFolders: { pdf: folder, csv: folder } });

    writeFileSync(file, '{ not json');
    expect(settings.lastFolder('pdf')).toBeUndefined();
  });

  it('forgets a folder that is gone (a USB stick pulled out)', () => {
    const dataDir = tempDir();
    const folder = join(tempDir(), 'usb');
    mkdirSync(folder);
    const settings = createExportSettings(dataDir);
    settings.remember('plans', folder);
    rmSync(folder, { recursive: true });
    expect(settings.lastFolder('plans')).toBeUndefined();
  });
});
