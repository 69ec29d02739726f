/**
 * The one way the app opens its database: check the file read-only (damage, or a newer app's
 * file, is refused before anything writes to it), open with our pragmas, back up an existing
 * database before migrating it — and once a day when asked — then migrate.
 * Recovering from damage is recover.ts's job; this module only refuses.
 */
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';
import { backupDatabase, DEFAULT_BACKUPS_KEPT, isBackupDue } from './backup';
import { checkDatabaseFile } from './check-database';
import { openConnection, type ConnectionOptions, type Db } from './connection';
import { assertMigrationList, assertNotTooNew, migrate, pendingMigrations } from './migrate';

export interface OpenDatabaseOptions extends ConnectionOptions {
  file: string;
  backupsDir: string;
  keepBackups?: number;
  /**
   * Take a backup on open when the newest one is at least this old (the app passes a day).
   * Omitted: backups are taken only before a migration.
   */
  backupIntervalMs?: number;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  assertMigrationList(migrations);
  const state = checkDatabaseFile(options.file, options);
  const version = state.kind === 'existing' ? state.userVersion : 0;
  assertNotTooNew(version, migrations);

  const db = openConnection(options.file, options);
  try {
    const backup = () =>
      backupDatabase(db, options.backupsDir, {
        schemaVersion: version,
        takenAt: now(options),
        keep: options.keepBackups ?? DEFAULT_BACKUPS_KEPT,
      });
    if (hasSchema(db)) {
      if (pendingMigrations(version, migrations).length > 0) {
        // No migration without a copy of what it changes: a failed backup stops the start.
        await backup();
      } else if (options.backupIntervalMs !== undefined) {
        const interval = options.backupIntervalMs;
        // The daily copy is a safety net, not a reason to keep the user from their plans.
        await Promise.resolve()
          .then(() => (isBackupDue(options.backupsDir, now(options), interval) ? backup() : undefined))
          .catch((error: unknown) => console.warn('[database] the daily backup failed:', error));
      }
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function now(options: OpenDatabaseOptions): Date {
  return (options.now ?? (() => new Date()))();
}

/** A brand-new file has nothing worth a backup; anything with tables does. */
function hasSchema(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get() !== undefined;
}
