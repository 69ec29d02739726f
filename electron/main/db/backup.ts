/**
 * Copies of the database in `<data dir>/backups/`: one before a migration changes the file, and
 * one a day (on open, when the newest is older than a day). Uses SQLite's online backup API
 * (`db.backup`), which copies a consistent snapshot including what is still in the WAL. A copy
 * is written under a `.partial` name and renamed when complete, so a crash mid-copy never
 * leaves a half file that looks like a backup. Only the newest few are kept.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory, syncFile } from '../files/durable';
import type { Db } from './connection';

export const DEFAULT_BACKUPS_KEPT = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;
const BACKUP_NAME = /^planner-(\d{8}T\d{9}Z)-v(\d+)(?:-(\d+))?\.sqlite$/;
/** A copy that was still being written when the app stopped, and SQLite's files next to it. */
const PARTIAL_NAME = /^planner-\d{8}T\d{9}Z-v\d+(?:-\d+)?\.sqlite\.partial(?:-journal|-wal|-shm)?$/;

/** A backup still being written when the app stopped, or one of its SQLite side files. */
export function isPartialBackupName(name: string): boolean {
  return PARTIAL_NAME.test(name);
}

export interface BackupEntry {
  name: string;
  file: string;
  takenAt: Date;
  schemaVersion: number;
  attempt: number;
}

/** `planner-20261123T111200123Z-v1.sqlite`: sorts by time, says which schema it holds. */
export function backupFileName(takenAt: Date, schemaVersion: number, attempt = 1): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `planner-${stamp}-v${schemaVersion}${attempt > 1 ? `-${attempt}` : ''}.sqlite`;
}

function parseBackupName(name: string): Omit<BackupEntry, 'file'> | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match) return undefined;
  const s = match[1];
  const takenAt = new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
  if (Number.isNaN(takenAt.getTime())) return undefined;
  return { name, takenAt, schemaVersion: Number(match[2]), attempt: Number(match[3] ?? 1) };
}

function sortOldestFirst<T extends { takenAt: Date; attempt: number }>(entries: T[]): T[] {
  return entries.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.attempt - b.attempt);
}

/** Our backups in `backupsDir`, newest first. Other files are ignored; a missing folder is empty. */
export function listBackups(backupsDir: string): BackupEntry[] {
  if (!existsSync(backupsDir)) return [];
  const entries = readdirSync(backupsDir)
    .map((name) => parseBackupName(name))
    .filter((entry): entry is Omit<BackupEntry, 'file'> => entry !== undefined)
    .map((entry) => ({ ...entry, file: join(backupsDir, entry.name) }));
  return sortOldestFirst(entries).reverse();
}

/**
 * True when the newest backup is at least `intervalMs` old, or there is none. A newest backup
 * stamped in the future (the clock was wrong then, or is now) also counts as due.
 */
export function isBackupDue(backupsDir: string, now: Date, intervalMs: number = DAY_MS): boolean {
  const [newest] = listBackups(backupsDir);
  if (!newest) return true;
  const age = now.getTime() - newest.takenAt.getTime();
  return age >= intervalMs || age < 0;
}

/** Names of our backups beyond the newest `keep`, oldest first. Other files are never touched. */
export function backupsToDelete(fileNames: readonly string[], keep: number): string[] {
  const ours = fileNames
    .map((name) => parseBackupName(name))
    .filter((entry): entry is Omit<BackupEntry, 'file'> => entry !== undefined);
  return sortOldestFirst(ours)
    .slice(0, Math.max(0, ours.length - keep))
    .map((entry) => entry.name);
}

export async function backupDatabase(
  db: Db,
  backupsDir: string,
  options: { schemaVersion: number; takenAt: Date; keep?: number },
): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  for (const leftover of readdirSync(backupsDir).filter((name) => PARTIAL_NAME.test(name))) {
    rmSync(join(backupsDir, leftover), { force: true });
  }
  let attempt = 1;
  let file = join(backupsDir, backupFileName(options.takenAt, options.schemaVersion));
  while (existsSync(file)) {
    attempt += 1;
    file = join(backupsDir, backupFileName(options.takenAt, options.schemaVersion, attempt));
  }
  const partial = `${file}.partial`;
  await db.backup(partial);
  syncFile(partial);
  renameSync(partial, file);
  syncDirectory(backupsDir);
  for (const old of backupsToDelete(readdirSync(backupsDir), options.keep ?? DEFAULT_BACKUPS_KEPT)) {
    rmSync(join(backupsDir, old), { force: true });
  }
  return file;
}
