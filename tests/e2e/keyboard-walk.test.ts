/**
 * A keyboard-only walk through the app, as someone who can't use a mouse does it: create a plan
 * from the sidebar's New plan button, change where it starts, add a step and watch the
 * projection change, create a second plan from a pathway, compare the two, then save the PDF
 * report and the CSV table. After the page loads, only `page.keyboard` touches the app: no
 * clicks, no fills, no focus() calls. At every stop focus must be on a named control with a
 * visible focus indicator; dialogs must keep Tab inside and give focus back when they close.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { ARTIFACTS_DIR, money, readTable, waitForSaved } from './harness';
import { useApp } from './use-app';
import { control, describeFocus, focused, tabTo, type Focused } from './keyboard';

type Summary = ChannelOutput<'plans:list'>[number];
type StoredPlan = ChannelOutput<'plans:get'>;

/**
 * Focus is on a named control that shows it has focus (and, if given, the one `expected`
 * matches); returns it for further checks.
 */
async function expectSensibleFocus(
  page: Page,
  where: string,
  expected?: (f: Focused) => boolean,
): Promise<Focused> {
  const now = await focused(page);
  const seen = `${where}: focus is on ${describeFocus(now)}`;
  expect(now.tag, seen).not.toBe('body');
  if (expected) expect(expected(now), seen).toBe(true);
  expect(now.name, `${seen}, which has no accessible name`).not.toBe('');
  expect(now.indicator, `${seen}, which shows no focus indicator (outline or box-shadow)`).not.toBeNull();
  return now;
}

/** The value of the focused form control (read only). */
const focusedValue = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | HTMLSelectElement | null)?.value ?? '');

/**
 * Twelve Tabs, then twelve Shift+Tabs (more than any of our dialogs has stops, so focus must
 * wrap round): focus never leaves the open dialog, and every stop is named and visibly focused.
 * Ends where it started.
 */
async function expectTabStaysInDialog(page: Page, title: string): Promise<void> {
  const start = await focused(page);
  const stops = new Set<string>();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      const now = await expectSensibleFocus(page, `${key} in the dialog “${title}”`);
      expect(now.dialog, `${key} left the dialog “${title}” for ${describeFocus(now)}`).toBe(title);
      stops.add(`${now.role} ${now.name}`);
    }
  }
  // Twelve presses each way from the same place: back where we began.
  expect(await focused(page)).toMatchObject({ role: start.role, name: start.name });
  expect(stops.size).toBeGreaterThan(1);
}

describe('keyboard only: create → edit → compare → export', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-keyboard-'));
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('walks the whole app with the keyboard alone', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('empty-state').waitFor();
    // From here on: keys only.

    // 1. The sidebar's New plan button opens the dialog with focus on the plan's name.
    await tabTo(page, control('button', 'New plan'));
    await expectSensibleFocus(page, 'New plan button');
    await page.keyboard.press('Enter');
    const newPlan = page.getByRole('dialog', { name: 'Start a new plan' });
    await newPlan.waitFor();
    expect((await expectSensibleFocus(page, 'new-plan dialog', control('textbox', 'Plan name'))).dialog).toBe(
      'Start a new plan',
    );
    await expectTabStaysInDialog(page, 'Start a new plan');
    // Escape closes it, creates nothing, and gives focus back to New plan.
    await page.keyboard.press('Escape');
    await newPlan.waitFor({ state: 'hidden' });
    await expect(app.call<Summary[]>('plans:list', {})).resolves.toEqual([]);
    await expectSensibleFocus(page, 'after Escape', control('button', 'New plan'));

    // Again, for real: a name, a starting role (arrow keys) and a place (typing its name).
    await page.keyboard.press('Enter');
    await newPlan.waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Keyboard walk plan');
    await tabTo(page, control('combobox', 'Starting role'));
    const firstRole = await focusedValue(page);
    await page.keyboard.press('ArrowDown');
    const role = await focusedValue(page);
    expect(role).not.toBe(firstRole);
    await tabTo(page, control('combobox', "Where you'll work"));
    await page.keyboard.type('Texas');
    await expect.poll(() => focusedValue(page)).toBe('US-TX');
    await tabTo(page, control('button', 'Create plan'));
    await expectSensibleFocus(page, 'Create plan button');
    await page.keyboard.press('Enter');
    await newPlan.waitFor({ state: 'hidden' });
    await page.getByTestId('projection-table').waitFor();
    const [summary] = await app.call<Summary[]>('plans:list', {});
    expect(summary).toMatchObject({ name: 'Keyboard walk plan', startRole: role });
    // The new plan's name has focus, ready to be changed.
    await expectSensibleFocus(page, 'new plan', control('textbox', 'Plan name'));

    // 2. Change where it starts: the starting role, then the place; the projection follows.
    let table = await readTable(page);
    await tabTo(page, control('combobox', 'Starting role'));
    await expectSensibleFocus(page, 'planner: starting role');
    await page.keyboard.press('ArrowDown');
    const newRole = await focusedValue(page);
    expect(newRole).not.toBe(role);
    await expect.poll(() => readTable(page)).not.toEqual(table);
    table = await readTable(page);
    await tabTo(page, control('combobox', 'Place'));
    await expectSensibleFocus(page, 'planner: place');
    await page.keyboard.type('Ohio');
    await expect.poll(() => focusedValue(page)).toBe('US-OH');
    await expect.poll(() => readTable(page)).not.toEqual(table);

    // 3. Add a step on the timeline: a new role two years in. Focus moves into the new step.
    table = await readTable(page);
    await tabTo(page, control('button', 'Add step: move to a new role'));
    await expectSensibleFocus(page, 'add-step button');
    await page.keyboard.press('Enter');
    await expectSensibleFocus(page, 'the new step', control('combobox', 'New role'));
    const stepRole = await focusedValue(page);
    await tabTo(page, control('textbox', 'Year'));
    const stepYear = summary!.startYear + 2;
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(stepYear));
    await page.keyboard.press('Enter');
    await waitForSaved(page);
    const stored = await app.call<StoredPlan>('plans:get', { id: summary!.id });
    expect(stored.plan.start).toMatchObject({ role: newRole, place: 'US-OH' });
    expect(stored.plan.steps).toEqual([{ type: 'role', role: stepRole, year: stepYear }]);
    // The projection shows the step: the new role from its year, with a different salary.
    const after = await readTable(page);
    const row = after.findIndex((r) => Number(r[0]) === stepYear);
    expect(after[row]![1]).not.toBe(table[row]![1]);
    expect(money(after[row]![2]!)).not.toBe(money(table[row]![2]!));

    // 4. A second plan, from a pathway: Shift+Tab back to New plan; in the dialog the pathways
    // are radio buttons before the name, and the arrow keys pick one.
    await tabTo(page, control('button', 'New plan'), { backwards: true });
    await page.keyboard.press('Enter');
    await newPlan.waitFor();
    expect(await tabTo(page, (f) => f.role === 'radio', { backwards: true })).toMatchObject({
      name: expect.stringMatching(/^Blank plan/),
    });
    await expectSensibleFocus(page, 'Start from: Blank plan');
    await page.keyboard.press('ArrowDown');
    const pathway = await expectSensibleFocus(page, 'Start from: a pathway');
    expect(pathway.role).toBe('radio');
    await tabTo(page, control('textbox', 'Plan name'));
    const secondName = await focusedValue(page);
    expect(pathway.name.startsWith(secondName)).toBe(true);
    await tabTo(page, control('button', 'Create plan'));
    await page.keyboard.press('Enter');
    await newPlan.waitFor({ state: 'hidden' });
    await page.getByTestId('projection-table').waitFor();
    await expect.poll(async () => (await app.call<Summary[]>('plans:list', {})).length).toBe(2);

    // 5. Compare: the section list is in the sidebar. Compare opens with the open plan and the
    // other one picked; Space on the other's checkbox takes it out, and Space again picks it.
    await tabTo(page, control('button', 'Compare'), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-view').waitFor();
    // The current section shows both its marker and the focus ring.
    await expectSensibleFocus(page, 'Compare in the sections', control('button', 'Compare'));
    await tabTo(page, control('checkbox', /^Keyboard walk plan/));
    await expectSensibleFocus(page, 'Compare: plan checkbox');
    const checked = () => page.evaluate(() => (document.activeElement as HTMLInputElement).checked);
    await expect(checked()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(checked()).resolves.toBe(false);
    await page.getByTestId('compare-table').waitFor({ state: 'detached' });
    await page.keyboard.press('Space');
    await expect(checked()).resolves.toBe(true);
    await page.getByTestId('compare-table').waitFor();
    await expect(page.getByTestId('compare-card-A').locator('h2').textContent()).resolves.toContain(
      secondName,
    );
    await expect(page.getByTestId('compare-card-B').locator('h2').textContent()).resolves.toContain(
      'Keyboard walk plan',
    );
    // The table's measure is a pair of toggle buttons: the pressed one must show focus too.
    await tabTo(page, control('button', 'Salary'));
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="compare-table"][data-metric="salary"]').waitFor();
    await expectSensibleFocus(page, 'Compare: the pressed Salary button');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'keyboard-compare-focus.png') });

    // 6. Back to the first plan from its Compare card: its name has focus in the planner.
    await tabTo(page, control('button', /^Open in the planner\W+Keyboard walk plan$/), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('planner').waitFor();
    await expectSensibleFocus(page, 'after Open in the planner', control('textbox', 'Plan name'));
    expect(await focusedValue(page)).toBe('Keyboard walk plan');
    const shown = await readTable(page);

    // 7. The PDF report: its dialog keeps focus inside, Escape gives it back to the button, and
    // Save PDF… saves where the (faked) save dialog says.
    await tabTo(page, control('button', 'PDF report'));
    await page.keyboard.press('Enter');
    const pdfDialog = page.getByRole('dialog', { name: 'Save a PDF report' });
    await pdfDialog.waitFor();
    expect((await expectSensibleFocus(page, 'PDF dialog')).dialog).toBe('Save a PDF report');
    await expectTabStaysInDialog(page, 'Save a PDF report');
    await page.keyboard.press('Escape');
    await pdfDialog.waitFor({ state: 'hidden' });
    await expectSensibleFocus(page, 'after closing the PDF dialog', control('button', 'PDF report'));
    await page.keyboard.press('Enter');
    await pdfDialog.waitFor();
    const pdf = join(out, 'keyboard-walk.pdf');
    app.dialogs.answerSave(pdf);
    await tabTo(page, control('button', 'Save PDF…'));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved “keyboard-walk.pdf”.' })
      .waitFor({ timeout: 30_000 });
    await pdfDialog.waitFor({ state: 'hidden' });
    // The report was printed in a second tab, which came to the front; the app's tab comes back
    // (a background tab gets few animation frames). Not a click: the app's focus is untouched.
    await page.bringToFront();
    await expectSensibleFocus(page, 'after saving the PDF', control('button', 'PDF report'));
    expect(app.dialogs.saves.at(-1)!.defaultPath).toContain('Keyboard walk plan');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Keyboard walk plan');
    expect(text).toContain(shown[0]![2]!); // the first year's salary, as the planner shows it

    // 8. The CSV table: the next button along.
    const csv = join(out, 'keyboard-walk.csv');
    app.dialogs.answerSave(csv);
    await tabTo(page, control('button', 'CSV table'));
    await expectSensibleFocus(page, 'CSV table button');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved “keyboard-walk.csv”.' }).waitFor();
    expect(existsSync(csv)).toBe(true);
    expect(app.dialogs.saves.at(-1)!.defaultPath).toContain('Keyboard walk plan');
    const rows = Papa.parse<string[]>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data.slice(1);
    // Year, role and salary of every year are the planner's.
    expect(rows.map((r) => [Number(r[0]), r[1], Number(r[6])])).toEqual(
      shown.map((r) => [Number(r[0]), r[1], money(r[2]!)]),
    );
    await expectSensibleFocus(page, 'after saving the CSV');
    expect(app.problems).toEqual([]);
  });
});
