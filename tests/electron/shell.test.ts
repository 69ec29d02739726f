/**
 * The Electron shell (electron/main/index.ts) started against a fake `electron` module: the
 * real data folder logic, database (loaded through `nativeBinding`, as in the app), handlers and
 * security wiring run; only Electron's own objects are stand-ins. Shows the start-up order
 * holds together without the Electron binary.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';
import { TINY_PACK_PATH } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';
import { PRINT_STANDBY_DELAY_MS } from '../../electron/main/files/electron-platform';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class FakeWebContents {
    send = vi.fn();
    listeners = new Map<string, Listener>();
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
  }
  class FakeBrowserWindow {
    static all: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    listeners = new Map<string, Listener>();
    loadFile = vi.fn(async (_file: string) => {});
    loadURL = vi.fn(async (_url: string) => {});
    maximize = vi.fn();
    show = vi.fn();
    constructor(readonly options: { webPreferences: { preload: string } }) {
      FakeBrowserWindow.all.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 860 };
    }
    isMaximized() {
      return false;
    }
    static fromWebContents(contents: unknown) {
      return FakeBrowserWindow.all.find((window) => window.webContents === contents) ?? null;
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const appListeners = new Map<string, Listener>();
  const handlers = new Map<string, Listener>();
  const paths = { appPath: '', userData: '' };
  return {
    FakeBrowserWindow,
    appListeners,
    handlers,
    paths,
    electron: {
      app: {
        isPackaged: false,
        name: 'Pathway Planner',
        getPath: (name: string) => (name === 'exe' ? '/opt/pathway-planner/pathway-planner' : paths.userData),
        setPath: vi.fn(),
        getAppPath: () => paths.appPath,
        getVersion: () => '0.1.0',
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        exit: vi.fn(),
        on: (event: string, listener: Listener) => appListeners.set(event, listener),
        whenReady: () => Promise.resolve(),
      },
      BrowserWindow: FakeBrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: {
        handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
        removeHandler: vi.fn(),
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      screen: { getAllDisplays: () => [] },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => fake.electron);

const ELECTRON_VERSION = '45.4.1';
const tempDir = useTempDirs();
let dataDir: string;

/** An "app folder" as in development: data/pack.json and .native/electron-<v>/better_sqlite3.node. */
function appFolder(): string {
  const appPath = tempDir();
  mkdirSync(join(appPath, 'data'));
  copyFileSync(TINY_PACK_PATH, join(appPath, 'data', 'pack.json'));
  const native = join(appPath, '.native', `electron-${ELECTRON_VERSION}`);
  mkdirSync(native, { recursive: true });
  // Under Node the "Electron build" is a copy of the Node build: what matters is that it is loaded from here.
  const packageDir = dirname(createRequire(__filename).resolve('better-sqlite3/package.json'));
  copyFileSync(
    join(packageDir, 'build', 'Release', 'better_sqlite3.node'),
    join(native, 'better_sqlite3.node'),
  );
  return appPath;
}

async function startShell() {
  vi.resetModules();
  await import('../../electron/main/index');
}

beforeEach(() => {
  fake.FakeBrowserWindow.all = [];
  fake.appListeners.clear();
  fake.handlers.clear();
  vi.clearAllMocks();
  Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, configurable: true });
  fake.paths.appPath = appFolder();
  fake.paths.userData = tempDir();
  dataDir = join(tempDir(), 'PathwayPlannerData');
  vi.stubEnv('PATHWAY_PLANNER_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  fake.appListeners.get('will-quit')?.();
  vi.unstubAllEnvs();
  delete (process.versions as Record<string, string | undefined>).electron;
});

describe('Electron shell start-up', () => {
  it('opens the data folder, registers every channel, hardens the session and opens the window', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));

    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('sessionData', join(dataDir, 'session'));

    const [window] = fake.FakeBrowserWindow.all;
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/);
    expect(window.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]index\.html$/));

    // A call from our window's page reaches the real handlers and database.
    const rendererUrl = pathToFileURL(window.loadFile.mock.calls[0][0]).href;
    const event = { sender: window.webContents, senderFrame: { url: rendererUrl, parent: null } };
    await expect(fake.handlers.get('app:info')!(event, {})).resolves.toMatchObject({
      ok: true,
      value: { dataDir, databaseFile: join(dataDir, 'planner.sqlite') },
    });
    // …and one from anywhere else does not.
    const stranger = { sender: {}, senderFrame: { url: rendererUrl, parent: null } };
    await expect(fake.handlers.get('app:info')!(stranger, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    fake.appListeners.get('will-quit')!();
    expect(readdirSync(dataDir).sort()).toEqual(['planner.sqlite']);
  });

  it('opens the print window standing by, hidden, once the main window has loaded its page', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
    const [main] = fake.FakeBrowserWindow.all;
    // Nothing before the app's own page is up: start-up comes first.
    await new Promise((resolve) => setTimeout(resolve, PRINT_STANDBY_DELAY_MS + 200));
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);

    main.webContents.listeners.get('did-finish-load')!();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(2), {
      timeout: PRINT_STANDBY_DELAY_MS + 2000,
    });
    const print = fake.FakeBrowserWindow.all[1]!;
    expect(print.options).toMatchObject({ show: false });
    expect(print.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]print\.html$/), {
      query: {},
    });
  });

  it('opens no print window for a main window closed before the print window was due', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
    const [main] = fake.FakeBrowserWindow.all;
    main.webContents.listeners.get('did-finish-load')!();
    main.listeners.get('closed')!();
    await new Promise((resolve) => setTimeout(resolve, PRINT_STANDBY_DELAY_MS + 300));
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
  });

  it('loads the Vite dev server in development, without the CSP header its hot reload cannot work with', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await startShell();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
    const [window] = fake.FakeBrowserWindow.all;
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(fake.electron.session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    const event = {
      sender: window.webContents,
      senderFrame: { url: 'http://localhost:5173/#/plans', parent: null },
    };
    await expect(fake.handlers.get('profiles:list')!(event, {})).resolves.toMatchObject({ ok: true });
  });

  it('explains a database from a newer app in a dialog and exits without touching it', async () => {
    mkdirSync(dataDir, { recursive: true });
    const newer = new Database(join(dataDir, 'planner.sqlite'));
    newer.pragma('user_version = 7');
    newer.close();

    await startShell();
    await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(1));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Pathway Planner cannot open its data',
      expect.stringContaining('made by a newer version of Pathway Planner (database version 7'),
    );
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });

  it('says how to build the Electron sqlite binding when it is missing', async () => {
    Object.defineProperty(process.versions, 'electron', { value: '99.0.0', configurable: true });
    await startShell();
    await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(1));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Pathway Planner cannot start',
      expect.stringContaining('node scripts/prepare-electron-sqlite.mjs'),
    );
  });
});
