import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/main/db/connection';
import { openDatabase } from '../../../electron/main/db/open-database';

export async function openTestDatabase(dir: string, now?: () => Date): Promise<{ db: Db; file: string }> {
  const file = join(dir, 'planner.sqlite');
  const db = await openDatabase({ file, backupsDir: join(dir, 'backups'), now });
  return { db, file };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * What is on disk, comparable before and after an operation: the WAL is folded into the main
 * file first, so "unchanged" means no committed write happened in between.
 */
export function diskState(db: Db, file: string): { main: string; walBytes: number } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  return { main: sha256(file), walBytes: existsSync(wal) ? readFileSync(wal).length : 0 };
}
