import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassesRepository } from '../../electron/main/db/classes-repository';
import type { Db } from '../../electron/main/db/connection';
import { createStudentsRepository } from '../../electron/main/db/students-repository';
import { ConflictError } from '../../electron/main/services/errors';
import { importRoster, parseRoster, previewRoster } from '../../electron/main/services/roster';
import { MAX_ROSTER_ROWS } from '../../shared/ipc/counselor-contract';
import { openTestDatabase } from './helpers/database';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();

describe('parseRoster', () => {
  it('reads name, student id and class in any order and case, with a BOM and CRLF line ends', () => {
    const csv = '\uFEFFClass,Student ID,Name\r\nPeriod 2,S-1,Ana Ruiz\r\nPeriod 2,,  Ben   Okafor \r\n';
    expect(parseRoster(csv)).toEqual({
      rows: [
        { line: 2, name: 'Ana Ruiz', studentId: 'S-1', className: 'Period 2' },
        { line: 3, name: 'Ben Okafor', className: 'Period 2' },
      ],
      errors: [],
      columns: ['class', 'student id', 'name'],
    });
  });

  it('reports each problem on its own line number, counting blank lines and quoted line breaks', () => {
    const long = 'X'.repeat(101);
    const csv = [
      'name,student id,class', // 1
      'Ana Ruiz,S-1,Period 2', // 2
      '', // 3 (blank: skipped, still counted)
      ',S-2,Period 2', // 4 missing name
      `${long},S-3,Period 2`, // 5 name too long
      'Carla Diaz,s-1,Period 2', // 6 duplicate id (ignoring case)
      '"Dee', // 7 a quoted name with a line break…
      'Lane",S-4,Period 2', // 8 …ends here
      'Eve Stone,S-5,', // 9 missing class
      'Finn Hart,S-6,Period 2,extra', // 10 too many values
      'Gus Lee,S-7,Period 2', // 11 fine
    ].join('\n');
    const { rows, errors } = parseRoster(csv);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'Ana Ruiz'],
      [11, 'Gus Lee'],
    ]);
    expect(errors).toEqual([
      { line: 4, message: 'The name is missing.' },
      { line: 5, message: 'The name is too long (at most 100 characters).' },
      { line: 6, message: 'The student id s-1 is also on line 2.' },
      { line: 7, message: 'The name contains a line break or another control character.' },
      { line: 9, message: 'The class is missing.' },
      {
        line: 10,
        message: 'This line has 4 values but the header has 3 columns (a comma inside a name needs quotes: "Ruiz, Ana").',
      },
    ]);
  });

  it('names unknown columns, and still reads the known ones', () => {
    const { rows, errors, columns } = parseRoster('Name,Email,Class\nAna Ruiz,ana@example.org,P2\n');
    expect(columns).toEqual(['name', 'class']);
    expect(rows).toEqual([{ line: 2, name: 'Ana Ruiz', className: 'P2' }]);
    expect(errors).toEqual([
      {
        line: 1,
        message:
          'The column "Email" is not one Pathway Planner reads (it reads name, student id (optional), class); its values are not imported.',
      },
    ]);
  });

  it('joins first and last name columns, and accepts semicolons (a European Excel)', () => {
    const { rows, errors } = parseRoster('First Name;Last Name;Period\nAna;Ruiz;2\nZoë;O\'Brien;2\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.name, r.className])).toEqual([
      ['Ana Ruiz', '2'],
      ["Zoë O'Brien", '2'],
    ]);
  });

  it('uses the chosen class when there is no class column or the cell is empty', () => {
    expect(parseRoster('name\nAna Ruiz\n').errors).toEqual([
      { line: 1, message: 'There is no "class" column. Add one, or choose the class these students go into.' },
      { line: 2, message: 'The class is missing.' },
    ]);
    expect(parseRoster('name\nAna Ruiz\n', { defaultClass: 'Period 4' })).toEqual({
      rows: [{ line: 2, name: 'Ana Ruiz', className: 'Period 4' }],
      errors: [],
      columns: ['name', 'class'],
    });
  });

  it('flags two students with one name in one class unless both have a student id', () => {
    const twins = parseRoster('name,student id,class\nSam Lee,,P2\nSam Lee,,P2\nSam Lee,,P3\n');
    expect(twins.errors).toEqual([
      { line: 3, message: 'Sam Lee is also on line 2 in P2; give both a student id to tell them apart.' },
    ]);
    const ided = parseRoster('name,student id,class\nSam Lee,1,P2\nSam Lee,2,P2\n');
    expect(ided.errors).toEqual([]);
    expect(ided.rows).toHaveLength(2);
  });

  it('explains an empty file, a file with no header, no name column, and an unclosed quote', () => {
    expect(parseRoster('').errors[0]?.message).toMatch(/^The file is empty/);
    expect(parseRoster(' \n,,\n').errors[0]?.message).toMatch(/^The file has no names in it/);
    expect(parseRoster('Ana Ruiz,S-1,Period 2\n').errors).toEqual([
      {
        line: 1,
        message:
          'The first line must name the columns (name, student id (optional), class); "Ana Ruiz, S-1, Period 2" does not.',
      },
    ]);
    expect(parseRoster('student id,class\n1,P2\n').errors[0]?.message).toBe(
      'There is no "name" column. The header row must name the columns: name, student id (optional), class.',
    );
    expect(parseRoster('name,class\nAna,P2\n"Ben,P2\nCy,P2\n').errors).toEqual([
      { line: 3, message: 'This line has a quote (") that is never closed, so the rest of the file is one cell.' },
    ]);
    expect(parseRoster('name,class\n').errors).toEqual([{ line: 1, message: 'The file has a header row but no students.' }]);
  });

  it(`stops after ${MAX_ROSTER_ROWS} students`, () => {
    const lines = ['name,class', ...Array.from({ length: MAX_ROSTER_ROWS + 5 }, (_, i) => `Student ${i},P1`)];
    const { rows, errors } = parseRoster(lines.join('\n'));
    expect(rows).toHaveLength(MAX_ROSTER_ROWS);
    expect(errors).toEqual([
      {
        line: MAX_ROSTER_ROWS + 2,
        message: `The roster has more than ${MAX_ROSTER_ROWS} students; import it in parts. This line and the rest were not read.`,
      },
    ]);
  });
});

describe('roster preview and import against the database', () => {
  let db: Db;
  let deps: Parameters<typeof previewRoster>[0];

  beforeEach(async () => {
    ({ db } = await openTestDatabase(tempDir()));
    deps = { db, classes: createClassesRepository(db), students: createStudentsRepository(db) };
  });
  afterEach(() => db.close());

  it('previews without writing, imports in one go, and then reports the same roster as already there', () => {
    const csv = 'name,student id,class\nAna Ruiz,S-1,Period 2\nBen Okafor,,period 2\nCarla Diaz,S-3,Period 3\n';
    const preview = previewRoster(deps, { csvText: csv });
    expect(preview.errors).toEqual([]);
    expect(preview.newClasses).toEqual(['Period 2', 'Period 3']);
    expect(deps.classes.list()).toEqual([]);

    const imported = importRoster(deps, preview.rows);
    expect(imported.studentsCreated).toBe(3);
    expect(imported.classes.map((c) => [c.name, c.studentCount])).toEqual([
      ['Period 2', 2],
      ['Period 3', 1],
    ]);

    const again = previewRoster(deps, { csvText: csv });
    expect(again.rows).toEqual([]);
    expect(again.errors).toEqual([
      { line: 2, message: 'Ana Ruiz (S-1) is already in Period 2; not imported again.' },
      {
        line: 3,
        message:
          'Ben Okafor is already in Period 2; not imported again. If this is a different student with the same name, give both a student id.',
      },
      { line: 4, message: 'Carla Diaz (S-3) is already in Period 3; not imported again.' },
    ]);
  });

  it("uses an existing class's spelling and names a student id that belongs to someone else", () => {
    importRoster(deps, [{ line: 2, name: 'Ana Ruiz', studentId: 'S-1', className: 'Period 2' }]);
    const preview = previewRoster(deps, { csvText: 'name,student id,class\nDan Wu,S-1,PERIOD 2\nEd Park,,PERIOD 2\n' });
    expect(preview.errors).toEqual([{ line: 2, message: 'The student id S-1 already belongs to Ana Ruiz in Period 2.' }]);
    expect(preview.rows).toEqual([{ line: 3, name: 'Ed Park', className: 'Period 2' }]);
    expect(preview.newClasses).toEqual([]);
  });

  it('imports nothing when a row no longer passes (the roster changed since the preview)', () => {
    const preview = previewRoster(deps, { csvText: 'name,student id,class\nAna Ruiz,S-1,P2\nBen Okafor,S-2,P2\n' });
    importRoster(deps, [{ line: 9, name: 'Someone Else', studentId: 'S-2', className: 'P9' }]);
    expect(() => importRoster(deps, preview.rows)).toThrow(ConflictError);
    expect(() => importRoster(deps, preview.rows)).toThrow(
      /Nothing was imported: a line has a problem now\. line 3: The student id S-2 already belongs to Someone Else in P9\./,
    );
    expect(deps.students.findByStudentId('S-1')).toBeUndefined();
    expect(deps.classes.findByName('P2')).toBeUndefined();
  });

  it('imports nothing when the rows contradict each other (not from a preview)', () => {
    const rows = [
      { line: 2, name: 'Ana Ruiz', studentId: 'S-1', className: 'P2' },
      { line: 3, name: 'Ben Okafor', studentId: 's-1', className: 'P2' },
    ];
    expect(() => importRoster(deps, rows)).toThrow(/line 3: The student id s-1 is also on line 2\./);
    expect(deps.classes.list()).toEqual([]);
  });
});
