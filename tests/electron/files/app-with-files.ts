/**
 * The app's services over a temporary data folder and the real data pack, with fake dialogs
 * (see fake-dialogs.ts) and no PDF printer: what the file channels need, without a browser.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAppServices, type AppServices } from '../../../electron/main/app-services';
import { fakeDialogs, type FakeDialogs } from '../helpers/fake-dialogs';

export interface FilesApp {
  services: AppServices;
  dialogs: FakeDialogs;
  /** Calls a channel and unwraps `{ ok: true }` (throws with the error otherwise). */
  call<T>(channel: string, payload: unknown): Promise<T>;
}

export async function openFilesApp(dataDir: string): Promise<FilesApp> {
  const dialogs = fakeDialogs();
  const services = await openAppServices({
    dataDir,
    appVersion: 'test',
    clock: () => new Date('2026-05-04T15:00:00'),
    platform: {
      dialogs,
      renderPdf: () => Promise.reject(new Error('no printer in this test')),
    },
  });
  return {
    services,
    dialogs,
    async call<T>(channel: string, payload: unknown): Promise<T> {
      const result = await services.invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
  };
}

/** Every row of every table, in a fixed order: equal dumps mean nothing was written. */
export function dumpDatabase(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

export const BAD_PLANS_DIR = join(__dirname, '..', '..', 'fixtures', 'bad-plans');
