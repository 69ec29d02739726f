/**
 * fsync helpers for writes that must survive a power cut: a file's bytes before it is renamed
 * into place, and the folder after, so the rename itself is on disk.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file's bytes to the disk, so a rename that follows never exposes a half-written file. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a rename in `dir` durable (POSIX). Windows cannot open a folder for fsync and NTFS
 * journals renames itself, so a failure here is not an error: the rename is still atomic.
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this file system: only the rename's durability waits.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
