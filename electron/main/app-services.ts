/**
 * Everything the app does behind IPC, with no Electron in sight: the data folder, the
 * database, the data pack and the handlers. The Electron shell calls this once at startup;
 * the e2e tests call it with a temporary folder and expose `invoke` to the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcResult } from '../../shared/ipc/contract';
import { systemClock, type Clock } from './db/clock';
import { openDatabase } from './db/open-database';
import { createPlansRepository } from './db/plans-repository';
import { loadDataPack } from './datapack/load-data-pack';
import { createIpcHandlers } from './ipc/handlers';

export const DATABASE_FILE = 'planner.sqlite';
export const BACKUPS_FOLDER = 'backups';
export const BACKUPS_KEPT = 10;
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
}

export interface AppServices {
  invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
  /** Closes the database (checkpointing the WAL). Safe to call twice. */
  close(): void;
  databaseFile: string;
  dataDir: string;
}

export async function openAppServices(options: OpenAppServicesOptions): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  // The pack first: if it is broken, fail before creating or touching anything on disk.
  const dataPack = loadDataPack(options.dataPackPath);

  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, DATABASE_FILE);
  const db = await openDatabase({
    file: databaseFile,
    backupsDir: join(dataDir, BACKUPS_FOLDER),
    keepBackups: BACKUPS_KEPT,
    nativeBinding: options.nativeBinding,
    now: clock,
  });

  try {
    const cutoff = new Date(clock().getTime() - PURGE_DELETED_AFTER_DAYS * 24 * 60 * 60 * 1000);
    createPlansRepository(db, clock).purgeDeletedBefore(cutoff);
    const { invoke } = createIpcHandlers({
      db,
      dataPack,
      appInfo: { version: options.appVersion, dataDir, databaseFile },
      clock,
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
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
