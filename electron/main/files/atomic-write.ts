/**
 * Writes a file so that, whatever happens, the path holds either the old contents or the new,
 * never half of the new: the bytes go to a temporary file in the same folder (same disk, so the
 * rename is atomic), are flushed to the disk (fsync), and only then renamed over the target. If
 * anything fails, the temporary file is removed and the error is thrown; the target is untouched.
 *
 * The file-system calls are injectable so tests can make any step fail.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from './durable';

export interface AtomicWriteFs {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

const defaultFs: AtomicWriteFs = {
  openSync: (path, flags, mode) => nodeFs.openSync(path, flags, mode),
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  unlinkSync: (path) => nodeFs.unlinkSync(path),
};

/** The temporary file's name: hidden, next to the target, unique per write. */
export function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** True for a name `temporaryPathFor` makes (so tests and clean-ups can find leftovers). */
export function isTemporaryName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = defaultFs,
): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temporary = temporaryPathFor(file);
  let fd: number | undefined;
  try {
    // 'wx': never follow or reuse an existing file at the temporary name.
    fd = fs.openSync(temporary, 'wx', 0o666);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, file);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the original error is the one to report.
      }
    }
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Never created, or already gone.
    }
    throw error;
  }
  syncDirectory(dirname(file));
}
