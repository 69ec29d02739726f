/**
 * Every migration, in order. Add a new file `NNN-what-it-does.ts` and append it here; never
 * edit one that has shipped. Kept as TypeScript strings (not .sql files) so the bundled main
 * process and vitest load them the same way, with no loader configuration.
 */
import { initial } from './001-initial';
import { classesAndStudents } from './002-classes-and-students';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initial, classesAndStudents];
