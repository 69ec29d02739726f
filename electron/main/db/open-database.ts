/**
 * The one way the app opens its database: refuse a newer file before writing anything, open
 * with our pragmas, back up an existing database before migrating it, then migrate.
 */
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';
import { backupDatabase, DEFAULT_BACKUPS_KEPT } from './backup';
import { openConnection, readUserVersion, type ConnectionOptions, type Db } from './connection';
import { assertMigrationList, assertNotTooNew, migrate, pendingMigrations } from './migrate';

export interface OpenDatabaseOptions extends ConnectionOptions {
  file: string;
  backupsDir: string;
  keepBackups?: number;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  assertMigrationList(migrations);
  const version = readUserVersion(options.file, options);
  assertNotTooNew(version, migrations);

  const db = openConnection(options.file, options);
  try {
    if (pendingMigrations(version, migrations).length > 0 && hasSchema(db)) {
      await backupDatabase(db, options.backupsDir, {
        schemaVersion: version,
        takenAt: (options.now ?? (() => new Date()))(),
        keep: options.keepBackups ?? DEFAULT_BACKUPS_KEPT,
      });
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A brand-new file has nothing worth a backup; anything with tables does. */
function hasSchema(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get() !== undefined;
}
