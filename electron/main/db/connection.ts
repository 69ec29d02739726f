/**
 * Opening the SQLite file. Two steps on purpose: `readUserVersion` looks at the file without
 * opening it for writing, so a database made by a newer app can be refused before anything
 * touches it; `openConnection` then opens it for real and sets the pragmas — setting
 * `journal_mode = WAL` itself writes to the file.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface ConnectionOptions {
  /**
   * Path of a better_sqlite3.node to load instead of the one in node_modules. The app passes
   * its Electron build (Electron's module ABI differs from Node's); tests pass nothing.
   */
  nativeBinding?: string;
}

/** How long a statement waits for a lock held by another connection before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Where SQLite keeps `PRAGMA user_version` in the 100-byte file header (big-endian). */
const USER_VERSION_OFFSET = 60;

export class NotADatabaseError extends Error {
  constructor(file: string) {
    super(`${file} is not a SQLite database, so Pathway Planner cannot open it. The file was not changed.`);
    this.name = 'NotADatabaseError';
  }
}

/**
 * `PRAGMA user_version` of the file, or 0 when it does not exist or is empty. Writes nothing and
 * creates nothing: it reads the file header. Only when a non-empty WAL exists (the last writer
 * did not close cleanly, so the header may be stale) does it ask SQLite, read-only.
 */
export function readUserVersion(file: string, options: ConnectionOptions = {}): number {
  if (!existsSync(file) || statSync(file).size === 0) return 0;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) throw new NotADatabaseError(file);

  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return header.readUInt32BE(USER_VERSION_OFFSET);
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: options.nativeBinding,
  });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

export function openConnection(file: string, options: ConnectionOptions = {}): Db {
  // `timeout` is better-sqlite3's name for busy_timeout.
  const db = new Database(file, { nativeBinding: options.nativeBinding, timeout: BUSY_TIMEOUT_MS });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new Error(`SQLite refused WAL mode for ${file} (journal_mode is ${String(mode)})`);
    // FULL, not NORMAL: with WAL, NORMAL survives an app crash but may lose the last commits on
    // power loss or an OS crash. Our writes are small and user-paced, so one fsync per commit
    // costs nothing anyone notices, and "I clicked save, then the laptop died" keeps the save.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
