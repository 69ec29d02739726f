/**
 * Classes: named groups of students (profiles). Names are unique ignoring case, so "period 2"
 * in a roster finds the class "Period 2". Counts cover live plans only (not the bin).
 */
import type { z } from 'zod';
import type { ClassSummarySchema } from '../../../shared/ipc/counselor-contract';
import { systemClock, timestamp, type Clock } from './clock';
import type { Db } from './connection';

export type ClassSummary = z.infer<typeof ClassSummarySchema>;

interface ClassRow {
  id: number;
  name: string;
  student_count: number;
  plan_count: number;
  last_edited_at: string | null;
}

const SUMMARY = /* sql */ `
  SELECT c.id, c.name,
         (SELECT count(*) FROM profiles s WHERE s.class_id = c.id) AS student_count,
         count(p.id) AS plan_count,
         max(p.updated_at) AS last_edited_at
  FROM classes c
  LEFT JOIN profiles s ON s.class_id = c.id
  LEFT JOIN plans p ON p.profile_id = s.id AND p.deleted_at IS NULL
`;

export type ClassesRepository = ReturnType<typeof createClassesRepository>;

export function createClassesRepository(db: Db, clock: Clock = systemClock) {
  const statements = {
    list: db.prepare<[], ClassRow>(`${SUMMARY} GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id`),
    get: db.prepare<[number], ClassRow>(`${SUMMARY} WHERE c.id = ? GROUP BY c.id`),
    findByName: db.prepare<[string], number>('SELECT id FROM classes WHERE name = ? COLLATE NOCASE').pluck(),
    insert: db.prepare<[string, string], { id: number }>(
      'INSERT INTO classes (name, created_at) VALUES (?, ?) RETURNING id',
    ),
    count: db.prepare<[], number>('SELECT count(*) FROM classes').pluck(),
  };

  const get = (id: number): ClassSummary | undefined => {
    const row = statements.get.get(id);
    return row && toSummary(row);
  };

  return {
    list(): ClassSummary[] {
      return statements.list.all().map(toSummary);
    },

    get,

    /** The class with this name, compared ignoring case. */
    findByName(name: string): ClassSummary | undefined {
      const id = statements.findByName.get(name);
      return id === undefined ? undefined : get(id);
    },

    /** A new class; a name already taken (ignoring case) is a SQLITE_CONSTRAINT_UNIQUE error. */
    create(name: string): ClassSummary {
      const { id } = statements.insert.get(name, timestamp(clock))!;
      return get(id)!;
    },

    /** The class with this name, made if there is none. */
    ensure(name: string): { summary: ClassSummary; created: boolean } {
      const existing = statements.findByName.get(name);
      if (existing !== undefined) return { summary: get(existing)!, created: false };
      return { summary: this.create(name), created: true };
    },

    count(): number {
      return statements.count.get()!;
    },
  };
}

function toSummary(row: ClassRow): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    studentCount: row.student_count,
    planCount: row.plan_count,
    lastEditedAt: row.last_edited_at,
  };
}
