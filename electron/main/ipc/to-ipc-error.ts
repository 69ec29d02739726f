/**
 * Maps what a use case threw to the error the renderer sees. Known errors keep their
 * user-facing message; anything else is logged in full here and reported without internals.
 */
import type { IpcError } from '../../../shared/ipc/contract';
import { CorruptPlanError } from '../db/plan-body';
import { ConflictError, NotFoundError } from '../services/errors';
import { FileError } from '../files/file-errors';

/** SQLite failures the user can act on. */
const SQLITE_MESSAGES: Record<string, string> = {
  SQLITE_FULL: 'The disk is full, so the change was not saved. Free some space and try again.',
  SQLITE_READONLY: 'The data folder is read-only, so the change was not saved.',
  SQLITE_BUSY: 'The plan database is busy (is Pathway Planner open twice on this data folder?). Try again.',
};

export function toIpcError(error: unknown, channel: string): IpcError {
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof ConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof FileError) {
    if (error.cause) console.error(`[ipc] "${channel}" failed:`, error.cause);
    return { code: error.code, message: error.message };
  }

  console.error(`[ipc] "${channel}" failed:`, error);
  if (error instanceof CorruptPlanError) return { code: 'internal', message: error.message };
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode in SQLITE_MESSAGES) {
    return { code: 'internal', message: SQLITE_MESSAGES[sqliteCode] };
  }
  return {
    code: 'internal',
    message: `Pathway Planner could not complete "${channel}" because of an unexpected error. The details were written to the log.`,
  };
}
