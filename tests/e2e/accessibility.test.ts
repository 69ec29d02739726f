/**
 * Accessibility: axe-core (WCAG 2.0 and 2.1, A and AA) on every screen and dialog of the app and
 * on the print route the PDF report is printed from, each in a state with real content (plans
 * with steps and engine warnings, a class with students, a roster preview with bad lines).
 * Every scan must find nothing; a failure lists the rule, its impact, the elements and the fix.
 * The tests run in order on one app, each leaving the plans and the class the next one uses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { chartProblems, expectNoAxeViolations } from './axe';
import { pathwayPlan, stayPlan } from './fixtures/report-plans';
import { useApp } from './use-app';

type Stored = ChannelOutput<'plans:create'>;
type ClassSummary = ChannelOutput<'classes:list'>[number];
type Student = ChannelOutput<'classes:students'>['students'][number];

/** A plan the engine warns about: the CMA without the accredited program it needs first. */
function warningPlan(): Plan {
  return {
    name: 'CMA without a program',
    startYear: 2026,
    years: 10,
    start: { role: 'medical-office-assistant', place: 'US-OH', setting: 'all', hoursPerWeek: 40 },
    steps: [
      { type: 'certification', certification: 'cma', year: 2027 },
      { type: 'role', role: 'medical-assistant', year: 2028 },
      { type: 'hours', hoursPerWeek: 32, year: 2031 },
    ],
  };
}

// A dialog is scanned on its own: the page behind it is inert while it is open, and each
// screen behind a dialog has its own scan.
const DIALOG = 'dialog[open]';

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  let out: string;
  let pathway: Stored;
  let stay: Stored;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-a11y-'));
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const nav = (name: string) =>
    app.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
  const dialog = (name: string | RegExp) => app.page.getByRole('dialog', { name });

  it('the empty state (no plans yet)', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('empty-state').waitFor();
    await expectNoAxeViolations(page, 'empty state');
  });

  it('the new-plan dialog, as a blank plan and started from a pathway', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New plan' }).click();
    const create = dialog('Start a new plan');
    await create.waitFor();
    await expectNoAxeViolations(page, 'new-plan dialog (blank plan)', { include: DIALOG });
    // "Start from" a pathway: the role is then set by it, and its preview appears.
    await create.locator('[data-template="cmaa-fast-track"] input[type="radio"]').check();
    await expect(create.getByLabel('Starting role').isDisabled()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'new-plan dialog (from a pathway)', { include: DIALOG });
    await create.getByRole('button', { name: 'Cancel' }).click();
    await create.waitFor({ state: 'hidden' });
  });

  it('the planner with several steps and engine warnings', async () => {
    const { page } = app;
    stay = await app.call<Stored>('plans:create', { plan: stayPlan() });
    pathway = await app.call<Stored>('plans:create', {
      plan: { ...pathwayPlan(), studentName: 'Jordan Rivera' },
    });
    await app.call<Stored>('plans:create', { plan: warningPlan() });
    await page.reload();
    await page.getByTestId('planner').waitFor();
    await page.getByTestId('projection-table').waitFor();
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe('CMA without a program');
    await expect(page.getByTestId('step').count()).resolves.toBe(3);
    await expect(page.locator('.notice--warning').count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'planner');
    await expect(chartProblems(page)).resolves.toEqual([]);
  });

  it('the rename dialog', async () => {
    const { page } = app;
    await page
      .getByRole('group', { name: 'Actions for CMA without a program' })
      .getByRole('button', { name: 'Rename' })
      .click();
    await dialog(/^Rename/).waitFor();
    await expectNoAxeViolations(page, 'rename dialog', { include: DIALOG });
    await page.keyboard.press('Escape');
    await dialog(/^Rename/).waitFor({ state: 'hidden' });
  });

  it('the PDF export dialog', async () => {
    const { page } = app;
    await page
      .getByRole('group', { name: 'Export this plan' })
      .getByRole('button', { name: 'PDF report' })
      .click();
    const pdf = dialog('Save a PDF report');
    await pdf.waitFor();
    await expectNoAxeViolations(page, 'PDF export dialog', { include: DIALOG });
    await pdf.getByRole('button', { name: 'Cancel' }).click();
    await pdf.waitFor({ state: 'hidden' });
  });

  it('the save-plans-to-a-file dialog', async () => {
    const { page } = app;
    await app.menu('export');
    const save = dialog('Save plans to a file');
    await save.waitFor();
    await expectNoAxeViolations(page, 'save plans dialog', { include: DIALOG });
    await save.getByRole('button', { name: 'Cancel' }).click();
    await save.waitFor({ state: 'hidden' });
  });

  it('the import-problems dialog', async () => {
    const { page } = app;
    app.dialogs.answerOpen(join(__dirname, '..', 'fixtures', 'bad-plans', 'syntax-missing-comma.json'));
    await page.getByRole('button', { name: 'Import plans…' }).click();
    const problems = dialog('Nothing was imported');
    await problems.getByTestId('import-problems').waitFor();
    await expectNoAxeViolations(page, 'import-problems dialog', { include: DIALOG });
    await problems.getByRole('button', { name: 'OK' }).click();
    await problems.waitFor({ state: 'hidden' });
  });

  it('the import-name-conflict dialog', async () => {
    const { page } = app;
    const file = join(out, 'two.pathway.json');
    app.dialogs.answerSave(file);
    await app.call('export:plans', { planIds: [pathway.id, stay.id] });
    app.dialogs.answerOpen(file);
    await page.getByRole('button', { name: 'Import plans…' }).click();
    const question = dialog('Some of these plans have names you already use');
    await question.waitFor();
    await expectNoAxeViolations(page, 'import-name-conflict dialog', { include: DIALOG });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'hidden' });
  });

  it('the delete toast with its Undo button', async () => {
    const { page } = app;
    await app.call('plans:create', { plan: { ...stayPlan(), name: 'Throwaway plan' } });
    await page.reload();
    await page.getByTestId('planner').waitFor();
    await page
      .getByRole('group', { name: 'Actions for Throwaway plan' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).waitFor();
    await page.getByTestId('planner').waitFor();
    await expectNoAxeViolations(page, 'planner with the delete toast');
  });

  it('Compare with three plans', async () => {
    const { page } = app;
    await nav('Compare').click();
    await page.getByTestId('compare-view').waitFor();
    for (const name of [/^Texas MA with certificate/, /^Front desk, no program/, /^CMA without a program/]) {
      const box = page.getByRole('checkbox', { name });
      if (!(await box.isChecked())) await box.check();
    }
    await page.getByTestId('compare-table').waitFor();
    await expect(page.getByTestId('compare-card-C').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'Compare');
    await expect(chartProblems(page)).resolves.toEqual([]);
  });

  it('Places with several places', async () => {
    const { page } = app;
    await nav('Places').click();
    await page.getByTestId('places-table').waitFor();
    for (const place of ['US-CA', 'GB']) {
      await page.getByLabel('Add a place').selectOption(place);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await expect(
      page.getByTestId('places-table').locator('tbody tr').count(),
    ).resolves.toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page, 'Places');
    // The places table has two years; the chart's own table, folded under it, has every year.
    const chartTable = page.getByTestId('places-chart-table');
    await chartTable.getByText("Show the chart's figures as a table").click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      warningPlan().name,
    );
    await expect(chartTable.locator('tbody tr').count()).resolves.toBe(warningPlan().years);
    await expect(chartTable.locator('thead th').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Year', 'California']),
    );
    await expectNoAxeViolations(page, 'Places with the chart as a table');
    await expect(chartProblems(page)).resolves.toEqual([]);
  });

  it('Help: How projections work, and Sources', async () => {
    const { page } = app;
    await nav('Help').click();
    await page.getByRole('tab', { name: 'How projections work' }).click();
    await page.getByTestId('projections-doc').waitFor();
    await expectNoAxeViolations(page, 'Help → How projections work');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByTestId('sources-screen').waitFor();
    await expectNoAxeViolations(page, 'Help → Sources');
  });

  describe('the Class view', () => {
    let period: ClassSummary;

    it('with a class of students, some with plans', async () => {
      const { page } = app;
      period = await app.call<ClassSummary>('classes:create', { name: 'Period 2' });
      const students: Student[] = [];
      for (const [name, studentId] of [
        ['Ana Ruiz', 'S-1'],
        ['Ben Okafor', 'S-2'],
        ["Zoë O'Brien", undefined],
      ] as const) {
        students.push(
          await app.call<Student>('students:create', {
            classId: period.id,
            name,
            ...(studentId ? { studentId } : {}),
          }),
        );
      }
      await app.call('plans:create', {
        profileId: students[0]!.id,
        plan: { ...stayPlan(), studentName: 'Ana Ruiz' },
      });
      await app.call('plans:create', {
        profileId: students[1]!.id,
        plan: { ...warningPlan(), studentName: 'Ben Okafor' },
      });
      await nav('Class').click();
      await page.getByTestId('student-table').waitFor();
      await expect(page.getByTestId('student-row').count()).resolves.toBe(3);
      await expectNoAxeViolations(page, 'Class view');
    });

    it('the roster import dialog with a preview that has bad lines', async () => {
      const { page } = app;
      const csv = join(out, 'roster.csv');
      writeFileSync(
        csv,
        'Name,Student ID,Class\nCy Nguyen,S-3,Period 2\n,S-4,Period 2\nDee Park,S-3,Period 2\n',
      );
      await page.getByRole('button', { name: 'Import roster…' }).click();
      const roster = dialog('Import a roster');
      await roster.getByLabel('Roster file (CSV)').setInputFiles(csv);
      await roster.getByTestId('roster-errors').waitFor();
      await expect(roster.getByTestId('roster-errors').locator('li').count()).resolves.toBe(2);
      await expectNoAxeViolations(page, 'roster import dialog', { include: DIALOG });
      await roster.getByRole('button', { name: 'Cancel' }).click();
      await roster.waitFor({ state: 'hidden' });
    });

    it('the batch export dialog, before and after printing', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Export PDFs…' }).click();
      const batch = dialog('Export Period 2 to PDF');
      await batch.waitFor();
      await expectNoAxeViolations(page, 'batch export dialog', { include: DIALOG });
      app.dialogs.answerSave(join(out, 'class.pdf'));
      await batch.getByLabel('One PDF for the whole class').check();
      await batch.getByRole('button', { name: 'Choose where to save…' }).click();
      await batch.getByTestId('batch-summary').waitFor({ timeout: 30_000 });
      // The PDFs were printed in a second tab, which came to the front; a tab in the background
      // gets few animation frames, and every click would wait for them.
      await page.bringToFront();
      await expectNoAxeViolations(page, 'batch export dialog (summary)', { include: DIALOG });
      await batch.getByRole('button', { name: 'Done' }).click();
      await batch.waitFor({ state: 'hidden' });
    });

    it('the delete-student dialog', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Delete Ben Okafor' }).click();
      const remove = dialog('Delete Ben Okafor?');
      await remove.getByTestId('delete-student-text').waitFor();
      await expectNoAxeViolations(page, 'delete-student dialog', { include: DIALOG });
      await remove.getByRole('button', { name: 'Cancel' }).click();
      await remove.waitFor({ state: 'hidden' });
    });

    it('the end-of-session dialog and its confirmation', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'End session…' }).click();
      await dialog('End the session').waitFor();
      await expectNoAxeViolations(page, 'end-of-session dialog', { include: DIALOG });
      app.dialogs.answerSave(join(out, 'session'));
      await dialog('End the session').getByRole('button', { name: 'Choose folder…' }).click();
      const confirm = dialog('Save the plans and clear this computer?');
      await confirm.getByTestId('end-session-counts').waitFor();
      await expectNoAxeViolations(page, 'end-of-session confirmation', { include: DIALOG });
      // Cancel: this test clears nothing.
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await expect(app.call<ClassSummary[]>('classes:list', {})).resolves.toHaveLength(1);
    });
  });

  it('the print route the PDF report is printed from', async () => {
    // As main opens it (file-service.ts): a plan, a plan to compare with, the student and the date.
    const query = new URLSearchParams({
      planId: String(pathway.id),
      compareWithId: String(stay.id),
      paper: 'letter',
      student: 'Jordan Rivera',
      date: '2026-05-04',
    });
    const page = await app.context.newPage();
    try {
      await page.goto(new URL(`print.html?${query.toString()}`, app.url).href);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
      // The report is laid out for print only (print.css hides it on screen): scanned as printed.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, 'print route (PDF report)');
      await expect(chartProblems(page)).resolves.toEqual([]);
    } finally {
      await page.close();
    }
    expect(app.problems).toEqual([]);
  });
});
