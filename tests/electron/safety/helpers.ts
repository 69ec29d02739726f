/**
 * Helpers shared by the safety tests (fuzzing, crash, corruption). The general ones live in
 * ../helpers/ and are reused from there.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from '../../../electron/main/db/connection';
import type { Plan } from '../../../shared/plan/schema';
import { samplePlan } from '../helpers/fixtures';

export interface DatabaseDump {
  userVersion: number;
  schema: unknown[];
  tables: Record<string, unknown[]>;
}

/** Every row of every table (sqlite_sequence included), in rowid order, plus the schema and user_version. */
export function dumpDatabase(db: Db): DatabaseDump {
  const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  const names = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  const tables: Record<string, unknown[]> = {};
  for (const name of names) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    tables[name] = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).all();
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, schema, tables };
}

/**
 * An in-memory copy of a closed database file, to read without touching the folder (a read-only
 * connection to a WAL database leaves empty -wal and -shm files behind). Its header is switched
 * to rollback mode, which an in-memory database needs; a live -wal is not included.
 */
export function snapshotOf(file: string): Db {
  const bytes = readFileSync(file);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes);
}

/**
 * `PRAGMA integrity_check` of a closed database file, changing nothing on disk. `structureOnly`
 * skips CHECK constraints, as the app's start-up check does (see check-database.ts).
 */
export function integrityOf(file: string, options: { structureOnly?: boolean } = {}): unknown {
  const db = snapshotOf(file);
  try {
    if (options.structureOnly) db.pragma('ignore_check_constraints = ON');
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

/** A plan big enough that a few dozen of them fill several database pages. */
export function bulkyPlan(name: string): Plan {
  return samplePlan({
    name,
    steps: Array.from({ length: 20 }, (_, k) => ({
      type: 'hours' as const,
      hoursPerWeek: 20 + k,
      year: 2026 + (k % 10),
      note: `Step ${k} of ${name}: ${'a note long enough to take some room. '.repeat(2)}`,
    })),
  });
}

/** Fails the test with the reply's error unless the IPC call succeeded. */
export function valueOf<T>(
  result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`IPC call failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** crash-writer.ts: a plan is created under this name (revision 0), then saved as `crashPlanName`. */
export const CRASH_NEW_PLAN_NAME = 'new';

export function crashPlanName(id: number, revision: number): string {
  return revision === 0 ? CRASH_NEW_PLAN_NAME : `Plan ${id} r${revision}`;
}

/** Revision `revision` of plan `id`: its name says which, and its size varies so pages split and shrink. */
export function crashPlanAt(id: number, revision: number): Plan {
  const steps = Array.from({ length: revision % 12 }, (_, k) => ({
    type: 'hours' as const,
    hoursPerWeek: 10 + ((revision + k) % 60),
    year: 2026 + (k % 10),
    note: `r${revision} s${k} ${'x'.repeat((revision * 37 + k * 101) % 450)}`,
  }));
  return samplePlan({ name: crashPlanName(id, revision), steps });
}
