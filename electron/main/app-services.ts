/**
 * Everything the app does behind IPC, with no Electron in sight: the data folder, the
 * database, the data pack and the handlers. The Electron shell calls this once at startup;
 * the e2e tests call it with a temporary folder and expose `invoke` to the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcResult } from '../../shared/ipc/contract';
import { systemClock, type Clock } from './db/clock';
import { DAY_MS } from './db/backup';
import { openDatabaseWithRecovery } from './db/recover';
import { createPlansRepository } from './db/plans-repository';
import { loadDataPack } from './datapack/load-data-pack';
import { createIpcHandlers } from './ipc/handlers';
import type { Platform } from './files/platform';
import { BACKUPS_FOLDER, DATABASE_FILE } from './db/data-files';

export const BACKUPS_KEPT = 10;
/** A backup is taken on open when the newest one is at least this old (and before every migration). */
export const BACKUP_INTERVAL_MS = DAY_MS;
/** Plans stay in the bin (restorable) this long, then the next start removes them for good. */
export const PURGE_DELETED_AFTER_DAYS = 30;

export interface OpenAppServicesOptions {
  /** Created if missing. Holds planner.sqlite and backups/. */
  dataDir: string;
  /** Defaults to the repository's data/pack.json (development and tests). */
  dataPackPath?: string;
  /** The Electron build of better_sqlite3.node; omit under plain Node. */
  nativeBinding?: string;
  appVersion: string;
  /** For tests: the time used for timestamps, backups and the purge. */
  clock?: Clock;
  /** For tests: how the time of a restored backup is written in `startupNotice`. */
  formatDate?: (date: Date) => string;
  /** Native dialogs and PDF printing for export and import (the shell's, or a test's). */
  platform?: Platform;
}

export interface AppServices {
  invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
  /** Closes the database (checkpointing the WAL). Safe to call twice. */
  close(): void;
  databaseFile: string;
  dataDir: string;
  /**
   * Set when the plans file had to be repaired at start (a damaged file replaced by a backup or
   * a new file, an unreadable journal set aside): a plain message the user must see once.
   */
  startupNotice?: string;
}

export async function openAppServices(options: OpenAppServicesOptions): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  // The pack first: if it is broken, fail before creating or touching anything on disk.
  const dataPack = loadDataPack(options.dataPackPath);

  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, DATABASE_FILE);
  const { db, notice, recovery } = await openDatabaseWithRecovery({
    file: databaseFile,
    backupsDir: join(dataDir, BACKUPS_FOLDER),
    keepBackups: BACKUPS_KEPT,
    backupIntervalMs: BACKUP_INTERVAL_MS,
    nativeBinding: options.nativeBinding,
    now: clock,
    formatDate: options.formatDate,
  });
  for (const step of recovery) console.warn(`[database] ${step.action} (${step.reason}); kept:`, step.keptAs);

  try {
    const cutoff = new Date(clock().getTime() - PURGE_DELETED_AFTER_DAYS * 24 * 60 * 60 * 1000);
    createPlansRepository(db, clock).purgeDeletedBefore(cutoff);
    const { invoke } = createIpcHandlers({
      db,
      dataPack,
      appInfo: {
        version: options.appVersion,
        dataDir,
        databaseFile,
        ...(notice === undefined ? {} : { startupNotice: notice }),
      },
      clock,
      platform: options.platform,
    });
    return {
      invoke,
      close() {
        if (!db.open) return;
        db.pragma('optimize');
        db.close();
      },
      databaseFile,
      dataDir,
      ...(notice === undefined ? {} : { startupNotice: notice }),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
