/**
 * Counselor mode end to end, as a counselor runs a class of 30 in a lab: import the roster from
 * a CSV file (seeing the bad lines first), open students one click at a time and make plans
 * (each student sees only their own), print the class to PDF (one file per student, then one
 * for the class) and read every PDF back with pdftotext for the student's own figures, delete a
 * student for real, and end the session (plan files to a folder, then the computer cleared).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { safeFileName } from '../../electron/main/files/file-names';
import { buildReport } from '../../renderer/src/features/print/report-model';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { PlanFileSchema, type Plan } from '../../shared/plan/schema';
import { ARTIFACTS_DIR, waitForSaved } from './harness';
import { useApp } from './use-app';

type Roster = ChannelOutput<'classes:students'>;
type Student = Roster['students'][number];
type ClassSummary = ChannelOutput<'classes:list'>[number];

const pack = loadDataPack();
const CLASS = 'Period 2 Health Careers';

/** 30 students, with the names a real roster has: accents, apostrophes, a slash, "Con". */
const NAMES = [
  'Ana Ruiz', 'Ben Okafor', 'Carla Díaz', "Zoë O'Brien", 'José Álvarez', 'Nguyễn Văn An', 'Priya Patel',
  'Liam Murphy', 'Aisha Bello', 'Mateo Rossi', 'Hana Kim', 'Con', 'Ana/Luis Ruiz', 'Grace Lee', 'Omar Haddad',
  'Sofia Costa', 'Ethan Brown', 'Mia Schmidt', 'Noah Wilson', 'Lucía Fernández', 'Yusuf Demir', 'Chloé Martin',
  'Daniel Cohen', 'Amara Nwosu', 'Leo Novak', 'Isabella Silva', 'Kai Tanaka', 'Fatima Zahra', 'Oliver Smith',
  'Emma Johansson',
];

function rosterCsv(): string {
  const lines = ['Name,Student ID,Class'];
  NAMES.forEach((name, i) => {
    const quoted = /[,"]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
    lines.push(`${quoted},S-${1001 + i},${CLASS}`);
    if (i === 4) lines.push(`,S-9999,${CLASS}`); // a line with no name
    if (i === 9) lines.push(`Duplicate Person,S-1002,${CLASS}`); // Ben's id again
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function plan(name: string, role: string, place: string, steps: Plan['steps'] = []): Plan {
  return { name, startYear: 2026, years: 10, start: { role, place, setting: 'all', hoursPerWeek: 40 }, steps };
}

/** Each student's plans: varied roles and places, so every PDF has its own figures. */
const PLANS: Record<string, Plan[]> = {
  'Ben Okafor': [plan('Ben front desk to office manager', 'medical-office-assistant', 'US-TX')],
  'Carla Díaz': [
    plan('Carla MA in California', 'medical-assistant', 'US-CA', [{ type: 'certification', certification: 'cma', year: 2027 }]),
    plan('Carla stays front office', 'medical-office-assistant', 'US-CA'),
  ],
  "Zoë O'Brien": [plan('Zoë in New York', 'medical-assistant', 'US-NY')],
  'Con': [plan('Con in Ohio', 'medical-office-assistant', 'US-OH')],
  'Ana/Luis Ruiz': [plan('Shared family plan', 'medical-assistant', 'US-FL')],
};

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('counselor mode', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  let out: string;
  let period: ClassSummary;
  let students: Map<string, Student>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-counselor-'));
    await app.page.goto(app.url);
    await app.page.getByTestId('empty-state').waitFor();
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** Opens the Class view afresh (from another view, so it loads the class as it is now). */
  const openClassView = async () => {
    if ((await app.page.getByTestId('class-view').count()) > 0) {
      await app.page.locator('.app-nav__button[data-view="help"]').click();
    }
    await app.page.locator('.app-nav__button[data-view="class"]').click();
    await app.page.getByTestId('class-view').waitFor();
  };
  const loadRoster = async () => {
    const classes = await app.call<ClassSummary[]>('classes:list', {});
    period = classes.find((c) => c.name === CLASS)!;
    const roster = await app.call<Roster>('classes:students', { classId: period.id });
    students = new Map(roster.students.map((s) => [s.name, s]));
    return roster;
  };

  it('imports a roster of 30 from a CSV file: a preview with the bad lines first, nothing before the confirmation', async () => {
    const { page } = app;
    await openClassView();
    await page.getByTestId('class-empty').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-no-class.png') });

    const csv = join(out, 'period-2-roster.csv');
    writeFileSync(csv, rosterCsv());
    await page.getByRole('button', { name: 'Import roster…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import a roster' });
    await dialog.getByLabel('Roster file (CSV)').setInputFiles(csv);
    await dialog.getByTestId('roster-preview').waitFor();

    const errors = await dialog.getByTestId('roster-errors').locator('li').allTextContents();
    expect(errors).toEqual(['Line 7The name is missing.', 'Line 13The student id S-1002 is also on line 3.']);
    await expect(dialog.getByTestId('roster-preview').textContent()).resolves.toContain(
      `30 students ready to import (new class: ${CLASS}).`,
    );
    // Nothing is written by a preview.
    await expect(app.call('classes:list', {})).resolves.toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-roster-preview.png') });

    await dialog.getByRole('button', { name: 'Import 30 students' }).click();
    await page.getByTestId('student-table').waitFor();
    await expect(page.getByTestId('student-row').count()).resolves.toBe(30);
    const roster = await loadRoster();
    expect(roster.students.map((s) => s.name).sort()).toEqual([...NAMES].sort());
    expect(students.get("Zoë O'Brien")?.studentId).toBe('S-1004');
  });

  it('opens a student in one click; their plans are theirs alone', async () => {
    const { page } = app;
    // Plans for five students, made as the planner would (plans:create with their profile).
    for (const [name, plans] of Object.entries(PLANS)) {
      for (const p of plans) {
        await app.call('plans:create', { profileId: students.get(name)!.id, plan: { ...p, studentName: name } });
      }
    }
    // Ana makes her own in the app.
    await openClassView();
    await page.getByTestId('student-row').filter({ hasText: 'S-1001' }).getByRole('button', { name: /^Ana Ruiz/ }).click();
    await page.getByTestId('empty-state').waitFor();
    await expect(page.getByTestId('student-banner').textContent()).resolves.toContain('Ana Ruiz');
    await expect(page.locator('.sidebar__heading').textContent()).resolves.toBe("Ana Ruiz's plans");
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const create = page.getByRole('dialog', { name: 'Start a new plan' });
    await create.getByLabel('Plan name').fill("Ana's MA pathway");
    await create.getByLabel('Starting role').selectOption('medical-assistant');
    await create.getByLabel("Where you'll work").selectOption('US-AZ');
    await create.getByRole('button', { name: 'Create plan' }).click();
    await page.getByTestId('planner').waitFor();
    await page.getByRole('button', { name: 'Add step: earn a certification' }).click();
    await page.getByTestId('step').last().getByLabel('Certification', { exact: true }).selectOption('cma');
    await waitForSaved(page);
    expect(await page.getByTestId('plan-list-item').allTextContents()).toEqual([
      expect.stringContaining("Ana's MA pathway"),
    ]);

    // The database agrees: Ana's plan is on Ana's profile, and nowhere else.
    const ana = students.get('Ana Ruiz')!;
    const anas = await app.call<Array<{ name: string }>>('plans:list', { profileId: ana.id });
    expect(anas.map((p) => p.name)).toEqual(["Ana's MA pathway"]);
    await expect(app.call('plans:list', {})).resolves.toEqual([]);

    // Carla, one click from the Class view: her two plans, not Ana's.
    await openClassView();
    await page.getByTestId('student-row').filter({ hasText: 'S-1003' }).getByRole('button', { name: /^Carla Díaz/ }).click();
    await page.getByTestId('planner').waitFor();
    const carlas = await page.locator('.plan-list__name').allTextContents();
    expect(carlas.sort()).toEqual(['Carla MA in California', 'Carla stays front office']);
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toMatch(/^Carla /);
    await page.getByTestId('projection-table').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-student-open.png') });

    // A plan chip opens that very plan.
    await openClassView();
    await page.getByRole('button', { name: /Zoë in New York/ }).click();
    await page.getByTestId('planner').waitFor();
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe('Zoë in New York');
    await expect(page.locator('.plan-list__name').allTextContents()).resolves.toEqual(['Zoë in New York']);

    // Back to "My plans": empty, as before.
    await page.getByRole('button', { name: 'Back to my plans' }).click();
    await page.getByTestId('empty-state').waitFor();
    await expect(page.getByTestId('student-banner').count()).resolves.toBe(0);
    await expect(page.locator('.plan-list__name').count()).resolves.toBe(0);

    await openClassView();
    const row = page.getByTestId('student-row').filter({ hasText: 'S-1003' });
    await expect(row.locator('.plan-chip__name').allTextContents()).resolves.toHaveLength(2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-class-1440x900.png') });
    await page.setViewportSize({ width: 1440, height: 2000 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-class-tall.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-class-1024x768.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('prints one PDF per student, named after them, each with that student’s own figures', async () => {
    const { page } = app;
    await loadRoster();
    await openClassView();
    await page.getByRole('button', { name: 'Export PDFs…' }).click();
    const dialog = page.getByRole('dialog', { name: `Export ${CLASS} to PDF` });
    await expect(dialog.textContent()).resolves.toContain('7 plans of 6 students');
    const folder = join(out, 'PDFs', `${CLASS} PDFs`);
    app.dialogs.answerSave(folder);
    await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
    await dialog.getByTestId('batch-summary').waitFor({ timeout: 60_000 });
    await expect(dialog.getByTestId('batch-progress').getAttribute('data-state')).resolves.toBe('done');
    await expect(dialog.getByTestId('batch-progress').textContent()).resolves.toBe('Printed 7 of 7 plans');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-batch-summary.png') });

    const withPlans = ['Ana Ruiz', ...Object.keys(PLANS)];
    const expectedFiles = withPlans.map((name) => safeFileName(name, '.pdf')).sort();
    expect(expectedFiles).toEqual(
      ['Ana Ruiz.pdf', 'Ben Okafor.pdf', 'Carla Díaz.pdf', "Zoë O'Brien.pdf", '_Con.pdf', 'Ana-Luis Ruiz.pdf'].sort(),
    );
    expect(readdirSync(folder).sort()).toEqual(expectedFiles);
    await expect(dialog.getByTestId('batch-files').locator('li').count()).resolves.toBe(6);

    for (const name of withPlans) {
      const file = join(folder, safeFileName(name, '.pdf'));
      const text = pdfText(file);
      const stored = await app.call<Array<{ id: number }>>('plans:list', { profileId: students.get(name)!.id });
      expect(text).toContain(name);
      for (const { id } of stored) {
        const { plan: p } = await app.call<{ plan: Plan }>('plans:get', { id });
        const model = buildReport({ plan: p, pack, studentName: name, date: '2000-01-01' });
        const first = model.rows[0]!;
        const last = model.rows.at(-1)!;
        expect(squash(text)).toContain(squash(p.name));
        expect(text).toMatch(new RegExp(`${first.year}\\s+${escape(first.role)}\\s+${escape(first.salary)}`));
        expect(text).toMatch(new RegExp(`${last.year}\\s+${escape(last.role)}\\s+${escape(last.salary)}`));
        expect(text).toMatch(new RegExp(`Total over 10 years\\s+${escape(model.totals.earnings)}`));
      }
      // No other student's name (first names are distinct in this class, except the two Ruizes).
      for (const other of withPlans) {
        if (other !== name && !(name.includes('Ruiz') && other.includes('Ruiz'))) expect(text).not.toContain(other);
      }
    }
    // Carla's file holds both her reports.
    const carla = pdfText(join(folder, 'Carla Díaz.pdf'));
    expect(carla).toContain('Carla MA in California');
    expect(carla).toContain('Carla stays front office');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('prints the whole class into one PDF with every student, tagged, with a bookmark per plan', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export PDFs…' }).click();
    const dialog = page.getByRole('dialog', { name: `Export ${CLASS} to PDF` });
    await dialog.getByLabel('One PDF for the whole class').check();
    const file = join(out, 'class.pdf');
    app.dialogs.answerSave(file);
    await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
    await dialog.getByTestId('batch-summary').waitFor({ timeout: 60_000 });
    expect(existsSync(file)).toBe(true);
    const text = pdfText(file);
    for (const name of ['Ana Ruiz', ...Object.keys(PLANS)]) expect(text).toContain(name);
    const perStudent = readdirSync(join(out, 'PDFs', `${CLASS} PDFs`)).map((f) => pdfPages(join(out, 'PDFs', `${CLASS} PDFs`, f)));
    expect(pdfPages(file)).toBe(perStudent.reduce((a, b) => a + b, 0));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(new RegExp(`Title:\\s+${escape(CLASS)}`));
    const raw = readFileSync(file).toString('latin1');
    expect(raw.match(/\/Dest \[/g)?.length).toBe(7);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('deletes a student for real, after saying what that means for backups', async () => {
    const { page } = app;
    const zoe = students.get("Zoë O'Brien")!;
    await openClassView();
    await page.getByRole('button', { name: "Delete Zoë O'Brien" }).click();
    const dialog = page.getByRole('dialog', { name: "Delete Zoë O'Brien?" });
    const text = await dialog.getByTestId('delete-student-text').textContent();
    expect(text).toContain('from this computer for good');
    expect(text).toContain("and their plan from this computer");
    expect(text).toContain('Backup copies of the database made before now still contain');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-delete-student.png') });
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    // The class reloads after the dialog closes: wait for it rather than count the old rows.
    await expect.poll(() => page.getByTestId('student-row').count()).toBe(29);
    await expect(app.call('plans:list', { profileId: zoe.id })).rejects.toThrow(/not_found/);
    app.services.close();
    const bytes = Buffer.concat(
      [app.services.databaseFile, `${app.services.databaseFile}-wal`].filter(existsSync).map((f) => readFileSync(f)),
    );
    expect(bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from("O'Brien", 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Ana Ruiz', 'utf8'))).toBe(true);
  });
});

describe('counselor mode: end of session', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-session-'));
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('saves every student’s plans to the chosen folder, then clears classes, students, plans and backups', async () => {
    const { page } = app;
    const a = await app.call<ClassSummary>('classes:create', { name: 'Period 1' });
    const b = await app.call<ClassSummary>('classes:create', { name: 'Period 4' });
    const ana = await app.call<Student>('students:create', { classId: a.id, name: 'Ana Ruiz', studentId: 'S-1' });
    const ben = await app.call<Student>('students:create', { classId: b.id, name: 'Ben Okafor' });
    await app.call<Student>('students:create', { classId: b.id, name: 'Cy Nguyen' });
    await app.call('plans:create', { profileId: ana.id, plan: plan('Ana plan', 'medical-assistant', 'US-TX') });
    await app.call('plans:create', { profileId: ana.id, plan: plan('Ana plan', 'medical-office-assistant', 'US-TX') });
    await app.call('plans:create', { profileId: ben.id, plan: plan('Ben plan', 'medical-assistant', 'US-OH') });
    const binned = await app.call<{ id: number }>('plans:create', { profileId: ben.id, plan: plan('Old idea', 'medical-assistant', 'US-OH') });
    await app.call('plans:delete', { id: binned.id });
    await app.call('plans:create', { plan: plan('Counselor demo', 'medical-assistant', 'US') });
    // A backup from an earlier day (the app takes one a day; it would still hold the students).
    const backups = join(app.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'planner-20260101T080000000Z-v2.sqlite'), 'Ana Ruiz');

    await page.goto(app.url);
    await page.locator('.app-nav__button[data-view="class"]').click();
    await page.getByRole('button', { name: 'End session…' }).click();
    const dialog = page.getByRole('dialog', { name: 'End the session' });
    const folder = join(out, 'USB', 'Pathway plans');
    app.dialogs.answerSave(folder);
    await dialog.getByRole('button', { name: 'Choose folder…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Save the plans and clear this computer?' });
    await expect(confirm.getByTestId('end-session-folder').textContent()).resolves.toBe(folder);
    await expect(confirm.getByTestId('end-session-counts').locator('li').allTextContents()).resolves.toEqual([
      '2 classes',
      '3 students',
      '4 plans and 1 deleted plan in the bin (these are not saved)',
      '1 backup copy of the database',
    ]);
    await expect(confirm.textContent()).resolves.toContain(app.dataDir);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-end-session-confirm.png') });
    await confirm.getByTestId('end-session-confirm').click();
    await page.getByTestId('end-session-done').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'counselor-end-session-done.png') });

    // The files: one per student with plans, in a folder per class, and "My plans".
    expect(readdirSync(folder).sort()).toEqual(['My plans.pathway.json', 'Period 1', 'Period 4']);
    expect(readdirSync(join(folder, 'Period 1'))).toEqual(['Ana Ruiz (S-1).pathway.json']);
    expect(readdirSync(join(folder, 'Period 4'))).toEqual(['Ben Okafor.pathway.json']);
    const anaFile = PlanFileSchema.parse(JSON.parse(readFileSync(join(folder, 'Period 1', 'Ana Ruiz (S-1).pathway.json'), 'utf8')));
    expect(anaFile.plans.map((p) => [p.name, p.studentName])).toEqual([
      ['Ana plan', 'Ana Ruiz'],
      ['Ana plan (2)', 'Ana Ruiz'],
    ]);

    // And the computer is clear.
    await expect(app.call('classes:list', {})).resolves.toEqual([]);
    await expect(app.call('plans:list', {})).resolves.toEqual([]);
    await expect(app.call('profiles:list', {})).resolves.toEqual([{ id: 1, name: 'My plans', isDefault: true }]);
    expect(readdirSync(backups)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('class-empty').waitFor();
    // An exported file imports again (as the next session on another computer would).
    app.dialogs.answerOpen(join(folder, 'Period 1', 'Ana Ruiz (S-1).pathway.json'));
    await expect(app.call('import:plans', {})).resolves.toMatchObject({ status: 'imported' });
    expect(app.problems).toEqual([]);
  });
});
