/**
 * Where the Electron build of better-sqlite3 lives. node_modules keeps the Node build (for
 * vitest and scripts); the app loads its own build through better-sqlite3's `nativeBinding`
 * option, so neither ever overwrites the other. scripts/prepare-electron-sqlite.mjs writes the
 * development copy; electron-builder ships it as an extra resource.
 */
import { join } from 'node:path';

export const NATIVE_FOLDER = '.native';
export const NATIVE_FILE = 'better_sqlite3.node';

/** The folder is named for the Electron version: a different Electron needs a different build. */
export function electronBuildFolder(electronVersion: string): string {
  return `electron-${electronVersion}`;
}

export function nativeBindingPath(where: {
  isPackaged: boolean;
  /** `process.resourcesPath` of the packaged app. */
  resourcesPath: string;
  /** `app.getAppPath()`: the repository root in development. */
  appPath: string;
  electronVersion: string;
}): string {
  const folder = electronBuildFolder(where.electronVersion);
  return where.isPackaged
    ? join(where.resourcesPath, 'native', folder, NATIVE_FILE)
    : join(where.appPath, NATIVE_FOLDER, folder, NATIVE_FILE);
}

export function missingNativeBindingMessage(file: string, isPackaged: boolean): string {
  return isPackaged
    ? `This copy of Pathway Planner is incomplete: ${file} is missing. Reinstall the app.`
    : `The Electron build of better-sqlite3 is missing (${file}). Run "node scripts/prepare-electron-sqlite.mjs" (npm start runs it for you).`;
}
