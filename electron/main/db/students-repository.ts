/**
 * Students: profiles that belong to a class (migration 2 adds `class_id` and `student_id` to
 * `profiles`). The default profile ("My plans") is never a student.
 *
 * Removing a student is for real: their rows are DELETEd (never the bin) with SQLite's
 * `secure_delete` on, so the freed bytes are overwritten with zeros, and the write-ahead log is
 * then checkpointed and truncated, so no copy of the old pages is left in `planner.sqlite-wal`
 * either. Backups taken before the deletion are separate files (see backup.ts) and still hold
 * the student until they are rotated out.
 */
import type { z } from 'zod';
import type { StudentPlanSchema, StudentSchema } from '../../../shared/ipc/counselor-contract';
import { systemClock, timestamp, type Clock } from './clock';
import type { Db } from './connection';

export type Student = z.infer<typeof StudentSchema>;
export type StudentPlan = z.infer<typeof StudentPlanSchema>;

/** A student without their plans. */
export interface StudentRecord {
  id: number;
  name: string;
  studentId: string | null;
  classId: number;
  className: string;
}

interface StudentRow {
  id: number;
  name: string;
  student_id: string | null;
  class_id: number;
  class_name: string;
  plan_count: number;
  last_edited_at: string | null;
}

interface PlanListRow {
  id: number;
  profile_id: number;
  name: string;
  start_role: unknown;
  start_year: unknown;
  years: unknown;
  updated_at: string;
}

const STUDENTS = /* sql */ `
  SELECT s.id, s.name, s.student_id, s.class_id, c.name AS class_name,
         count(p.id) AS plan_count, max(p.updated_at) AS last_edited_at
  FROM profiles s
  JOIN classes c ON c.id = s.class_id
  LEFT JOIN plans p ON p.profile_id = s.id AND p.deleted_at IS NULL
`;

// The listing reads a few fields out of the stored document (json_valid(body) is a CHECK).
const PLAN_LIST = /* sql */ `
  SELECT p.id, p.profile_id, p.name,
         json_extract(p.body, '$.start.role') AS start_role,
         json_extract(p.body, '$.startYear') AS start_year,
         json_extract(p.body, '$.years') AS years,
         p.updated_at
  FROM plans p
`;

export interface WipeCounts {
  classes: number;
  students: number;
  plans: number;
  plansInBin: number;
}

export type StudentsRepository = ReturnType<typeof createStudentsRepository>;

export function createStudentsRepository(db: Db, clock: Clock = systemClock) {
  const statements = {
    listByClass: db.prepare<[number], StudentRow>(
      `${STUDENTS} WHERE s.class_id = ? GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id`,
    ),
    get: db.prepare<[number], StudentRow>(`${STUDENTS} WHERE s.id = ? GROUP BY s.id`),
    plansOfClass: db.prepare<[number], PlanListRow>(
      `${PLAN_LIST} JOIN profiles s ON s.id = p.profile_id
       WHERE s.class_id = ? AND p.deleted_at IS NULL
       ORDER BY p.updated_at DESC, p.id DESC`,
    ),
    plansOfStudent: db.prepare<[number], PlanListRow>(
      `${PLAN_LIST} WHERE p.profile_id = ? AND p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.id DESC`,
    ),
    findByStudentId: db
      .prepare<[string], number>('SELECT id FROM profiles WHERE student_id = ? COLLATE NOCASE')
      .pluck(),
    findByName: db
      .prepare<[number, string], number>(
        'SELECT id FROM profiles WHERE class_id = ? AND name = ? COLLATE NOCASE ORDER BY id',
      )
      .pluck(),
    insert: db.prepare<
      [{ name: string; classId: number; studentId: string | null; now: string }],
      { id: number }
    >(
      `INSERT INTO profiles (name, is_default, created_at, class_id, student_id)
       VALUES (@name, 0, @now, @classId, @studentId) RETURNING id`,
    ),
    deletePlansOf: db.prepare<[number]>('DELETE FROM plans WHERE profile_id = ?'),
    deleteStudent: db.prepare<[number]>(
      'DELETE FROM profiles WHERE id = ? AND is_default = 0 AND class_id IS NOT NULL',
    ),
    counts: db.prepare<[], WipeCounts>(
      `SELECT (SELECT count(*) FROM classes) AS classes,
              (SELECT count(*) FROM profiles WHERE is_default = 0) AS students,
              (SELECT count(*) FROM plans WHERE deleted_at IS NULL) AS plans,
              (SELECT count(*) FROM plans WHERE deleted_at IS NOT NULL) AS plansInBin`,
    ),
  };

  const get = (id: number): Student | undefined => {
    const row = statements.get.get(id);
    return row && toStudent(row, statements.plansOfStudent.all(id).map(toStudentPlan));
  };

  return {
    /** The class's students by name, each with their live plans (newest change first). */
    listByClass(classId: number): Student[] {
      const plans = new Map<number, StudentPlan[]>();
      for (const row of statements.plansOfClass.all(classId)) {
        const list = plans.get(row.profile_id) ?? [];
        list.push(toStudentPlan(row));
        plans.set(row.profile_id, list);
      }
      return statements.listByClass.all(classId).map((row) => toStudent(row, plans.get(row.id) ?? []));
    },

    get,

    /** A student (a profile with a class), without plans; undefined for "My plans" or an unknown id. */
    record(id: number): StudentRecord | undefined {
      const row = statements.get.get(id);
      return row && toRecord(row);
    },

    findByStudentId(studentId: string): StudentRecord | undefined {
      const id = statements.findByStudentId.get(studentId);
      return id === undefined ? undefined : this.record(id);
    },

    /** Students of the class with this name, compared ignoring case. */
    findByName(classId: number, name: string): StudentRecord[] {
      return statements.findByName
        .all(classId, name)
        .map((id) => this.record(id))
        .filter((s): s is StudentRecord => s !== undefined);
    },

    create(input: { classId: number; name: string; studentId?: string }): Student {
      const { id } = statements.insert.get({
        name: input.name,
        classId: input.classId,
        studentId: input.studentId ?? null,
        now: timestamp(clock),
      })!;
      return get(id)!;
    },

    /**
     * Deletes the student and every plan of theirs (live and in the bin) for good, overwriting
     * the freed bytes. Returns undefined if there is no such student (or it is "My plans").
     */
    deleteForGood(id: number): { name: string; plansDeleted: number } | undefined {
      const removed = withSecureDelete(db, () => {
        const row = statements.get.get(id);
        if (!row) return undefined;
        const plansDeleted = statements.deletePlansOf.run(id).changes;
        statements.deleteStudent.run(id);
        return { name: row.name, plansDeleted };
      });
      if (removed) truncateWal(db);
      return removed;
    },

    counts(): WipeCounts {
      return statements.counts.get()!;
    },

    /**
     * Removes every plan (of every profile, bin included), every student and every class, for
     * good, overwriting the freed bytes; "My plans" itself stays, empty. Returns what it removed.
     */
    removeEverything(): WipeCounts {
      const removed = withSecureDelete(db, () => {
        const counts = statements.counts.get()!;
        db.prepare('DELETE FROM plans').run();
        db.prepare('DELETE FROM profiles WHERE is_default = 0').run();
        db.prepare('DELETE FROM classes').run();
        return counts;
      });
      truncateWal(db);
      // A fresh file: nothing of the old pages survives, not even on the free list.
      db.exec('VACUUM');
      truncateWal(db);
      return removed;
    },
  };
}

/**
 * Runs `work` in a transaction with `secure_delete` on, so SQLite overwrites deleted content
 * with zeros instead of just marking it free; the connection's setting is restored afterwards.
 */
export function withSecureDelete<T>(db: Db, work: () => T): T {
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`secure_delete = ${previous === 1 ? 'ON' : previous === 2 ? 'FAST' : 'OFF'}`);
  }
}

/**
 * Copies the write-ahead log into the database and empties it, so old copies of pages (with
 * what was just deleted) do not linger in `planner.sqlite-wal`.
 */
export function truncateWal(db: Db): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (result && result.busy !== 0) {
    console.warn(
      '[database] the write-ahead log could not be emptied now (another reader); it will be at the next checkpoint.',
    );
  }
}

function toRecord(row: StudentRow): StudentRecord {
  return {
    id: row.id,
    name: row.name,
    studentId: row.student_id,
    classId: row.class_id,
    className: row.class_name,
  };
}

function toStudent(row: StudentRow, plans: StudentPlan[]): Student {
  return { ...toRecord(row), planCount: row.plan_count, lastEditedAt: row.last_edited_at, plans };
}

function toStudentPlan(row: PlanListRow): StudentPlan {
  return {
    id: row.id,
    name: row.name,
    startRole: typeof row.start_role === 'string' ? row.start_role : null,
    startYear: typeof row.start_year === 'number' && Number.isInteger(row.start_year) ? row.start_year : null,
    years: typeof row.years === 'number' && Number.isInteger(row.years) ? row.years : null,
    updatedAt: row.updated_at,
  };
}
