/**
 * The counselor channels through the real IPC handlers and a real database: classes and
 * students, isolation of each student's plans, deleting a student for real (the file's bytes
 * are checked), batch export (with a stand-in printer) and the end of a session.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/main/db/connection';
import type { RenderPdf } from '../../electron/main/files/platform';
import { createIpcHandlers, type Invoke } from '../../electron/main/ipc/handlers';
import { createCounselorHandlers } from '../../electron/main/services/classes-handlers';
import { ipcContract, type Channel, type ChannelOutput } from '../../shared/ipc/contract';
import { PlanFileSchema } from '../../shared/plan/schema';
import { openTestDatabase } from './helpers/database';
import { fakeDialogs, type FakeDialogs } from './helpers/fake-dialogs';
import { samplePlan, tinyPack } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';
import { tinyPdf } from './counselor-pdf-fixture';

const tempDir = useTempDirs();

function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

let db: Db;
let file: string;
let dataDir: string;
let dialogs: FakeDialogs;
let invoke: Invoke;
/** What the stand-in printer was asked to print. */
let printed: string[];
let renderPdf: RenderPdf;

async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return ipcContract[channel].output.parse(result.value) as ChannelOutput<C>;
}

async function failure(channel: Channel, input: unknown) {
  const result = await invoke(channel, input);
  if (result.ok) throw new Error(`expected ${channel} to fail`);
  return result.error;
}

/** How often the print page was told to drop the reports it holds (at the end of a session). */
let forgotten = 0;

beforeEach(async () => {
  dataDir = tempDir();
  ({ db, file } = await openTestDatabase(dataDir));
  dialogs = fakeDialogs();
  printed = [];
  forgotten = 0;
  renderPdf = async (route) => {
    printed.push(route);
    const query = new URLSearchParams(route.split('?')[1]);
    return tinyPdf(`Report of plan ${query.get('planId')} for ${query.get('student')}`);
  };
  ({ invoke } = createIpcHandlers({
    db,
    dataPack: tinyPack(),
    appInfo: { version: 'test', dataDir, databaseFile: file },
    platform: {
      dialogs,
      renderPdf: (route, options) => renderPdf(route, options),
      forgetReports: () => forgotten++,
    },
  }));
});
afterEach(() => {
  if (db.open) db.close();
});

async function seedClass(name = 'Period 2', students = ['Ana Ruiz', 'Ben Okafor', 'Carla Díaz']) {
  const group = await ok('classes:create', { name });
  const made = [];
  for (const [i, student] of students.entries()) {
    made.push(await ok('students:create', { classId: group.id, name: student, studentId: `S-${i + 1}` }));
  }
  return { group, students: made };
}

describe('classes and students over IPC', () => {
  it('creates, lists and refuses duplicates with a sentence', async () => {
    const { group, students } = await seedClass();
    expect(await ok('classes:list', {})).toEqual([
      { id: group.id, name: 'Period 2', studentCount: 3, planCount: 0, lastEditedAt: null },
    ]);
    expect(await failure('classes:create', { name: ' period 2 ' })).toEqual({
      code: 'conflict',
      message: 'There is already a class called "Period 2".',
    });
    expect(await failure('students:create', { classId: group.id, name: 'Dee', studentId: 's-1' })).toMatchObject({
      code: 'conflict',
      message: 'The student id s-1 already belongs to Ana Ruiz in Period 2.',
    });
    expect(await failure('students:create', { classId: 99, name: 'Dee' })).toMatchObject({ code: 'not_found' });
    expect(await failure('students:create', { classId: group.id, name: 'x'.repeat(101) })).toMatchObject({
      code: 'invalid_input',
      path: '$.name',
    });
    const roster = await ok('classes:students', { classId: group.id });
    expect(roster.students.map((s) => s.name)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Díaz']);
    expect(roster.students[0]).toEqual({ ...students[0], plans: [] });
  });

  it("never shows one student's plans under another, nor under My plans", async () => {
    const { group, students } = await seedClass();
    const [ana, ben] = students;
    await ok('plans:create', { profileId: ana!.id, plan: samplePlan({ name: 'Ana A' }) });
    await ok('plans:create', { profileId: ana!.id, plan: samplePlan({ name: 'Ana B' }) });
    await ok('plans:create', { profileId: ben!.id, plan: samplePlan({ name: 'Ben A' }) });
    await ok('plans:create', { plan: samplePlan({ name: 'Mine' }) });
    const names = async (profileId?: number) =>
      (await ok('plans:list', profileId === undefined ? {} : { profileId })).map((p) => p.name).sort();
    expect(await names(ana!.id)).toEqual(['Ana A', 'Ana B']);
    expect(await names(ben!.id)).toEqual(['Ben A']);
    expect(await names(students[2]!.id)).toEqual([]);
    expect(await names()).toEqual(['Mine']);
    const roster = await ok('classes:students', { classId: group.id });
    expect(roster.students.map((s) => s.plans.map((p) => p.name).sort())).toEqual([['Ana A', 'Ana B'], ['Ben A'], []]);
    // A duplicate stays with its student.
    const copy = await ok('plans:duplicate', { id: (await ok('plans:list', { profileId: ben!.id }))[0]!.id });
    expect(copy.profileId).toBe(ben!.id);
  });
});

describe('students:delete', () => {
  it('removes the student and all their plans from the database file for real', async () => {
    const { group, students } = await seedClass('Period 7', ['Ana Ruiz', 'Xanthippe Quarmby']);
    const victim = students[1]!;
    const plan = await ok('plans:create', {
      profileId: victim.id,
      plan: samplePlan({ name: 'Quarmby pathway to coordinator', studentName: 'Xanthippe Quarmby' }),
    });
    await ok('plans:create', { profileId: victim.id, plan: samplePlan({ name: 'Second Quarmby idea' }) });
    // One in the bin too: "delete" must not leave it restorable.
    await ok('plans:delete', { id: plan.id });
    const bytesOf = () =>
      Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    expect(bytesOf().includes(Buffer.from('Quarmby'))).toBe(true);

    expect(await ok('students:delete', { id: victim.id })).toEqual({
      id: victim.id,
      name: 'Xanthippe Quarmby',
      plansDeleted: 2,
    });
    expect(await failure('plans:restore', { id: plan.id })).toMatchObject({ code: 'not_found' });
    expect(await failure('plans:list', { profileId: victim.id })).toMatchObject({ code: 'not_found' });
    expect(await failure('students:delete', { id: victim.id })).toMatchObject({ code: 'not_found' });
    expect(await failure('students:delete', { id: 1 })).toMatchObject({ code: 'not_found' });
    expect((await ok('classes:students', { classId: group.id })).students.map((s) => s.name)).toEqual(['Ana Ruiz']);

    // Neither the database file nor its write-ahead log holds a byte of them any more.
    const bytes = bytesOf();
    for (const text of ['Quarmby', 'Xanthippe', 'coordinator']) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    expect(bytes.includes(Buffer.from('Ana Ruiz'))).toBe(true);
    db.close();
    const closed = readFileSync(file);
    expect(closed.includes(Buffer.from('Quarmby'))).toBe(false);
  });
});

describe('roster over IPC', () => {
  it('previews (nothing written) and imports, and refuses rows that no longer pass', async () => {
    const preview = await ok('roster:preview', {
      csvText: 'name,student id,class\nAna Ruiz,S-1,Period 2\n,S-2,Period 2\nBen Okafor,S-3,Period 2\n',
    });
    expect(preview.rows.map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(preview.errors).toEqual([{ line: 3, message: 'The name is missing.' }]);
    expect(await ok('classes:list', {})).toEqual([]);
    const imported = await ok('roster:import', { rows: preview.rows });
    expect(imported).toMatchObject({ studentsCreated: 2, classes: [{ name: 'Period 2', studentCount: 2 }] });
    expect(await failure('roster:import', { rows: preview.rows })).toMatchObject({ code: 'conflict' });
    expect(await failure('roster:import', { rows: [{ line: 2, name: '', className: 'P' }] })).toMatchObject({
      code: 'invalid_input',
      path: '$.rows[0].name',
    });
    expect(await failure('roster:preview', { csvText: 'x'.repeat(1_000_001) })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('batch export', () => {
  async function seedPlans() {
    const { group, students } = await seedClass('Period 2', ['Ana Ruiz', 'Ben Okafor', 'Carla Díaz', 'Con']);
    const [ana, ben, carla, con] = students;
    const planIds: Record<string, number[]> = {};
    const add = async (student: { id: number; name: string }, name: string) => {
      const stored = await ok('plans:create', { profileId: student.id, plan: samplePlan({ name }) });
      (planIds[student.name] ??= []).push(stored.id);
    };
    await add(ana!, 'Ana one');
    await add(ana!, 'Ana two');
    await add(ben!, 'Ben one');
    await add(con!, 'Con one');
    void carla; // no plan: skipped
    return { group, planIds };
  }

  const run = async (input: Record<string, unknown>) => {
    const started = await ok('batch:start', input);
    if (started.status !== 'chosen') throw new Error('cancelled');
    // Poll as the renderer does.
    for (;;) {
      const status = await ok('batch:status', { jobId: started.jobId });
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('writes one PDF per student with all their plans, named safely, and reports a plan that fails', async () => {
    const { group, planIds } = await seedPlans();
    const failing = planIds['Ben Okafor']![0]!;
    const normal = renderPdf;
    renderPdf = async (route, options) => {
      if (route.includes(`planId=${failing}&`)) throw new Error('The print page failed: the chart did not draw');
      return normal(route, options);
    };
    const folder = join(tempDir(), 'Period 2 PDFs');
    dialogs.answerSave(folder);
    const status = await run({ classId: group.id, layout: 'per-student' });

    expect(status).toMatchObject({ state: 'done', done: 4, total: 4, current: null, skipped: ['Carla Díaz'] });
    expect(status.failed).toEqual([
      { student: 'Ben Okafor', plan: 'Ben one', message: 'The print page failed: the chart did not draw' },
    ]);
    expect(status.written.map((w) => [w.fileName, w.plans])).toEqual([
      ['Ana Ruiz.pdf', 2],
      ['_Con.pdf', 1],
    ]);
    expect(readdirSync(folder).sort()).toEqual(['Ana Ruiz.pdf', '_Con.pdf']);
    const ana = pdfText(join(folder, 'Ana Ruiz.pdf'));
    expect(ana).toContain(`Report of plan ${planIds['Ana Ruiz']![0]} for Ana Ruiz`);
    expect(ana).toContain(`Report of plan ${planIds['Ana Ruiz']![1]} for Ana Ruiz`);
    expect(ana).not.toContain('Con');
    // The print route the export feature reads: plan, paper, date, student.
    expect(printed[0]).toMatch(/^print\.html\?planId=\d+&paper=letter&date=\d{4}-\d{2}-\d{2}&student=Ana\+Ruiz$/);
    expect(dialogs.saves[0]).toMatchObject({ title: "Save Period 2's PDFs in a folder", buttonLabel: 'Save here' });
  });

  it('never overwrites a file already in the folder', async () => {
    const { group } = await seedPlans();
    const folder = join(tempDir(), 'PDFs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'ana ruiz.pdf'), 'last week');
    dialogs.answerSave(folder);
    const status = await run({ classId: group.id, layout: 'per-student', paper: 'a4' });
    expect(status.written.map((w) => w.fileName)).toEqual(['Ana Ruiz (2).pdf', 'Ben Okafor.pdf', '_Con.pdf']);
    expect(readFileSync(join(folder, 'ana ruiz.pdf'), 'utf8')).toBe('last week');
    expect(printed.every((route) => route.includes('paper=a4'))).toBe(true);
  });

  it('writes one combined PDF with every plan, in class order', async () => {
    const { group } = await seedPlans();
    const target = join(tempDir(), 'class');
    dialogs.answerSave(target);
    const status = await run({ classId: group.id, layout: 'combined' });
    expect(status.written).toEqual([
      { file: `${target}.pdf`, fileName: 'class.pdf', students: ['Ana Ruiz', 'Ben Okafor', 'Con'], plans: 4 },
    ]);
    const text = pdfText(`${target}.pdf`);
    expect(text.indexOf('for Ana Ruiz')).toBeLessThan(text.indexOf('for Ben Okafor'));
    expect(text.indexOf('for Ben Okafor')).toBeLessThan(text.indexOf('for Con'));
    expect(execFileSync('pdfinfo', [`${target}.pdf`], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
  });

  it('stops when cancelled, keeping the files already written', async () => {
    const { group } = await seedPlans();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const normal = renderPdf;
    renderPdf = async (route, options) => {
      if (printed.length === 2) await gate; // hold the third plan (Ben's)
      return normal(route, options);
    };
    const folder = join(tempDir(), 'PDFs');
    dialogs.answerSave(folder);
    const started = await ok('batch:start', { classId: group.id, layout: 'per-student' });
    if (started.status !== 'chosen') throw new Error('cancelled');
    while ((await ok('batch:status', { jobId: started.jobId })).done < 2) await new Promise((r) => setTimeout(r, 5));
    expect(await failure('batch:start', { classId: group.id, layout: 'combined' })).toMatchObject({ code: 'conflict' });
    expect((await ok('batch:cancel', { jobId: started.jobId })).state).toBe('running');
    release();
    let status = await ok('batch:status', { jobId: started.jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      status = await ok('batch:status', { jobId: started.jobId });
    }
    expect(status.state).toBe('cancelled');
    expect(status.done).toBe(3);
    expect(readdirSync(folder).sort()).toEqual(['Ana Ruiz.pdf', 'Ben Okafor.pdf']);
  });

  it('asks nothing when there is nothing to print, and nothing happens when the dialog is cancelled', async () => {
    const group = await ok('classes:create', { name: 'Empty' });
    await ok('students:create', { classId: group.id, name: 'Dee' });
    expect(await failure('batch:start', { classId: group.id, layout: 'per-student' })).toEqual({
      code: 'invalid_input',
      message: 'Nobody in Empty has a plan yet, so there is nothing to print.',
    });
    expect(dialogs.saves).toEqual([]);
    const seeded = await seedPlans();
    dialogs.answerSave(null);
    expect(await ok('batch:start', { classId: seeded.group.id, layout: 'per-student' })).toEqual({ status: 'cancelled' });
    expect(printed).toEqual([]);
    expect(await failure('batch:status', { jobId: 'nope' })).toMatchObject({ code: 'not_found' });
  });

  it('lets a test wait for a job without polling (the bench uses it)', async () => {
    const { group } = await seedPlans();
    const counselor = createCounselorHandlers({
      db,
      dataPack: tinyPack(),
      clock: () => new Date(),
      dataDir,
      platform: { dialogs, renderPdf },
    });
    dialogs.answerSave(join(tempDir(), 'out'));
    const started = await counselor.handlers['batch:start']({ classId: group.id, layout: 'per-student' });
    if (started.status !== 'chosen') throw new Error('cancelled');
    expect((await counselor.batch.settled(started.jobId)).state).toBe('done');
  });
});

describe('end of session', () => {
  it('says what it will remove, saves a plan file per student, then removes everything and the backups', async () => {
    const { students } = await seedClass('Period 2', ['Ana Ruiz', 'Ben Okafor']);
    const other = await ok('classes:create', { name: 'Period 5' });
    const cy = await ok('students:create', { classId: other.id, name: 'Cy Nguyen' });
    await ok('plans:create', { profileId: students[0]!.id, plan: samplePlan({ name: 'Ana plan' }) });
    await ok('plans:create', { profileId: cy.id, plan: samplePlan({ name: 'Cy plan' }) });
    await ok('plans:create', { profileId: cy.id, plan: samplePlan({ name: 'Cy plan' }) });
    await ok('plans:create', { plan: samplePlan({ name: 'Counselor demo' }) });
    const backups = join(dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'planner-20260101T080000000Z-v2.sqlite'), 'old copy with Ana Ruiz');
    writeFileSync(join(backups, 'planner-20260102T080000000Z-v2.sqlite.partial'), 'half a copy');
    writeFileSync(join(backups, 'notes.txt'), 'not ours');
    writeFileSync(join(dataDir, 'planner-damaged-20260103T080000000Z.sqlite'), 'set aside at a repair');

    dialogs.answerSave(null);
    expect(await ok('session:prepareEnd', {})).toEqual({ status: 'cancelled' });

    const folder = join(tempDir(), 'USB', 'Pathway plans');
    dialogs.answerSave(folder);
    const prepared = await ok('session:prepareEnd', {});
    if (prepared.status !== 'chosen') throw new Error('cancelled');
    expect(prepared).toMatchObject({
      folder,
      dataDir,
      // The backup, the half-written one, and the damaged copy set aside at a repair.
      counts: { classes: 2, students: 3, plans: 4, plansInBin: 0, backups: 3 },
    });
    expect(await ok('classes:list', {})).toHaveLength(2);
    // A wrong token is refused, and the pending end is dropped: a fresh prepare is needed.
    expect(await failure('session:end', { token: 'not-the-token' })).toMatchObject({ code: 'not_found' });
    expect(await failure('session:end', { token: prepared.token })).toMatchObject({ code: 'not_found' });
    dialogs.answerSave(folder);
    const again = await ok('session:prepareEnd', {});
    if (again.status !== 'chosen') throw new Error('cancelled');

    expect(forgotten).toBe(0);
    const ended = await ok('session:end', { token: again.token });
    // The kept print page may still hold a student's report: it is told to let go.
    expect(forgotten).toBe(1);
    expect(ended).toEqual({
      folder,
      files: [
        { fileName: 'Period 2/Ana Ruiz (S-1).pathway.json', plans: 1 },
        { fileName: 'Period 5/Cy Nguyen.pathway.json', plans: 2 },
        { fileName: 'My plans.pathway.json', plans: 1 },
      ],
      removed: { classes: 2, students: 3, plans: 4, plansInBin: 0, backups: 3 },
    });
    const cyFile = PlanFileSchema.parse(JSON.parse(readFileSync(join(folder, 'Period 5', 'Cy Nguyen.pathway.json'), 'utf8')));
    expect(cyFile.plans.map((p) => [p.name, p.studentName])).toEqual([
      ['Cy plan', 'Cy Nguyen'],
      ['Cy plan (2)', 'Cy Nguyen'],
    ]);
    expect(await ok('classes:list', {})).toEqual([]);
    expect(await ok('plans:list', {})).toEqual([]);
    expect(readdirSync(backups)).toEqual(['notes.txt']);
    expect(readdirSync(dataDir).filter((n) => n.includes('damaged'))).toEqual([]);
    expect(await failure('session:end', { token: again.token })).toMatchObject({ code: 'not_found' });
    const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from('Ana Ruiz'))).toBe(false);
    expect(bytes.includes(Buffer.from('Counselor demo'))).toBe(false);
  });

  it('never overwrites the files of an earlier session in the same folder', async () => {
    const { students } = await seedClass('Period 2', ['Ana Ruiz']);
    await ok('plans:create', { profileId: students[0]!.id, plan: samplePlan() });
    const folder = join(tempDir(), 'out');
    mkdirSync(join(folder, 'Period 2'), { recursive: true });
    writeFileSync(join(folder, 'Period 2', 'Ana Ruiz (S-1).pathway.json'), 'last week');
    dialogs.answerSave(folder);
    const prepared = await ok('session:prepareEnd', {});
    if (prepared.status !== 'chosen') throw new Error('cancelled');
    const ended = await ok('session:end', { token: prepared.token });
    expect(ended.files).toEqual([{ fileName: 'Period 2/Ana Ruiz (S-1) (2).pathway.json', plans: 1 }]);
    expect(readFileSync(join(folder, 'Period 2', 'Ana Ruiz (S-1).pathway.json'), 'utf8')).toBe('last week');
  });

  it('names a backup it could not remove, removes the others, and still tells the print page to forget', async () => {
    const { students } = await seedClass('Period 2', ['Ana Ruiz']);
    await ok('plans:create', { profileId: students[0]!.id, plan: samplePlan() });
    // A "damaged copy" that rmSync cannot remove without `recursive`, as a locked file can't be on Windows.
    const left = join(dataDir, 'planner-damaged-20260103T080000000Z.sqlite');
    mkdirSync(left);
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'planner-20260101T080000000Z-v2.sqlite'), 'old copy with Ana Ruiz');
    const folder = join(tempDir(), 'out');
    dialogs.answerSave(folder);
    const prepared = await ok('session:prepareEnd', {});
    if (prepared.status !== 'chosen') throw new Error('cancelled');
    const error = await failure('session:end', { token: prepared.token });
    // Said plainly: what was done, which file is left (it may hold a student's plans), what to do.
    expect(error.message).toBe(
      `Every plan was saved to "${folder}" and removed from Pathway Planner, but one backup file could not be removed: "${left}". ` +
        "It may still hold students' plans: close any program that has it open, then delete it by hand.",
    );
    // The students are gone by then, and so are the backups that could be removed.
    expect(await ok('classes:list', {})).toEqual([]);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
    // The print page, which may hold the last student's report, is told too.
    expect(forgotten).toBe(1);
  });

  it('removes nothing when a file cannot be written', async () => {
    const { students } = await seedClass('Period 2', ['Ana Ruiz']);
    await ok('plans:create', { profileId: students[0]!.id, plan: samplePlan() });
    const folder = join(tempDir(), 'out');
    mkdirSync(folder);
    dialogs.answerSave(folder);
    const prepared = await ok('session:prepareEnd', {});
    if (prepared.status !== 'chosen') throw new Error('cancelled');
    writeFileSync(join(folder, 'Period 2'), 'a file where the class folder goes');
    const error = await failure('session:end', { token: prepared.token });
    expect(error.message).toMatch(/is a file, not a folder\. .*Nothing was removed from this computer\.$/);
    expect(forgotten).toBe(0);
    expect(await ok('classes:list', {})).toHaveLength(1);
    expect(await ok('plans:list', { profileId: students[0]!.id })).toHaveLength(1);
  });
});
