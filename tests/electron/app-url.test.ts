import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalLink } from '../../electron/main/app-url';

const fileEntry = pathToFileURL('/opt/Pathway Planner/resources/app.asar/out/renderer/index.html').href;

describe('isAppUrl', () => {
  it('accepts the renderer file with any hash or query (in-app routes)', () => {
    expect(isAppUrl(fileEntry, fileEntry)).toBe(true);
    expect(isAppUrl(`${fileEntry}#/print/3`, fileEntry)).toBe(true);
    expect(isAppUrl(`${fileEntry}?plan=3`, fileEntry)).toBe(true);
  });

  it('refuses other files, other schemes and junk', () => {
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, fileEntry)).toBe(false);
    expect(isAppUrl(fileEntry.replace('index.html', 'other.html'), fileEntry)).toBe(false);
    expect(isAppUrl('https://example.com/', fileEntry)).toBe(false);
    expect(isAppUrl('not a url', fileEntry)).toBe(false);
    expect(
      isAppUrl(
        'file://evil-host/opt/Pathway%20Planner/resources/app.asar/out/renderer/index.html',
        fileEntry,
      ),
    ).toBe(false);
  });

  it('accepts the dev server by origin only', () => {
    expect(isAppUrl('http://localhost:5173/#/compare', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isExternalLink', () => {
  it('lets only https links out to the browser', () => {
    expect(isExternalLink('https://www.bls.gov/oes/')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      '',
    ]) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});
