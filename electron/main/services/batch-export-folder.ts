/**
 * Choosing a folder to write many files into (a class's PDFs, the end-of-session plan files).
 *
 * The platform's dialogs (electron/main/files/platform.ts) offer "save a file" and "open a
 * file". A folder is chosen with the save dialog, as a new folder's name and place — "Save the
 * PDFs as: Period 2 plans 2026-05-04" — which works the same on every system and lets the
 * counselor make the folder on the spot. A folder of that name that exists already is used as
 * it is (nothing in it is ever overwritten: new files get free names).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileError, saveFailed } from '../files/file-errors';
import type { Platform } from '../files/platform';

export interface FolderRequest {
  title: string;
  /** The new folder's suggested name. */
  suggestedName: string;
  /** Where the dialog opens (the last folder used); the platform's default if absent. */
  startIn?: string;
}

/** The folder chosen (created if needed), or null if the counselor cancelled. */
export async function chooseFolder(platform: Platform | undefined, request: FolderRequest): Promise<string | null> {
  if (!platform) throw new FileError('Saving files is not available in this window.');
  const start = request.startIn ?? platform.defaultFolder;
  const chosen = await platform.dialogs.showSave({
    title: request.title,
    defaultPath: start ? join(start, request.suggestedName) : request.suggestedName,
    filters: [{ name: 'Folder', extensions: ['*'] }],
    buttonLabel: 'Save here',
  });
  if (!chosen) return null;
  return ensureFolder(chosen);
}

/** Makes `path` a folder (with its parents) if it is not one; refuses a file of that name. */
export function ensureFolder(path: string): string {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) {
      throw new FileError(`"${path}" is a file, not a folder. Choose a new name for the folder.`, 'invalid_input');
    }
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw saveFailed(path, error);
  }
  return path;
}

/** The user's calendar day, YYYY-MM-DD, for report dates and folder names. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
