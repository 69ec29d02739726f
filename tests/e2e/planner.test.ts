/**
 * The planner end to end: create a plan, edit it, let it autosave, reload, and check that what
 * the screen shows is what the engine computes from what the database holds.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { projectPlan } from '../../shared/engine/index';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { ARTIFACTS_DIR, money, range, readTable, waitForSaved } from './harness';
import { useApp } from './use-app';

type StoredPlan = ChannelOutput<'plans:get'>;
type Summary = ChannelOutput<'plans:list'>[number];

describe('planner', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });

  it('creates a plan with two steps, autosaves it, and shows the same projection after a reload', async () => {
    const { page } = app;
    await page.goto(app.url);

    // First run: the empty state, written for a 17-year-old.
    await page.getByTestId('empty-state').waitFor();
    await expect(
      page.getByRole('heading', { name: "You don't have any plans yet." }).isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'empty-state-1440x900.png') });

    // Create a plan: Medical Assistant in Texas.
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
    await dialog.getByLabel('Plan name').fill('Texas MA plan');
    await dialog.getByLabel('Starting role').selectOption('medical-assistant');
    await dialog.getByLabel("Where you'll work").selectOption('US-TX');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await page.getByTestId('planner').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);

    const [summary] = await app.call<Summary[]>('plans:list', {});
    expect(summary?.name).toBe('Texas MA plan');
    const startYear = summary!.startYear;

    // Step 1: earn the CMA in year 2.
    await page.getByRole('button', { name: 'Add step: earn a certification' }).click();
    let step = page.getByTestId('step').last();
    await step.getByLabel('Certification', { exact: true }).selectOption('cma');
    await step.getByLabel('Year').fill(String(startYear + 1));
    await step.getByLabel('Year').press('Tab');

    // Step 2: move up to Senior Medical Assistant in year 3.
    await page.getByRole('button', { name: 'Add step: move to a new role' }).click();
    step = page.getByTestId('step').last();
    await step.getByLabel('New role').selectOption('senior-medical-assistant');
    await step.getByLabel('Year').fill(String(startYear + 2));
    await step.getByLabel('Year').press('Tab');

    await waitForSaved(page);
    const steps = await page.getByTestId('step').locator('.step__title').allTextContents();
    expect(steps).toEqual(['Earn CMA (Certified Medical Assistant)', 'Move to Senior Medical Assistant']);
    const before = await readTable(page);
    expect(before).toHaveLength(summary!.years);

    // The CMA needs an accredited program first: the engine's warning sits on that step.
    await expect(
      page.getByTestId('step').first().locator('.notice--warning').count(),
    ).resolves.toBeGreaterThan(0);

    // The charts are images with a summary; the table is their accessible alternative.
    const canvases = page.locator('canvas[role="img"]');
    await expect(canvases.count()).resolves.toBe(2);
    await expect(canvases.first().getAttribute('aria-label')).resolves.toMatch(
      /^Line chart of yearly salary in today's dollars, \d{4} to \d{4}: \$/,
    );
    await expect(page.locator('table caption').textContent()).resolves.toContain('Year by year');
    await expect(page.locator('thead th[scope="col"]').count()).resolves.toBe(6);
    await expect(page.locator('tbody th[scope="row"]').count()).resolves.toBe(summary!.years);
    await expect(page.title()).resolves.toBe('Texas MA plan — Pathway Planner');

    // Screenshots: the first screen as a student sees it, then the whole page on a tall window.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'planner-1440x900.png') });
    await page.setViewportSize({ width: 1440, height: 2200 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'planner-1440-tall.png') });
    // The chart must read without colour: look at it in grayscale.
    await page.evaluate(() => document.documentElement.style.setProperty('filter', 'grayscale(1)'));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'planner-grayscale.png') });
    await page.evaluate(() => document.documentElement.style.removeProperty('filter'));
    await page.setViewportSize({ width: 1440, height: 900 });

    // Reload: the plan, its steps and the projection are unchanged.
    await page.reload();
    await page.getByTestId('planner').waitFor();
    await page.getByTestId('projection-table').waitFor();
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe('Texas MA plan');
    await expect(page.getByTestId('step').locator('.step__title').allTextContents()).resolves.toEqual(steps);
    const after = await readTable(page);
    expect(after).toEqual(before);

    // And the numbers are the engine's, run here on the plan as the database holds it.
    const stored = await app.call<StoredPlan>('plans:get', { id: summary!.id });
    expect(stored.plan.steps).toEqual([
      { type: 'certification', certification: 'cma', year: startYear + 1 },
      { type: 'role', role: 'senior-medical-assistant', year: startYear + 2 },
    ]);
    const projection = projectPlan(stored.plan, loadDataPack());
    expect(after.map((row) => Number(row[0]))).toEqual(projection.years.map((y) => y.year));
    expect(after.map((row) => money(row[2]!))).toEqual(projection.years.map((y) => y.salary));
    expect(after.map((row) => range(row[3]!))).toEqual(
      projection.years.map((y) => [y.salaryLow, y.salaryHigh]),
    );
    expect(after.map((row) => money(row[4]!))).toEqual(projection.years.map((y) => y.costs));
    expect(after.map((row) => money(row[5]!))).toEqual(projection.years.map((y) => y.cumulativeNet));
    expect(after[2]?.[1]).toBe('Senior Medical Assistant');

    expect(app.problems).toEqual([]);
  });
});
