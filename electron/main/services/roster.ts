/**
 * Roster import: a CSV of students (name, optional student id, class) from a spreadsheet or the
 * school's information system.
 *
 * `parseRoster` is pure: it reads the text with papaparse and checks every line on its own and
 * against the others (missing or too-long names, a student id used twice…), naming the line of
 * the file each problem is on — counting the lines a quoted cell spans, so "line 14" is where a
 * spreadsheet or text editor shows it. `checkRosterRows` then checks the rows against the
 * database (a student id already taken, a student already in the class). Nothing is written
 * until `importRoster`, which checks everything again and inserts in one transaction.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  ClassNameSchema,
  MAX_ROSTER_ROWS,
  StudentIdSchema,
  StudentNameSchema,
  type RosterProblemSchema,
  type RosterRowSchema,
} from '../../../shared/ipc/counselor-contract';
import type { ClassesRepository, ClassSummary } from '../db/classes-repository';
import type { Db } from '../db/connection';
import type { StudentsRepository } from '../db/students-repository';
import { ConflictError } from './errors';

export type RosterRow = z.infer<typeof RosterRowSchema>;
export type RosterProblem = z.infer<typeof RosterProblemSchema>;

export interface ParsedRoster {
  rows: RosterRow[];
  errors: RosterProblem[];
  /** The columns recognised, in file order. */
  columns: string[];
}

type Column = 'name' | 'first name' | 'last name' | 'student id' | 'class';

/** Header cells we read, compared after lower-casing and dropping spaces, dashes, dots and underscores. */
const HEADER_ALIASES: Record<string, Column> = {
  name: 'name',
  studentname: 'name',
  fullname: 'name',
  student: 'name',
  firstname: 'first name',
  givenname: 'first name',
  first: 'first name',
  lastname: 'last name',
  surname: 'last name',
  familyname: 'last name',
  last: 'last name',
  studentid: 'student id',
  id: 'student id',
  studentnumber: 'student id',
  studentno: 'student id',
  class: 'class',
  classname: 'class',
  period: 'class',
  section: 'class',
  course: 'class',
  group: 'class',
  homeroom: 'class',
};

const EXPECTED = 'name, student id (optional), class';

const headerKey = (cell: string) => cell.toLowerCase().replace(/[\s_.\-#]/g, '');

/** What a field's schema said, as a sentence part: "name is missing". */
function fieldProblem(schema: z.ZodType, value: string, label: string): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : `${label} ${parsed.error.issues[0]?.message ?? 'is not valid'}`;
}

/** Spaces inside a name collapse to one; a non-breaking space (from a web page) is a space. */
function tidy(text: string | undefined): string {
  return (text ?? '').replace(/[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** 1-based line of `offset`, given the offsets where lines start. */
function lineAt(offset: number, lineStarts: number[]): number {
  // Binary search over the offsets where lines start.
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Parses and checks a roster; the class of a line with none is `defaultClass` (if given). */
export function parseRoster(csvText: string, options: { defaultClass?: string } = {}): ParsedRoster {
  // A byte-order mark (Excel adds one) is not part of the first column's name.
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const errors: RosterProblem[] = [];
  const fail = (line: number, message: string) => errors.push({ line, message });
  if (text.trim() === '') {
    fail(1, `The file is empty. A roster has a header row (${EXPECTED}) and one line per student.`);
    return { rows: [], errors, columns: [] };
  }

  const lineStarts = lineStartsOf(text);
  const records: Array<{ cells: string[]; line: number; problem?: string }> = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    step(result) {
      const end = result.meta.cursor;
      // The row starts where the previous one ended; leading line breaks belong to blank lines.
      let from = start;
      while (from < end && (text[from] === '\n' || text[from] === '\r')) from += 1;
      const line = lineAt(from, lineStarts);
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      records.push({
        cells: result.data,
        line,
        problem: quoteError ? 'has a quote (") that is never closed, so the rest of the file is one cell' : undefined,
      });
      start = end;
    },
  });

  const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
  const headerIndex = records.findIndex((r) => !isBlank(r.cells));
  const header = records[headerIndex];
  if (!header) {
    fail(1, `The file has no names in it. A roster has a header row (${EXPECTED}) and one line per student.`);
    return { rows: [], errors, columns: [] };
  }

  // Which column is which.
  const positions = new Map<Column, number>();
  const unknown: string[] = [];
  header.cells.forEach((cell, index) => {
    const label = tidy(cell);
    if (label === '') return;
    const column = HEADER_ALIASES[headerKey(label)];
    if (!column) {
      unknown.push(label);
    } else if (positions.has(column)) {
      fail(header.line, `The column "${column}" appears twice in the header row; keep one.`);
    } else {
      positions.set(column, index);
    }
  });
  const hasName = positions.has('name') || positions.has('first name') || positions.has('last name');
  if (!hasName) {
    const looksLikeData = positions.size === 0;
    fail(
      header.line,
      looksLikeData
        ? `The first line must name the columns (${EXPECTED}); "${header.cells.map(tidy).join(', ')}" does not.`
        : `There is no "name" column. The header row must name the columns: ${EXPECTED}.`,
    );
    return { rows: [], errors, columns: [...positions.keys()] };
  }
  for (const label of unknown) {
    fail(
      header.line,
      `The column "${label}" is not one Pathway Planner reads (it reads ${EXPECTED}); its values are not imported.`,
    );
  }
  if (!positions.has('class') && !options.defaultClass) {
    fail(header.line, 'There is no "class" column. Add one, or choose the class these students go into.');
  }
  if (header.problem) fail(header.line, `This line ${header.problem}.`);

  const width = header.cells.length;
  const cell = (cells: string[], column: Column) => {
    const at = positions.get(column);
    return at === undefined ? undefined : cells[at];
  };

  const rows: RosterRow[] = [];
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, { line: number; hasId: boolean }>();
  let students = 0;
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    const { line } = record;
    students += 1;
    if (students > MAX_ROSTER_ROWS) {
      fail(line, `The roster has more than ${MAX_ROSTER_ROWS} students; import it in parts. This line and the rest were not read.`);
      break;
    }
    if (record.problem) {
      fail(line, `This line ${record.problem}.`);
      continue;
    }
    const extra = record.cells.slice(width).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      fail(line, `This line has ${record.cells.length} values but the header has ${width} columns (a comma inside a name needs quotes: "Ruiz, Ana").`);
      continue;
    }

    const rawName = positions.has('name')
      ? (cell(record.cells, 'name') ?? '')
      : `${cell(record.cells, 'first name') ?? ''} ${cell(record.cells, 'last name') ?? ''}`;
    const name = tidy(rawName);
    const studentId = tidy(cell(record.cells, 'student id')) || undefined;
    const className = tidy(cell(record.cells, 'class')) || tidy(options.defaultClass);

    const problems = [
      fieldProblem(StudentNameSchema, name, 'the name'),
      studentId === undefined ? undefined : fieldProblem(StudentIdSchema, studentId, 'the student id'),
      className === '' ? 'the class is missing' : fieldProblem(ClassNameSchema, className, 'the class name'),
    ].filter((p): p is string => p !== undefined);

    if (studentId !== undefined && problems.length === 0) {
      const key = studentId.toLowerCase();
      const earlier = seenIds.get(key);
      if (earlier !== undefined) problems.push(`the student id ${studentId} is also on line ${earlier}`);
      else seenIds.set(key, line);
    }
    if (problems.length === 0) {
      const key = `${className.toLowerCase()}\u0000${name.toLowerCase()}`;
      const earlier = seenNames.get(key);
      if (earlier && !(earlier.hasId && studentId !== undefined)) {
        problems.push(
          `${name} is also on line ${earlier.line} in ${className}; give both a student id to tell them apart`,
        );
      } else if (!earlier) {
        seenNames.set(key, { line, hasId: studentId !== undefined });
      }
    }

    if (problems.length > 0) {
      fail(line, capitalize(`${problems.join('; ')}.`));
      continue;
    }
    rows.push({ line, name, ...(studentId === undefined ? {} : { studentId }), className });
  }

  if (rows.length === 0 && errors.length === 0) {
    fail(header.line, 'The file has a header row but no students.');
  }
  const columns = [...positions.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column);
  if (!positions.has('class') && options.defaultClass) columns.push('class');
  return { rows, errors: errors.sort((a, b) => a.line - b.line), columns };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RosterDeps {
  db: Db;
  classes: ClassesRepository;
  students: StudentsRepository;
}

/**
 * Checks rows against what is already on this computer: a student id that belongs to someone,
 * a student already in the class. Rows keep the class's stored spelling ("period 2" →
 * "Period 2"). Returns the rows that can be imported and a problem for each that cannot.
 */
export function checkRosterRows(
  deps: RosterDeps,
  rows: readonly RosterRow[],
): { rows: RosterRow[]; errors: RosterProblem[]; newClasses: string[] } {
  const errors: RosterProblem[] = [];
  const clean: RosterRow[] = [];
  const newClasses = new Map<string, string>();
  const classes = new Map<string, ClassSummary | undefined>();
  const classOf = (name: string) => {
    const key = name.toLowerCase();
    if (!classes.has(key)) classes.set(key, deps.classes.findByName(name));
    return classes.get(key);
  };

  for (const row of rows) {
    const existingClass = classOf(row.className);
    const className = existingClass?.name ?? row.className;
    if (row.studentId !== undefined) {
      const holder = deps.students.findByStudentId(row.studentId);
      if (holder) {
        const same = holder.name.toLowerCase() === row.name.toLowerCase() && holder.classId === existingClass?.id;
        errors.push({
          line: row.line,
          message: same
            ? `${holder.name} (${row.studentId}) is already in ${holder.className}; not imported again.`
            : `The student id ${row.studentId} already belongs to ${holder.name} in ${holder.className}.`,
        });
        continue;
      }
    }
    if (existingClass) {
      const namesakes = deps.students.findByName(existingClass.id, row.name);
      const clash = namesakes.find((s) => s.studentId === null || row.studentId === undefined);
      if (clash) {
        errors.push({
          line: row.line,
          message:
            `${clash.name} is already in ${existingClass.name}; not imported again. ` +
            `If this is a different student with the same name, give both a student id.`,
        });
        continue;
      }
    } else if (!newClasses.has(row.className.toLowerCase())) {
      newClasses.set(row.className.toLowerCase(), row.className);
    }
    clean.push({ ...row, className });
  }
  return { rows: clean, errors, newClasses: [...newClasses.values()] };
}

export function previewRoster(deps: RosterDeps, input: { csvText: string; defaultClass?: string }) {
  const parsed = parseRoster(input.csvText, { defaultClass: input.defaultClass });
  const checked = checkRosterRows(deps, parsed.rows);
  return {
    rows: checked.rows,
    errors: [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line),
    newClasses: checked.newClasses,
    columns: parsed.columns,
  };
}

/**
 * Imports rows in one transaction: all of them or, if any fails a check (the roster changed
 * since the preview, or the rows were not from a preview), none — with the problems named.
 */
export function importRoster(deps: RosterDeps, rows: readonly RosterRow[]) {
  return deps.db.transaction(() => {
    const withinFile = crossCheck(rows);
    const checked = checkRosterRows(deps, rows);
    const problems = [...withinFile, ...checked.errors].sort((a, b) => a.line - b.line);
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`);
      const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
      throw new ConflictError(
        `Nothing was imported: ${problems.length === 1 ? 'a line has' : `${problems.length} lines have`} a problem now. ` +
          `${shown.join(' ')}${more} Check the file again.`,
      );
    }
    const touched = new Map<number, string>();
    for (const row of checked.rows) {
      const { summary } = deps.classes.ensure(row.className);
      deps.students.create({ classId: summary.id, name: row.name, studentId: row.studentId });
      touched.set(summary.id, summary.name);
    }
    return {
      studentsCreated: checked.rows.length,
      classes: [...touched.keys()].map((id) => deps.classes.get(id)!),
    };
  })();
}

/** The checks `parseRoster` makes across lines, for rows that did not come from it. */
function crossCheck(rows: readonly RosterRow[]): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, { line: number; hasId: boolean }>();
  for (const row of rows) {
    if (row.studentId !== undefined) {
      const earlier = ids.get(row.studentId.toLowerCase());
      if (earlier !== undefined) {
        problems.push({ line: row.line, message: `The student id ${row.studentId} is also on line ${earlier}.` });
        continue;
      }
      ids.set(row.studentId.toLowerCase(), row.line);
    }
    const key = `${row.className.toLowerCase()}\u0000${row.name.toLowerCase()}`;
    const earlier = names.get(key);
    if (earlier && !(earlier.hasId && row.studentId !== undefined)) {
      problems.push({ line: row.line, message: `${row.name} is also on line ${earlier.line} in ${row.className}.` });
      continue;
    }
    if (!earlier) names.set(key, { line: row.line, hasId: row.studentId !== undefined });
  }
  return problems;
}
