/**
 * Checklist items no other test pins (see SECURITY.md): no experimental or Blink features, no
 * <webview> and no popups for one, no dangerous webPreferences anywhere in the code or the build,
 * a current Electron, and the fuses once they are configured.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  /** Records the options of every window created; its page is "ready" at once. */
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = {
      executeJavaScript: async () => ({ ready: 'true' }),
      printToPDF: async () => new Uint8Array([37, 80, 68, 70]),
      once: () => {},
      removeListener: () => {},
      isCrashed: () => false,
    };
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      FakeBrowserWindow.created.push(this);
    }
    isDestroyed() {
      return false;
    }
    destroy() {}
  }
  return { FakeBrowserWindow, electron: { BrowserWindow: FakeBrowserWindow, screen: {}, dialog: {} } };
});
vi.mock('electron', () => fake.electron);

import { createElectronPlatform } from '../../../electron/main/files/electron-platform';
import { buildWindowOptions } from '../../../electron/main/window';

/** The webPreferences that make a window safe; every window the app opens must have the main window's. */
const PROTECTIONS = [
  'preload',
  'contextIsolation',
  'sandbox',
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webSecurity',
  'allowRunningInsecureContent',
  'webviewTag',
  'navigateOnDragDrop',
  'safeDialogs',
] as const;

const REPO = join(__dirname, '..', '..', '..');
/** The newest Electron major when this was written (TOOLCHAIN.md: 45.4.1 is `latest`). Raise it, never lower it. */
const MINIMUM_ELECTRON_MAJOR = 45;

/** Files under `dir` (no node_modules). Tolerates files that vanish meanwhile: out/ may be rebuilt while tests run. */
function filesUnder(dir: string, extensions: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return [];
    if (stats.isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, extensions);
    return extensions.test(name) ? [path] : [];
  });
}

function readIfPresent(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Settings that switch a protection off, as they would be written in code or survive in the bundle. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['nodeIntegration on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*(true|!0)/],
  ['contextIsolation off', /contextIsolation\s*:\s*(false|!1)/],
  ['sandbox off', /sandbox\s*:\s*(false|!1)/],
  ['webSecurity off', /webSecurity\s*:\s*(false|!1)/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*(true|!0)/],
  ['experimental features', /experimentalFeatures\s*:\s*(true|!0)/],
  ['Blink features enabled', /enableBlinkFeatures/],
  ['<webview> enabled', /webviewTag\s*:\s*(true|!0)/],
  ['<webview> popups', /allowpopups/i],
  ['a <webview> element', /["'`]webview["'`]/],
  ['the remote module', /enableRemoteModule|@electron\/remote/],
  ['certificate errors ignored', /ignore-certificate-errors|setCertificateVerifyProc/],
  ['web security switched off from the command line', /disable-web-security/],
];

describe('hardening', () => {
  it('the window enables no experimental or Blink features and no <webview>', () => {
    const { webPreferences = {} } = buildWindowOptions('/app/out/preload/index.js');
    expect(webPreferences.experimentalFeatures ?? false).toBe(false);
    expect(webPreferences.enableBlinkFeatures).toBeUndefined();
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.navigateOnDragDrop).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('the hidden window that prints PDFs has every protection of the main window, and stays hidden', async () => {
    const preload = '/app/out/preload/index.js';
    const platform = createElectronPlatform({
      preloadPath: preload,
      parentWindow: () => undefined,
      loadRoute: async () => {},
    });
    fake.FakeBrowserWindow.created = [];
    await platform.renderPdf('print.html?planId=1', {
      paper: 'letter',
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
      headerTemplate: '<span></span>',
      footerTemplate: '<span></span>',
    });
    const [printWindow] = fake.FakeBrowserWindow.created;
    const main = buildWindowOptions(preload).webPreferences ?? {};
    const print = printWindow.options.webPreferences ?? {};
    for (const key of PROTECTIONS) expect(print[key], key).toEqual(main[key]);
    expect(print.experimentalFeatures ?? false).toBe(false);
    expect(print.enableBlinkFeatures).toBeUndefined();
    expect(printWindow.options.show).toBe(false);
  });

  it('no source file or built file switches a protection off', () => {
    const files = [
      ...filesUnder(join(REPO, 'electron'), /\.(ts|tsx|js|mjs|cjs)$/),
      ...filesUnder(join(REPO, 'renderer'), /\.(ts|tsx|js|html)$/),
      ...filesUnder(join(REPO, 'shared'), /\.ts$/),
      ...filesUnder(join(REPO, 'out'), /\.(js|html)$/),
    ];
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const text = readIfPresent(file);
      for (const [what, pattern] of FORBIDDEN) {
        if (pattern.test(text)) found.push(`${relative(REPO, file)}: ${what}`);
      }
      // A <webview> tag in markup or JSX (elsewhere the word is harmless: comments, event names).
      if (/\.(tsx|html)$/.test(file) && /<webview[\s>/]/i.test(text)) {
        found.push(`${relative(REPO, file)}: a <webview> tag`);
      }
    }
    expect(found).toEqual([]);
  });

  it(`uses a current Electron (major ${MINIMUM_ELECTRON_MAJOR} or newer)`, () => {
    const installed = JSON.parse(
      readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const declared = (
      JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies.electron;
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(MINIMUM_ELECTRON_MAJOR);
    expect(Number(/\d+/.exec(declared)?.[0])).toBeGreaterThanOrEqual(MINIMUM_ELECTRON_MAJOR);
  });

  const builderConfig = readFileSync(join(REPO, 'electron-builder.yml'), 'utf8');
  const fusesBlock = /^electronFuses:\s*\n((?:[ \t]+.*\n?)+)/m.exec(builderConfig)?.[1];
  it.skipIf(fusesBlock === undefined)(
    'electron-builder.yml flips the fuses an attacker could use (skipped until electronFuses is configured: SECURITY.md #19)',
    () => {
      const fuses = Object.fromEntries(
        [...(fusesBlock ?? '').matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map(([, key, value]) => [
          key,
          value === 'true',
        ]),
      );
      expect(fuses).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      });
    },
  );
});
