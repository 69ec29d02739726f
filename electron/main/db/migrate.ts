/**
 * Brings a database up to the newest schema. Each migration runs in its own transaction that
 * also sets `PRAGMA user_version`, so a failure leaves the database exactly at the previous
 * version. A database newer than this app is refused, never "downgraded".
 */
import type { Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This plan file was made by a newer version of Pathway Planner (database version ${databaseVersion}; ` +
        `this app knows up to ${knownVersion}). Update the app; the file was not changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationFailedError extends Error {
  constructor(migration: Migration, cause: unknown) {
    super(
      `Updating the database to version ${migration.version} (${migration.name}) failed, so it was left at ` +
        `version ${migration.version - 1}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'MigrationFailedError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/** Throws unless the versions are exactly 1, 2, … n in order: a gap or duplicate is a build bug. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list is broken at position ${index + 1}: expected version ${index + 1}, found ` +
          `${migration.version} (${migration.name}). Versions must run 1, 2, 3… with no gaps or duplicates.`,
      );
    }
  });
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotTooNew(
  databaseVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const known = latestVersion(migrations);
  if (databaseVersion > known) throw new DatabaseTooNewError(databaseVersion, known);
}

export function pendingMigrations(
  databaseVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  return migrations.filter((migration) => migration.version > databaseVersion);
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  assertMigrationList(migrations);
  const from = userVersion(db);
  assertNotTooNew(from, migrations);

  const applied: string[] = [];
  for (const migration of pendingMigrations(from, migrations)) {
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} row(s) would break a foreign key`);
        // Inside the transaction: the version moves only if the whole migration commits.
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new MigrationFailedError(migration, error);
    }
    applied.push(`${String(migration.version).padStart(3, '0')}-${migration.name}`);
  }
  return { from, to: userVersion(db), applied };
}
