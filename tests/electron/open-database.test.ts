import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NotADatabaseError, readUserVersion } from '../../electron/main/db/connection';
import { DatabaseTooNewError, latestVersion } from '../../electron/main/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/main/db/migrations';
import { openDatabase } from '../../electron/main/db/open-database';
import { sha256 } from './helpers/database';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
/** A migration after the app's last one. */
const version2: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'add-notes',
  sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;',
};

describe('openDatabase', () => {
  it('creates, migrates and takes no backup of a brand-new file', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    const db = await openDatabase({ file, backupsDir: join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database from a newer app and leaves its bytes untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    // A newer app's file: WAL mode, version 7, some data, cleanly closed.
    const newer = new Database(file);
    newer.pragma('journal_mode = WAL');
    newer.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future');");
    newer.pragma('user_version = 7');
    newer.close();
    const before = sha256(file);
    const mtime = statSync(file).mtimeMs;
    const filesBefore = readdirSync(dir).sort();

    const opening = openDatabase({ file, backupsDir: join(dir, 'backups') });
    await expect(opening).rejects.toThrow(DatabaseTooNewError);
    await expect(openDatabase({ file, backupsDir: join(dir, 'backups') })).rejects.toThrow(
      `This plan file was made by a newer version of Pathway Planner (database version 7; this app knows up to ${latestVersion()}). Update the app; the file was not changed.`,
    );

    expect(sha256(file)).toBe(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('backs up an existing database before migrating it, and the backup holds the old version', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    const backupsDir = join(dir, 'backups');
    (await openDatabase({ file, backupsDir })).close();

    const takenAt = new Date('2026-11-23T11:12:00.123Z');
    const db = await openDatabase({
      file,
      backupsDir,
      migrations: [...MIGRATIONS, version2],
      now: () => takenAt,
    });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    db.close();

    const backup = `planner-20261123T111200123Z-v${MIGRATIONS.length}.sqlite`;
    expect(readdirSync(backupsDir)).toEqual([backup]);
    expect(readUserVersion(join(backupsDir, backup))).toBe(MIGRATIONS.length);
  });

  it('takes no backup when nothing needs migrating', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    (await openDatabase({ file, backupsDir: join(dir, 'backups') })).close();
    (await openDatabase({ file, backupsDir: join(dir, 'backups') })).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('reports a file that is not a database without changing it', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    writeFileSync(file, 'this is a text file, not SQLite'.repeat(10));
    const before = sha256(file);
    await expect(openDatabase({ file, backupsDir: join(dir, 'backups') })).rejects.toThrow(NotADatabaseError);
    expect(sha256(file)).toBe(before);
  });

  it('reads the version from the WAL when the last writer did not close cleanly', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    const crashed = new Database(file);
    crashed.pragma('journal_mode = WAL');
    crashed.pragma('wal_autocheckpoint = 0');
    crashed.exec('CREATE TABLE t (x)');
    crashed.pragma('user_version = 7');
    // Still open: the new version is only in the -wal file, the main file's header says 0.
    expect(readUserVersion(file)).toBe(7);
    await expect(openDatabase({ file, backupsDir: join(dir, 'backups') })).rejects.toThrow(
      DatabaseTooNewError,
    );
    crashed.close();
  });
});
