/**
 * The main window. `buildWindowOptions` is pure so a unit test can pin every security
 * setting; `createMainWindow` adds the remembered bounds and saves them on close.
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  placeOnScreen,
  saveWindowState,
  type WindowState,
} from './window-state';

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;

export function buildWindowOptions(
  preloadPath: string,
  state: WindowState = DEFAULT_WINDOW_STATE,
): BrowserWindowConstructorOptions {
  return {
    width: Math.max(state.width, MIN_WIDTH),
    height: Math.max(state.height, MIN_HEIGHT),
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Pathway Planner',
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

export function createMainWindow(options: { preloadPath: string; stateFile: string }): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = placeOnScreen(loadWindowState(options.stateFile), workAreas);
  const window = new BrowserWindow(buildWindowOptions(options.preloadPath, state));
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, { ...window.getNormalBounds(), isMaximized: window.isMaximized() });
    } catch (error) {
      console.warn('[window] could not remember the window size:', error);
    }
  });
  return window;
}
