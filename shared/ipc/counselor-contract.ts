/**
 * Counselor and computer-lab mode's IPC channels: classes and students, roster import, batch
 * PDF export and the end-of-session wipe. Spread into `ipcContract` (contract.ts), so the
 * preload, the handlers and the renderer see one contract.
 *
 * Paths never travel from the renderer to main: a folder is chosen in main (a native dialog)
 * and only reported back, so a compromised page cannot make the app write anywhere it likes.
 */
import { z } from 'zod';
import { nameSchema } from '../text/names';

export const MAX_STUDENT_NAME = 100;
export const MAX_CLASS_NAME = 80;
export const MAX_STUDENT_ID = 40;
/** One roster import: a class of 30, a grade of a few hundred. */
export const MAX_ROSTER_ROWS = 2000;
/** About 2,000 lines of a few columns, with room to spare. */
export const MAX_ROSTER_CSV_CHARS = 1_000_000;

const id = z.number().int().positive();
const oneLine = 'contains a line break or another control character';

export const StudentNameSchema = nameSchema({
  max: MAX_STUDENT_NAME,
  empty: 'is missing',
  tooLong: `is too long (at most ${MAX_STUDENT_NAME} characters)`,
  control: oneLine,
});

export const ClassNameSchema = nameSchema({
  max: MAX_CLASS_NAME,
  empty: 'is missing',
  tooLong: `is too long (at most ${MAX_CLASS_NAME} characters)`,
  control: oneLine,
});

export const StudentIdSchema = nameSchema({
  max: MAX_STUDENT_ID,
  empty: 'is empty',
  tooLong: `is too long (at most ${MAX_STUDENT_ID} characters)`,
  control: oneLine,
});

export const ClassSummarySchema = z.strictObject({
  id,
  name: z.string(),
  studentCount: z.number().int().nonnegative(),
  planCount: z.number().int().nonnegative(),
  /** The newest change to any of the class's plans; null when nobody has a plan yet. */
  lastEditedAt: z.string().nullable(),
});

/**
 * A plan as the class view lists it. Read from the stored document without validating it (a
 * listing); opening or exporting the plan validates it as always.
 */
export const StudentPlanSchema = z.strictObject({
  id,
  name: z.string(),
  startRole: z.string().nullable(),
  startYear: z.number().int().nullable(),
  years: z.number().int().nullable(),
  updatedAt: z.string(),
});

export const StudentSchema = z.strictObject({
  /** The student's profile id: what `plans:list` and `plans:create` take as `profileId`. */
  id,
  name: z.string(),
  studentId: z.string().nullable(),
  classId: id,
  className: z.string(),
  planCount: z.number().int().nonnegative(),
  lastEditedAt: z.string().nullable(),
  /** Live plans (not in the bin), most recently changed first. */
  plans: z.array(StudentPlanSchema),
});

export const RosterRowSchema = z.strictObject({
  /** The line of the CSV file the row came from (1 is the header). */
  line: z.number().int().min(2),
  name: StudentNameSchema,
  studentId: StudentIdSchema.optional(),
  className: ClassNameSchema,
});

export const RosterProblemSchema = z.strictObject({
  /** 1-based line in the file; 1 is the header row. */
  line: z.number().int().positive(),
  message: z.string(),
});

/** A single job's state, polled while it runs. */
export const BatchStatusSchema = z.strictObject({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  layout: z.enum(['per-student', 'combined']),
  /** Per student: the folder the PDFs go in. Combined: the PDF file itself. */
  folder: z.string(),
  /** Plans printed so far (written or failed), out of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The student being printed now. */
  current: z.string().nullable(),
  written: z.array(
    z.strictObject({ file: z.string(), fileName: z.string(), students: z.array(z.string()), plans: z.number().int() }),
  ),
  failed: z.array(z.strictObject({ student: z.string(), plan: z.string(), message: z.string() })),
  /** Students with no plan: nothing to print for them. */
  skipped: z.array(z.string()),
  /** Set when the whole job stopped on an error (state 'failed'). */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const WipeCountsSchema = z.strictObject({
  classes: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
  /** Live plans of every profile (students and "My plans"); each is exported first. */
  plans: z.number().int().nonnegative(),
  /** Plans in the bin: removed, not exported. */
  plansInBin: z.number().int().nonnegative(),
  backups: z.number().int().nonnegative(),
});

const chosenFolder = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('cancelled') }),
    z.strictObject({ status: z.literal('chosen'), ...shape }),
  ]);

export const counselorContract = {
  /** Every class with its counts, by name. */
  'classes:list': { input: z.strictObject({}), output: z.array(ClassSummarySchema) },
  'classes:create': { input: z.strictObject({ name: ClassNameSchema }), output: ClassSummarySchema },
  /** The class view's one call: the class and its students, each with their plans. */
  'classes:students': {
    input: z.strictObject({ classId: id }),
    output: z.strictObject({ class: ClassSummarySchema, students: z.array(StudentSchema) }),
  },
  'students:create': {
    input: z.strictObject({ classId: id, name: StudentNameSchema, studentId: StudentIdSchema.optional() }),
    output: StudentSchema,
  },
  /**
   * Removes the student and all their plans from the database for good (not the bin), and
   * overwrites the freed bytes. Backups taken earlier still hold them until rotated out.
   */
  'students:delete': {
    input: z.strictObject({ id }),
    output: z.strictObject({ id, name: z.string(), plansDeleted: z.number().int().nonnegative() }),
  },
  /** Parses a roster CSV and checks every line; imports nothing. */
  'roster:preview': {
    input: z.strictObject({
      csvText: z.string().max(MAX_ROSTER_CSV_CHARS, 'is too large for a roster (at most 1,000,000 characters)'),
      /** The class for lines with no class column or an empty class cell. */
      defaultClass: ClassNameSchema.optional(),
    }),
    output: z.strictObject({
      rows: z.array(RosterRowSchema),
      errors: z.array(RosterProblemSchema),
      /** Classes that importing the rows would create. */
      newClasses: z.array(z.string()),
      /** The columns recognised, in file order, e.g. ["name", "student id", "class"]. */
      columns: z.array(z.string()),
    }),
  },
  /** Imports rows a preview passed; checked again here, all in one transaction or nothing. */
  'roster:import': {
    input: z.strictObject({ rows: z.array(RosterRowSchema).min(1, 'must have at least one student').max(MAX_ROSTER_ROWS) }),
    output: z.strictObject({
      studentsCreated: z.number().int().nonnegative(),
      classes: z.array(ClassSummarySchema),
    }),
  },
  /** Asks where to write, then starts printing the class's plans; poll `batch:status`. */
  'batch:start': {
    input: z.strictObject({
      classId: id,
      layout: z.enum(['per-student', 'combined']),
      paper: z.enum(['letter', 'a4']).optional(),
    }),
    output: chosenFolder({ jobId: z.string(), folder: z.string(), total: z.number().int().nonnegative() }),
  },
  'batch:status': { input: z.strictObject({ jobId: z.string().max(100) }), output: BatchStatusSchema },
  /** Stops after the plan being printed; files already written stay. */
  'batch:cancel': { input: z.strictObject({ jobId: z.string().max(100) }), output: BatchStatusSchema },
  /**
   * End of session, step 1: asks for the folder the plans go to, and counts what would be
   * removed. Nothing is written or removed yet.
   */
  'session:prepareEnd': {
    input: z.strictObject({}),
    output: chosenFolder({
      token: z.string(),
      folder: z.string(),
      dataDir: z.string(),
      counts: WipeCountsSchema,
    }),
  },
  /**
   * Step 2, after the counselor confirmed: writes one `.pathway.json` per student (and one for
   * "My plans"), checks each file reads back, and only then removes every class, student, plan
   * and backup from this computer.
   */
  'session:end': {
    input: z.strictObject({ token: z.string().max(100) }),
    output: z.strictObject({
      folder: z.string(),
      files: z.array(z.strictObject({ fileName: z.string(), plans: z.number().int().nonnegative() })),
      removed: WipeCountsSchema,
    }),
  },
} as const;

export type CounselorContract = typeof counselorContract;
export type CounselorChannel = keyof CounselorContract;
