import type { Migration } from './migration';

/**
 * Counselor mode: students are profiles grouped in classes.
 *
 * A class is a name ("Period 2 — Health Careers"), unique ignoring case so a roster that says
 * "period 2" lands in "Period 2". A profile gets an optional class and an optional student id
 * (the school's own identifier, free text). A student id is unique on the machine: one person,
 * one profile. The default profile ("My plans") never has a class.
 *
 * Deleting a class that still has students is refused (no ON DELETE action): removing students
 * is always an explicit, counted operation (delete student, end of session).
 */
export const classesAndStudents: Migration = {
  version: 2,
  name: 'classes-and-students',
  sql: /* sql */ `
    CREATE TABLE classes (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      name        TEXT    NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 80),
      created_at  TEXT    NOT NULL
    ) STRICT;

    CREATE UNIQUE INDEX classes_by_name ON classes (name COLLATE NOCASE);

    ALTER TABLE profiles ADD COLUMN class_id INTEGER REFERENCES classes (id);
    ALTER TABLE profiles ADD COLUMN student_id TEXT CHECK (student_id IS NULL OR length(trim(student_id)) > 0);

    -- The class view: the students of one class.
    CREATE INDEX profiles_by_class ON profiles (class_id) WHERE class_id IS NOT NULL;
    -- One profile per student id (compared ignoring case: "s-0042" is "S-0042").
    CREATE UNIQUE INDEX profiles_by_student_id ON profiles (student_id COLLATE NOCASE)
      WHERE student_id IS NOT NULL;
  `,
};
