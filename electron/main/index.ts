/**
 * The Electron shell: one instance, one window, everything else delegated.
 * Start-up order: data folder → services (database, data pack) → security → IPC → menu → window.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { MENU_CHANNEL } from '../../shared/ipc/menu-actions';
import { openAppServices, type AppServices } from './app-services';
import { isAppUrl, isExternalLink } from './app-url';
import { executableDir, resolveDataDir } from './data-dir';
import {
  createElectronPlatform,
  PRINT_STANDBY_DELAY_MS,
  type ElectronPlatform,
} from './files/electron-platform';
import { PRINT_WINDOW_CHANNELS, registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { missingNativeBindingMessage, nativeBindingPath } from './native-binding';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';

// Only an unpackaged app may load the dev server: an env var must never point a user's app elsewhere.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const rendererFile = join(__dirname, '../renderer/index.html');
const appEntry = devServerUrl ?? pathToFileURL(rendererFile).href;
// The print route (PDF reports) is a second page of the app, loaded only in hidden print windows.
const printFile = join(__dirname, '../renderer/print.html');
const printEntry = devServerUrl ? new URL('print.html', devServerUrl).href : pathToFileURL(printFile).href;
const isOurUrl = (url: string) => isAppUrl(url, appEntry) || isAppUrl(url, printEntry);
const preloadPath = join(__dirname, '../preload/index.js');

let services: AppServices | undefined;
let mainWindow: BrowserWindow | undefined;
let platform: ElectronPlatform | undefined;

/** A start-up failure the user is told about in a dialog before the app exits. */
class StartupError extends Error {
  constructor(
    readonly title: string,
    error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function exitWithDialog(error: unknown): void {
  const startup =
    error instanceof StartupError ? error : new StartupError('Pathway Planner cannot start', error);
  console.error(`[startup] ${startup.title}:`, startup.cause);
  dialog.showErrorBox(startup.title, startup.message);
  app.exit(1);
}

function chooseDataDir(): string {
  const resolved = resolveDataDir({
    argv: process.argv,
    env: process.env,
    exeDir: executableDir(app.getPath('exe'), process.env),
    exists: existsSync,
    userData: app.getPath('userData'),
    cwd: process.cwd(),
  });
  // Outside userData (portable, --data-dir) Chromium's caches go there too: nothing left behind.
  if (resolved.reason !== 'user-data') app.setPath('sessionData', join(resolved.dir, 'session'));
  console.info(`[startup] data folder (${resolved.reason}): ${resolved.dir}`);
  return resolved.dir;
}

function openWindow(dataDir: string): void {
  const window = createMainWindow({
    preloadPath,
    stateFile: join(dataDir, WINDOW_STATE_FILE),
  });
  mainWindow = window;
  let standByTimer: ReturnType<typeof setTimeout> | undefined;
  window.on('closed', () => {
    // Closed at once (macOS keeps the app running): no print window for a main window that is gone.
    clearTimeout(standByTimer);
    if (mainWindow === window) mainWindow = undefined;
  });
  // The print window stands by once the app's own page is up, so the first PDF prints like the next.
  window.webContents.once('did-finish-load', () => {
    standByTimer = setTimeout(() => platform?.standBy(), PRINT_STANDBY_DELAY_MS);
  });
  void (devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererFile));
}

async function start(dataDir: string): Promise<void> {
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
  });
  if (!existsSync(nativeBinding)) {
    throw new StartupError(
      'Pathway Planner cannot start',
      missingNativeBindingMessage(nativeBinding, app.isPackaged),
    );
  }
  const dataPackPath = join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'data', 'pack.json');
  const filesPlatform = createElectronPlatform({
    preloadPath,
    parentWindow: () => mainWindow,
    loadRoute: (window, route) => {
      const url = new URL(route, printEntry);
      if (devServerUrl) return window.loadURL(url.href);
      return window.loadFile(printFile, { query: Object.fromEntries(url.searchParams) });
    },
    defaultFolder: app.getPath('documents'),
  });
  platform = filesPlatform;
  const opened = await openAppServices({
    dataDir,
    dataPackPath,
    nativeBinding,
    appVersion: app.getVersion(),
    platform: filesPlatform,
  }).catch((error: unknown) => {
    throw new StartupError('Pathway Planner cannot open its data', error);
  });
  services = opened;

  hardenSession(session.defaultSession, {
    contentSecurityPolicy: devServerUrl ? null : CONTENT_SECURITY_POLICY,
  });
  registerIpcHandlers(opened.invoke, {
    channelsFor: (window) => {
      if (window === mainWindow) return 'all';
      return platform?.isPrintWindow(window) === true ? PRINT_WINDOW_CHANNELS : null;
    },
    isAppUrl: isOurUrl,
  });
  const menu = buildMenuTemplate({
    appName: app.name,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    send: (action) =>
      (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.send(MENU_CHANNEL, action),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  openWindow(dataDir);
  app.on('activate', () => {
    if (!mainWindow) openWindow(dataDir);
  });
}

function main(): void {
  // A second instance would share the database; it hands over to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let dataDir: string;
  try {
    dataDir = chooseDataDir();
  } catch (error) {
    void app.whenReady().then(() => exitWithDialog(error));
    return;
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      isAppUrl: isOurUrl,
      isExternalLink,
      openExternal: (url) => void shell.openExternal(url),
    }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => services?.close());
  app
    .whenReady()
    .then(() => start(dataDir))
    .catch(exitWithDialog);
}

main();
