/**
 * Is the plans file readable and whole, before anything opens it for writing? A read-only look
 * at the file: its header, the header of its write-ahead log, then SQLite's own
 * `PRAGMA integrity_check` of its structure (pages, b-trees, indexes). Damage is reported by throwing one of the errors below, so the
 * caller (recover.ts) can keep the damaged files aside exactly as they were and restore a backup.
 *
 * Read-only matters: a read-write connection checkpoints the WAL into the main file when it
 * closes, which would change the very file we want to keep as evidence.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { NotADatabaseError, type ConnectionOptions } from './connection';

export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file} is damaged (${problem}).`);
    this.name = 'DatabaseDamagedError';
  }
}

/**
 * The write-ahead log (`-wal`), which holds the latest saves until they are copied into the
 * main file, has a header SQLite cannot read. SQLite would silently ignore the log and so drop
 * those saves; we keep the log aside instead (see recover.ts).
 */
export class UnreadableWalError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The write-ahead log of ${file} cannot be read (${problem}).`);
    this.name = 'UnreadableWalError';
  }
}

/** SQLite's words for "this file is not (or no longer) a well-formed database". */
export function isSqliteDamageCode(code: unknown): boolean {
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/** Errors that mean the file itself is damaged, as opposed to locked, read-only or too new. */
export function isDamageError(error: unknown): boolean {
  return (
    error instanceof DatabaseDamagedError ||
    error instanceof NotADatabaseError ||
    isSqliteDamageCode((error as { code?: unknown } | null)?.code)
  );
}

export type DatabaseFileState =
  /** Missing or empty (and no journal): a new database will be created; nothing can be lost. */
  { kind: 'new' } | { kind: 'existing'; userVersion: number };

const SQLITE_MAGIC = 'SQLite format 3\0';
const WAL_HEADER_BYTES = 32;
const WAL_MAGIC_LITTLE_ENDIAN = 0x377f0682;
const WAL_MAGIC_BIG_ENDIAN = 0x377f0683;
const WAL_FORMAT_VERSION = 3007000;

export function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : -1;
}

/**
 * Checks `file` without writing to it. Returns whether it is new or its `user_version`;
 * throws NotADatabaseError, DatabaseDamagedError or UnreadableWalError for damage, and lets
 * anything else (a lock, no permission) through unchanged.
 */
export function checkDatabaseFile(file: string, options: ConnectionOptions = {}): DatabaseFileState {
  const mainSize = fileSize(file);
  const walSize = fileSize(`${file}-wal`);
  if (mainSize <= 0 && walSize <= 0) return { kind: 'new' };
  if (mainSize <= 0) {
    // A log without its database: SQLite would start a new, empty file and might replay the log into it.
    throw new DatabaseDamagedError(file, 'the file is missing or empty, but its write-ahead log is not');
  }
  if (mainSize < 100 || readBytes(file, SQLITE_MAGIC.length).toString('latin1') !== SQLITE_MAGIC) {
    throw new NotADatabaseError(file);
  }
  // SQLite treats a log shorter than its header as empty, as we do.
  if (walSize >= WAL_HEADER_BYTES) {
    const problem = walHeaderProblem(readBytes(`${file}-wal`, WAL_HEADER_BYTES));
    if (problem) throw new UnreadableWalError(file, problem);
  }
  return { kind: 'existing', userVersion: readOnlyCheck(file, options) };
}

/** Why SQLite would ignore this WAL header, or undefined when it is valid. */
export function walHeaderProblem(header: Buffer): string | undefined {
  const magic = header.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LITTLE_ENDIAN && magic !== WAL_MAGIC_BIG_ENDIAN) return 'wrong magic number';
  if (header.readUInt32BE(4) !== WAL_FORMAT_VERSION) return 'unknown format version';
  // SQLite's WAL checksum over the first 24 bytes, in the byte order the magic number names.
  const bigEndian = magic === WAL_MAGIC_BIG_ENDIAN;
  const word = (offset: number) => (bigEndian ? header.readUInt32BE(offset) : header.readUInt32LE(offset));
  let s1 = 0;
  let s2 = 0;
  for (let offset = 0; offset < 24; offset += 8) {
    s1 = (s1 + word(offset) + s2) >>> 0;
    s2 = (s2 + word(offset + 4) + s1) >>> 0;
  }
  if (s1 !== header.readUInt32BE(24) || s2 !== header.readUInt32BE(28)) return 'checksum mismatch';
  return undefined;
}

/** `PRAGMA integrity_check` and `user_version` on a read-only connection. */
function readOnlyCheck(file: string, options: ConnectionOptions): number {
  // A read-only connection to a WAL database creates empty -wal and -shm files if they are
  // missing and leaves them behind; remove the ones we made, so a look changes nothing.
  const hadWal = existsSync(`${file}-wal`);
  const hadShm = existsSync(`${file}-shm`);
  try {
    const db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
    try {
      // Structure only: a row that breaks a CHECK constraint (a plan body that is not JSON) is
      // damage to one plan, which plan-body.ts reports for that plan. Swapping the whole file for
      // an older backup would lose every other plan's newer work. (SQLite skips CHECK constraints
      // on a read-only connection anyway; this makes it explicit.)
      db.pragma('ignore_check_constraints = ON');
      const rows = db.pragma('integrity_check(5)', { simple: false }) as Array<{ integrity_check: string }>;
      const messages = rows.map((row) => row.integrity_check);
      if (messages.length !== 1 || messages[0] !== 'ok') {
        throw new DatabaseDamagedError(file, `SQLite's integrity check says: ${messages.join('; ')}`);
      }
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof DatabaseDamagedError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (isSqliteDamageCode(code)) {
      throw new DatabaseDamagedError(file, `SQLite says: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    if (!hadWal && fileSize(`${file}-wal`) === 0) {
      rmSync(`${file}-wal`, { force: true });
      if (!hadShm) rmSync(`${file}-shm`, { force: true });
    }
  }
}

function readBytes(file: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}
