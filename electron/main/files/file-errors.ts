/**
 * Errors of saving and opening files, with messages written for the person at the computer:
 * what happened to which file, and what they can do about it.
 */
import type { IpcErrorCode } from '../../../shared/ipc/contract';

/** An error whose message is already fit to show; the IPC layer passes it through with its code. */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    message: string,
    readonly code: IpcErrorCode = 'internal',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function saveFailed(fileName: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why: Record<string, string> = {
    EACCES: "Pathway Planner isn't allowed to write there. Choose another folder, such as Documents.",
    EPERM: 'The file may be open in another program (close it and try again), or the folder may not allow saving.',
    EBUSY: 'The file is open in another program. Close it and try again.',
    ENOSPC: 'The disk is full. Free some space or choose another drive.',
    EROFS: 'That drive is read-only. Choose another folder.',
    ENOENT: 'The folder is no longer there (was a USB stick removed?). Choose another folder.',
    EISDIR: 'That name belongs to a folder. Choose another name.',
    ENAMETOOLONG: 'The name or folder path is too long. Choose a shorter name.',
  };
  const reason = (code && why[code]) ?? 'Something went wrong while writing it. Try again, or choose another folder.';
  return new FileError(`"${fileName}" was not saved. ${reason}`, 'internal', { cause: error });
}

export function openFailed(fileName: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'The file is no longer there.'
      : code === 'EACCES' || code === 'EPERM'
        ? "Pathway Planner isn't allowed to read it."
        : code === 'EISDIR'
          ? 'That is a folder, not a file.'
          : 'It could not be read.';
  return new FileError(`"${fileName}" could not be opened. ${reason}`, 'internal', { cause: error });
}
