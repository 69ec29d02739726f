import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassesRepository } from '../../electron/main/db/classes-repository';
import type { Db } from '../../electron/main/db/connection';
import { openConnection } from '../../electron/main/db/connection';
import { migrate, userVersion } from '../../electron/main/db/migrate';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { createPlansRepository } from '../../electron/main/db/plans-repository';
import { createProfilesRepository } from '../../electron/main/db/profiles-repository';
import { createStudentsRepository } from '../../electron/main/db/students-repository';
import { createPlansService } from '../../electron/main/services/plans-service';
import { openTestDatabase } from './helpers/database';
import { samplePlan } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
let now = Date.UTC(2026, 8, 1, 9, 0, 0);
const clock = () => new Date(now);
let db: Db;

beforeEach(async () => {
  now = Date.UTC(2026, 8, 1, 9, 0, 0);
  ({ db } = await openTestDatabase(tempDir(), clock));
});
afterEach(() => db.close());

describe('migration 2: classes and students', () => {
  it('upgrades a version-1 database with plans, keeping them on the default profile', () => {
    const file = join(tempDir(), 'v1.sqlite');
    const old = openConnection(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    createPlansRepository(old).create(1, samplePlan({ name: 'Kept' }));
    expect(userVersion(old)).toBe(1);

    const report = migrate(old);
    expect(report.applied).toEqual(['002-classes-and-students']);
    expect(old.prepare('SELECT id, name, is_default, class_id, student_id FROM profiles').all()).toEqual([
      { id: 1, name: 'My plans', is_default: 1, class_id: null, student_id: null },
    ]);
    expect(createPlansRepository(old).list(1).map((p) => p.name)).toEqual(['Kept']);
    old.close();
  });

  it('refuses a student id used twice (ignoring case), a class name used twice, and a missing class', () => {
    const classes = createClassesRepository(db, clock);
    const students = createStudentsRepository(db, clock);
    const period2 = classes.create('Period 2');
    students.create({ classId: period2.id, name: 'Ana Ruiz', studentId: 'S-1' });
    expect(() => students.create({ classId: period2.id, name: 'Other', studentId: 's-1' })).toThrow(/UNIQUE/);
    expect(() => classes.create('period 2')).toThrow(/UNIQUE/);
    expect(() => students.create({ classId: 999, name: 'Nobody' })).toThrow(/FOREIGN KEY/);
  });
});

describe('classes and students repositories', () => {
  it('lists classes with counts and the last edit of live plans only', () => {
    const classes = createClassesRepository(db, clock);
    const students = createStudentsRepository(db, clock);
    const plans = createPlansRepository(db, clock);
    const a = classes.create('Period 2');
    const b = classes.create('Health Careers A');
    const ana = students.create({ classId: a.id, name: 'Ana Ruiz', studentId: 'S-1' });
    students.create({ classId: a.id, name: 'Ben Okafor' });
    plans.create(ana.id, samplePlan({ name: 'One' }));
    now += 60_000;
    const second = plans.create(ana.id, samplePlan({ name: 'Two' }));
    now += 60_000;
    const binned = plans.create(ana.id, samplePlan({ name: 'Binned' }));
    plans.softDelete(binned.id);

    expect(classes.list()).toEqual([
      { id: b.id, name: 'Health Careers A', studentCount: 0, planCount: 0, lastEditedAt: null },
      { id: a.id, name: 'Period 2', studentCount: 2, planCount: 2, lastEditedAt: second.updatedAt },
    ]);
    expect(classes.findByName('PERIOD 2')?.id).toBe(a.id);
    expect(classes.ensure('period 2')).toMatchObject({ created: false, summary: { id: a.id } });
    expect(classes.ensure('Period 3')).toMatchObject({ created: true, summary: { name: 'Period 3' } });

    const listed = students.listByClass(a.id);
    expect(listed.map((s) => [s.name, s.studentId, s.planCount, s.className])).toEqual([
      ['Ana Ruiz', 'S-1', 2, 'Period 2'],
      ['Ben Okafor', null, 0, 'Period 2'],
    ]);
    expect(listed[0]!.plans.map((p) => p.name)).toEqual(['Two', 'One']);
    expect(listed[0]!.plans[0]).toEqual({
      id: second.id,
      name: 'Two',
      startRole: 'medical-assistant',
      startYear: 2026,
      years: 10,
      updatedAt: second.updatedAt,
    });
    expect(listed[0]!.lastEditedAt).toBe(second.updatedAt);
    expect(students.findByStudentId('s-1')?.name).toBe('Ana Ruiz');
    expect(students.findByName(a.id, 'ana ruiz').map((s) => s.id)).toEqual([ana.id]);
    // "My plans" is not a student.
    expect(students.record(1)).toBeUndefined();
  });

  it("keeps each student's plans to themselves, through the plans service as the IPC layer uses it", () => {
    const classes = createClassesRepository(db, clock);
    const students = createStudentsRepository(db, clock);
    const profiles = createProfilesRepository(db, clock);
    const service = createPlansService({ plans: createPlansRepository(db, clock), profiles });
    const period = classes.create('Period 2');
    const ana = students.create({ classId: period.id, name: 'Ana Ruiz' });
    const ben = students.create({ classId: period.id, name: 'Ben Okafor' });
    service.create({ profileId: ana.id, plan: samplePlan({ name: "Ana's plan" }) });
    service.create({ profileId: ben.id, plan: samplePlan({ name: "Ben's plan" }) });
    service.create({ plan: samplePlan({ name: 'Counselor demo' }) });

    expect(service.list({ profileId: ana.id }).map((p) => p.name)).toEqual(["Ana's plan"]);
    expect(service.list({ profileId: ben.id }).map((p) => p.name)).toEqual(["Ben's plan"]);
    expect(service.list({}).map((p) => p.name)).toEqual(['Counselor demo']);
    const listed = students.listByClass(period.id);
    expect(listed.map((s) => s.plans.map((p) => p.name))).toEqual([["Ana's plan"], ["Ben's plan"]]);
  });

  it('deleteForGood removes the student and every plan, bin included, and refuses "My plans"', () => {
    const classes = createClassesRepository(db, clock);
    const students = createStudentsRepository(db, clock);
    const plans = createPlansRepository(db, clock);
    const period = classes.create('Period 2');
    const ana = students.create({ classId: period.id, name: 'Ana Ruiz' });
    plans.create(ana.id, samplePlan());
    plans.softDelete(plans.create(ana.id, samplePlan({ name: 'In the bin' })).id);
    plans.create(1, samplePlan({ name: 'Mine' }));

    expect(students.deleteForGood(ana.id)).toEqual({ name: 'Ana Ruiz', plansDeleted: 2 });
    expect(students.deleteForGood(ana.id)).toBeUndefined();
    expect(students.deleteForGood(1)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM profiles').get()).toEqual({ n: 1 });
    // secure_delete is back to what it was.
    expect(db.pragma('secure_delete', { simple: true })).toBe(0);
  });

  it('removeEverything leaves "My plans" alone and empty, and the file holds nothing of the rest', () => {
    const classes = createClassesRepository(db, clock);
    const students = createStudentsRepository(db, clock);
    const plans = createPlansRepository(db, clock);
    const period = classes.create('Zanzibar Period');
    const ana = students.create({ classId: period.id, name: 'Quillon Marchbanks', studentId: 'QX-9917' });
    plans.create(ana.id, samplePlan({ name: 'Quillon plan' }));
    plans.create(1, samplePlan({ name: 'Counselor demo plan' }));

    expect(students.removeEverything()).toEqual({ classes: 1, students: 1, plans: 2, plansInBin: 0 });
    expect(students.counts()).toEqual({ classes: 0, students: 0, plans: 0, plansInBin: 0 });
    expect(createProfilesRepository(db).list()).toEqual([{ id: 1, name: 'My plans', isDefault: true }]);
    // The raw bytes on disk: the database file and its write-ahead log.
    const bytes = Buffer.concat([db.name, `${db.name}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    for (const text of ['Quillon', 'QX-9917', 'Zanzibar', 'Counselor demo plan']) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
    }
  });
});
