/**
 * Copies of the database taken before a migration changes it, in `<data dir>/backups/`.
 * Uses SQLite's online backup API (`db.backup`), which copies a consistent snapshot including
 * what is still in the WAL. Only the newest few are kept.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection';

export const DEFAULT_BACKUPS_KEPT = 10;
const BACKUP_NAME = /^planner-(\d{8}T\d{9}Z)-v\d+(?:-(\d+))?\.sqlite$/;

/** `planner-20261123T111200123Z-v1.sqlite`: sorts by time, says which schema it holds. */
export function backupFileName(takenAt: Date, schemaVersion: number, attempt = 1): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `planner-${stamp}-v${schemaVersion}${attempt > 1 ? `-${attempt}` : ''}.sqlite`;
}

/** Names of our backups beyond the newest `keep`, oldest first. Other files are never touched. */
export function backupsToDelete(fileNames: readonly string[], keep: number): string[] {
  const ours = fileNames
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ name, stamp: match[1], attempt: Number(match[2] ?? 1) }))
    .sort((a, b) => a.stamp.localeCompare(b.stamp) || a.attempt - b.attempt);
  return ours.slice(0, Math.max(0, ours.length - keep)).map((entry) => entry.name);
}

export async function backupDatabase(
  db: Db,
  backupsDir: string,
  options: { schemaVersion: number; takenAt: Date; keep?: number },
): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  let attempt = 1;
  let file = join(backupsDir, backupFileName(options.takenAt, options.schemaVersion));
  while (existsSync(file)) {
    attempt += 1;
    file = join(backupsDir, backupFileName(options.takenAt, options.schemaVersion, attempt));
  }
  await db.backup(file);
  for (const old of backupsToDelete(readdirSync(backupsDir), options.keep ?? DEFAULT_BACKUPS_KEPT)) {
    rmSync(join(backupsDir, old), { force: true });
  }
  return file;
}
