/**
 * Class and student use cases over the repositories: the class view's data, adding a class or a
 * student by hand, and deleting a student for good. Inputs arrive validated by the contract.
 */
import type { ClassesRepository, ClassSummary } from '../db/classes-repository';
import type { StudentsRepository, Student } from '../db/students-repository';
import { ConflictError, NotFoundError } from './errors';

export type ClassesService = ReturnType<typeof createClassesService>;

export function createClassesService(deps: { classes: ClassesRepository; students: StudentsRepository }) {
  const { classes, students } = deps;

  const classOrThrow = (id: number): ClassSummary => {
    const found = classes.get(id);
    if (!found) throw new NotFoundError(`Class ${id} was not found. It may have been removed at the end of a session.`);
    return found;
  };

  return {
    list(): ClassSummary[] {
      return classes.list();
    },

    create(input: { name: string }): ClassSummary {
      const existing = classes.findByName(input.name);
      if (existing) throw new ConflictError(`There is already a class called "${existing.name}".`);
      return classes.create(input.name);
    },

    /** The class view: the class and its students, each with their plans. */
    roster(input: { classId: number }): { class: ClassSummary; students: Student[] } {
      return { class: classOrThrow(input.classId), students: students.listByClass(input.classId) };
    },

    addStudent(input: { classId: number; name: string; studentId?: string }): Student {
      const target = classOrThrow(input.classId);
      if (input.studentId !== undefined) {
        const holder = students.findByStudentId(input.studentId);
        if (holder) {
          throw new ConflictError(`The student id ${input.studentId} already belongs to ${holder.name} in ${holder.className}.`);
        }
      }
      const namesake = students
        .findByName(target.id, input.name)
        .find((s) => s.studentId === null || input.studentId === undefined);
      if (namesake) {
        throw new ConflictError(
          `${namesake.name} is already in ${target.name}. If this is a different student with the same name, give both a student id.`,
        );
      }
      return students.create({ classId: target.id, name: input.name, studentId: input.studentId });
    },

    /** Deletes the student and all their plans from the database for good (not the bin). */
    deleteStudent(input: { id: number }): { id: number; name: string; plansDeleted: number } {
      const removed = students.deleteForGood(input.id);
      if (!removed) throw new NotFoundError(`Student ${input.id} was not found. They may have been deleted already.`);
      return { id: input.id, ...removed };
    },
  };
}
