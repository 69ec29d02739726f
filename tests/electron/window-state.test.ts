import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  placeOnScreen,
  saveWindowState,
} from '../../electron/main/window-state';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();

describe('window state', () => {
  it('round-trips through an atomically written file', () => {
    const dir = tempDir();
    const file = join(dir, 'window-state.json');
    const state = { width: 1400, height: 900, x: 10, y: 20, isMaximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('ignores a missing, corrupt or out-of-range file', () => {
    const dir = tempDir();
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    for (const content of [
      '{"width": 1200',
      '{"width": 5, "height": 900, "isMaximized": false}',
      '{"width": 1200, "height": 900}',
      '[]',
    ]) {
      writeFileSync(file, content);
      expect(loadWindowState(file), content).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('does not write an invalid state', () => {
    const file = join(tempDir(), 'window-state.json');
    saveWindowState(file, { width: 1200, height: 900, isMaximized: false });
    saveWindowState(file, { width: Number.NaN, height: 900, isMaximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ width: 1200, height: 900, isMaximized: false });
  });

  it('drops a position that is no longer on any screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    const onScreen = { width: 1200, height: 800, x: 100, y: 100, isMaximized: false };
    expect(placeOnScreen(onScreen, screens)).toEqual(onScreen);
    expect(placeOnScreen({ ...onScreen, x: 2500 }, screens)).toEqual({
      width: 1200,
      height: 800,
      isMaximized: false,
    });
    expect(
      placeOnScreen({ ...onScreen, x: 2500 }, [...screens, { x: 1920, y: 0, width: 1920, height: 1040 }]).x,
    ).toBe(2500);
    expect(placeOnScreen({ width: 1200, height: 800, isMaximized: false }, [])).toEqual({
      width: 1200,
      height: 800,
      isMaximized: false,
    });
  });
});
