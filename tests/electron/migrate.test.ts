import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../electron/main/db/connection';
import {
  assertMigrationList,
  latestVersion,
  migrate,
  MigrationFailedError,
  userVersion,
} from '../../electron/main/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/main/db/migrations';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
const freshConnection = () => openConnection(join(tempDir(), 'planner.sqlite'));

describe('migrate', () => {
  it('brings a fresh database to the latest version with the default profile', () => {
    const db = freshConnection();
    const report = migrate(db);
    expect(report).toEqual({ from: 0, to: latestVersion(), applied: ['001-initial', '002-classes-and-students'] });
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name, is_default FROM profiles').all()).toEqual([
      { name: 'My plans', is_default: 1 },
    ]);
    db.close();
  });

  it('does nothing on a database that is up to date', () => {
    const db = freshConnection();
    migrate(db);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] });
    expect(db.prepare('SELECT count(*) AS n FROM profiles').get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a list with a gap or a duplicate before touching the database', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, sql: 'SELECT 1;' });
    expect(() => assertMigrationList([m(1), m(3)])).toThrow(/position 2: expected version 2, found 3/);
    expect(() => assertMigrationList([m(1), m(1)])).toThrow(/no gaps or duplicates/);
    expect(() => assertMigrationList([m(2)])).toThrow(/expected version 1/);
    const db = freshConnection();
    expect(() => migrate(db, [m(1), m(3)])).toThrow(/gaps/);
    expect(userVersion(db)).toBe(0);
    db.close();
  });

  it('rolls back a failing migration completely and leaves user_version where it was', () => {
    const db = freshConnection();
    migrate(db);
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'half-done',
      sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO profiles (name, created_at) VALUES ('x', 'now'); SELECT * FROM no_such_table;",
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(MigrationFailedError);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(
      `version ${MIGRATIONS.length + 1} (half-done) failed, so it was left at version ${MIGRATIONS.length}: no such table: no_such_table`,
    );
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'notes'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM profiles').get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a migration that leaves a broken foreign key', () => {
    const db = freshConnection();
    migrate(db);
    const orphan: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'orphan',
      // Deferred, so the insert succeeds and only the check before the version bump can catch it.
      sql: "PRAGMA defer_foreign_keys = ON; INSERT INTO plans (profile_id, name, body, body_version, created_at, updated_at) VALUES (99, 'x', '{}', 1, 'a', 'a');",
    };
    expect(() => migrate(db, [...MIGRATIONS, orphan])).toThrow(/1 row\(s\) would break a foreign key/);
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 0 });
    db.close();
  });

  it('sets journal mode WAL, foreign keys and synchronous FULL on open', () => {
    const db = freshConnection();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('migration 1 cascades plan deletion from its profile and keeps one default profile', () => {
    const db = freshConnection();
    migrate(db);
    const now = new Date().toISOString();
    const profile = db
      .prepare("INSERT INTO profiles (name, created_at) VALUES ('Class A', ?) RETURNING id")
      .get(now) as { id: number };
    db.prepare(
      "INSERT INTO plans (profile_id, name, body, body_version, created_at, updated_at) VALUES (?, 'p', '{}', 1, ?, ?)",
    ).run(profile.id, now, now);
    db.prepare('DELETE FROM profiles WHERE id = ?').run(profile.id);
    expect(db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare("INSERT INTO profiles (name, is_default, created_at) VALUES ('Two', 1, ?)").run(now),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO plans (profile_id, name, body, body_version, created_at, updated_at) VALUES (1, 'p', 'not json', 1, ?, ?)",
        )
        .run(now, now),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('works on a file made by the sqlite library directly (rollback journal, version 0)', () => {
    const file = join(tempDir(), 'legacy.sqlite');
    new Database(file).close();
    const db = openConnection(file);
    expect(migrate(db).to).toBe(latestVersion());
    db.close();
  });
});
