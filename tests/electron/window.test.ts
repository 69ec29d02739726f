import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    listeners = new Map<string, () => void>();
    maximize = vi.fn();
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: () => void) {
      return this.on(event, listener);
    }
    getNormalBounds() {
      return { x: 40, y: 50, width: 1300, height: 880 };
    }
    isMaximized() {
      return false;
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  };
});
vi.mock('electron', () => electron);

import { buildWindowOptions, createMainWindow, MIN_HEIGHT, MIN_WIDTH } from '../../electron/main/window';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
beforeEach(() => {
  electron.BrowserWindow.created = [];
});

describe('buildWindowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const { webPreferences } = buildWindowOptions('/app/out/preload/index.js');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses remembered bounds, never smaller than the minimum, and centres without a position', () => {
    expect(
      buildWindowOptions('/p', { width: 1500, height: 950, x: 5, y: 6, isMaximized: false }),
    ).toMatchObject({
      width: 1500,
      height: 950,
      x: 5,
      y: 6,
    });
    const small = buildWindowOptions('/p', { width: 500, height: 400, isMaximized: false });
    expect(small).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT, center: true, show: false });
    expect(small).not.toHaveProperty('x');
  });
});

describe('createMainWindow', () => {
  it('opens with the saved state and saves the bounds when closed', () => {
    const stateFile = join(tempDir(), 'window-state.json');
    const window = createMainWindow({ preloadPath: '/p', stateFile }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    expect(window.options).toMatchObject({ width: 1280, height: 860, center: true });
    window.listeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalled();
    window.listeners.get('close')?.();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 40,
      y: 50,
      width: 1300,
      height: 880,
      isMaximized: false,
    });

    const reopened = createMainWindow({ preloadPath: '/p', stateFile }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    expect(reopened.options).toMatchObject({ x: 40, y: 50, width: 1300, height: 880 });
  });
});
