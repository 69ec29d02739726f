/**
 * Opening the database at start-up, recovering from a damaged file instead of refusing to start.
 *
 * - The damaged file is never deleted or repaired in place: it is kept next to the database as
 *   `planner-damaged-<time>.sqlite` (with its -wal and -shm), exactly as it was.
 * - The newest backup that passes SQLite's integrity check takes its place; with none, the app
 *   starts with a new, empty database.
 * - A write-ahead log whose header is unreadable (SQLite would silently drop it) is kept aside
 *   and the main file, which is whole, is opened as it is.
 * Each case yields one plain sentence for the user (`notice`).
 *
 * What is refused rather than recovered (thrown, nothing touched): a database from a newer app,
 * a locked or read-only file, a failed migration.
 *
 * Crash safety of the swap: the backup is first copied to `<file>.restoring` and synced, the
 * damaged file is copied aside and synced, its -wal/-shm are moved aside, and only then does one
 * atomic rename put the restored copy in place. Stopped at any point, the next start finds
 * either the damaged file (and does it again) or the restored one; never no file at all.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { syncDirectory, syncFile } from '../files/durable';
import { listBackups, type BackupEntry } from './backup';
import { checkDatabaseFile, fileSize, isDamageError, UnreadableWalError } from './check-database';
import type { Db } from './connection';
import { latestVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase, type OpenDatabaseOptions } from './open-database';

export interface RecoveringOpenOptions extends OpenDatabaseOptions {
  /** How the time of a restored backup is written in the notice. Defaults to the user's locale and time zone. */
  formatDate?: (date: Date) => string;
}

export type RecoveryStep =
  | { action: 'restored-backup'; reason: string; backup: string; takenAt: Date; keptAs: string[] }
  | { action: 'started-empty'; reason: string; keptAs: string[] }
  | { action: 'set-wal-aside'; reason: string; keptAs: string[] };

export interface OpenedDatabase {
  db: Db;
  /** For the user, when something had to be repaired: one or two plain sentences. */
  notice?: string;
  /** For the log: what was done, in order. Empty when the file was fine. */
  recovery: RecoveryStep[];
}

export const RESTORING_SUFFIX = '.restoring';

export const defaultFormatDate = (date: Date): string =>
  date.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });

export async function openDatabaseWithRecovery(options: RecoveringOpenOptions): Promise<OpenedDatabase> {
  const recovery: RecoveryStep[] = [];
  // A restore that stopped before its final rename: the next steps redo it if still needed.
  rmSync(`${options.file}${RESTORING_SUFFIX}`, { force: true });

  // An empty file where backups exist was a database once (a new database is never left empty
  // once created), e.g. truncated by a failing disk or a sync tool: treat it as damaged.
  if (
    fileSize(options.file) === 0 &&
    fileSize(`${options.file}-wal`) <= 0 &&
    listBackups(options.backupsDir).length > 0
  ) {
    recovery.push(restoreOrStartEmpty(options, 'the file is empty'));
  }

  for (;;) {
    try {
      const db = await openDatabase(options);
      return { db, notice: noticeFor(recovery, options.formatDate ?? defaultFormatDate), recovery };
    } catch (error) {
      const alreadyRestored = recovery.some((step) => step.action !== 'set-wal-aside');
      if (error instanceof UnreadableWalError && !recovery.some((step) => step.action === 'set-wal-aside')) {
        recovery.push(setWalAside(options, error.problem));
      } else if (isDamageError(error) && !alreadyRestored) {
        recovery.push(restoreOrStartEmpty(options, error instanceof Error ? error.message : String(error)));
      } else {
        throw error;
      }
    }
  }
}

function restoreOrStartEmpty(options: RecoveringOpenOptions, reason: string): RecoveryStep {
  const file = options.file;
  const backup = newestUsableBackup(options);
  const temp = `${file}${RESTORING_SUFFIX}`;
  if (backup) {
    copyFileSync(backup.file, temp);
    syncFile(temp);
  }
  const keptAs = keepAside(file, asideName(file, now(options)), { copyMain: true });
  if (backup) {
    renameSync(temp, file);
  } else {
    rmSync(file, { force: true });
  }
  syncDirectory(dirname(file));
  return backup
    ? { action: 'restored-backup', reason, backup: backup.file, takenAt: backup.takenAt, keptAs }
    : { action: 'started-empty', reason, keptAs };
}

function setWalAside(options: RecoveringOpenOptions, reason: string): RecoveryStep {
  const keptAs = keepAside(options.file, asideName(options.file, now(options)), { copyMain: false });
  syncDirectory(dirname(options.file));
  return { action: 'set-wal-aside', reason, keptAs };
}

/**
 * Puts the -wal and -shm under the aside name (a rename: they must not meet the file that
 * replaces the damaged one) and, with `copyMain`, a synced copy of the main file.
 */
function keepAside(file: string, aside: string, options: { copyMain: boolean }): string[] {
  const kept: string[] = [];
  if (options.copyMain && existsSync(file)) {
    copyFileSync(file, aside);
    syncFile(aside);
    kept.push(aside);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) {
      renameSync(`${file}${suffix}`, `${aside}${suffix}`);
      kept.push(`${aside}${suffix}`);
    }
  }
  return kept;
}

/** `planner-damaged-20261123T111200123Z.sqlite` next to `planner.sqlite`; `-2`, `-3`… if taken. */
export function asideName(file: string, at: Date): string {
  const ext = extname(file);
  const stem = join(
    dirname(file),
    `${basename(file, ext)}-damaged-${at.toISOString().replace(/[-:.]/g, '')}`,
  );
  for (let attempt = 1; ; attempt += 1) {
    const candidate = `${stem}${attempt > 1 ? `-${attempt}` : ''}${ext}`;
    if (!['', '-wal', '-shm'].some((suffix) => existsSync(`${candidate}${suffix}`))) return candidate;
  }
}

/** The newest backup SQLite says is whole and this app can read; damaged ones are left where they are. */
function newestUsableBackup(options: RecoveringOpenOptions): BackupEntry | undefined {
  const known = latestVersion(options.migrations ?? MIGRATIONS);
  return listBackups(options.backupsDir).find((backup) => {
    try {
      const state = checkDatabaseFile(backup.file, options);
      return state.kind === 'existing' && state.userVersion <= known;
    } catch (error) {
      console.warn(`[database] backup ${backup.name} cannot be used:`, error);
      return false;
    }
  });
}

function noticeFor(steps: RecoveryStep[], formatDate: (date: Date) => string): string | undefined {
  const sentences = steps.map((step) => {
    const name = basename(step.keptAs[0] ?? '');
    switch (step.action) {
      case 'restored-backup':
        return `Your plans file was damaged. We restored the backup from ${formatDate(step.takenAt)}; the damaged file was kept as ${name}.`;
      case 'started-empty':
        return (
          'Your plans file was damaged and there was no backup to restore, so Pathway Planner started with an ' +
          `empty plans file. The damaged file was kept as ${name}.`
        );
      case 'set-wal-aside':
        return (
          'Pathway Planner was not closed properly last time, and its most recent changes could not be read. ' +
          `Your plans are as they were before those changes; the unreadable part was kept as ${name}.`
        );
    }
  });
  return sentences.length === 0 ? undefined : sentences.join(' ');
}

function now(options: RecoveringOpenOptions): Date {
  return (options.now ?? (() => new Date()))();
}
