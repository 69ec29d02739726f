/**
 * Compare end to end: two plans started from pathways in the new-plan dialog, compared side by
 * side, and every number on the Compare screen checked against the engine run here on the plans
 * as the database holds them (plans:get).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { comparePlans, projectPlan } from '../../shared/engine/index';
import { comparisonSentences } from '../../shared/compare/sentences';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import { ARTIFACTS_DIR, money, range } from './harness';
import { useApp } from './use-app';

type StoredPlan = ChannelOutput<'plans:get'>;
type Summary = ChannelOutput<'plans:list'>[number];

/** "+$6,200" → 6200, "−$1,250" → -1250 (a real minus), "$0" → 0. */
function signed(text: string): number {
  const value = money(text.replace(/\s*vs\s+A$/, ''));
  return /^[−-]/.test(text.trim()) ? -Math.abs(value) : value;
}

async function startFromPathway(page: Page, templateId: string, place: string): Promise<void> {
  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
  await dialog.waitFor();
  await dialog.locator(`[data-template="${templateId}"] input[type="radio"]`).check();
  await dialog.getByLabel("Where you'll work").selectOption(place);
  await dialog.getByRole('button', { name: 'Create plan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('planner').waitFor();
}

/** The comparison table as text: one array of cell texts per body row. */
async function readCompareTable(page: Page): Promise<string[][]> {
  return page
    .getByTestId('compare-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** The value cell's own figure without the range line under it. */
async function readValues(page: Page): Promise<{ values: string[][]; ranges: string[][] }> {
  return page
    .getByTestId('compare-table')
    .locator('tbody tr')
    .evaluateAll((rows) => ({
      values: rows.map((row) =>
        Array.from(row.querySelectorAll('[data-testid="value"]')).map((cell) =>
          (cell.firstChild?.textContent ?? '').trim(),
        ),
      ),
      ranges: rows.map((row) =>
        Array.from(row.querySelectorAll('.compare-table__range')).map((cell) =>
          (cell.textContent ?? '').trim(),
        ),
      ),
    }));
}

describe('compare', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  const pack = loadDataPack();

  it('starts two plans from pathways, compares them, and shows exactly the engine’s numbers', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('empty-state').waitFor();

    // The new-plan dialog lists every pathway in the pack, plus a blank plan.
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
    await expect(dialog.locator('.start-option').count()).resolves.toBe(pack.templates.length + 1);
    await dialog.locator('[data-template="cmaa-fast-track"] input').check();
    await expect(dialog.getByLabel('Plan name').inputValue()).resolves.toBe('CMAA fast track');
    await expect(dialog.getByLabel('Starting role').isDisabled()).resolves.toBe(true);
    await dialog
      .locator('[data-template="cmaa-fast-track"]')
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'new-plan-pathways.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await startFromPathway(page, 'cmaa-fast-track', 'US-OH');
    await startFromPathway(page, 'associate-degree-first', 'US-OH');

    const summaries = await app.call<Summary[]>('plans:list', {});
    const byName = new Map(summaries.map((s) => [s.name, s]));
    const storedA = await app.call<StoredPlan>('plans:get', { id: byName.get('CMAA fast track')!.id });
    const storedB = await app.call<StoredPlan>('plans:get', { id: byName.get('Associate degree first')!.id });
    // The plans are the templates' own, as planFromTemplate makes them.
    const startYear = storedA.plan.startYear;
    const template = (id: string) => pack.templates.find((t) => t.id === id)!;
    expect(storedA.plan).toEqual(
      planFromTemplate(template('cmaa-fast-track'), pack, {
        startYear,
        place: 'US-OH',
        name: 'CMAA fast track',
      }),
    );
    expect(storedB.plan).toEqual(
      planFromTemplate(template('associate-degree-first'), pack, {
        startYear,
        place: 'US-OH',
        name: 'Associate degree first',
      }),
    );

    // Compare: the open plan is picked first; make the fast track plan A.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Compare', exact: true })
      .click();
    await page.getByTestId('compare-view').waitFor();
    await expect(
      page.getByRole('button', { name: 'Compare', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page.getByRole('button', { name: 'Measure the others against CMAA fast track' }).click();
    await page.getByTestId('compare-table').waitFor();

    const a = projectPlan(storedA.plan, pack);
    const b = projectPlan(storedB.plan, pack);
    const comparison = comparePlans(a, b);

    // Cards: totals after 5 and 10 years, the difference, and break-even.
    const cardA = page.getByTestId('compare-card-A');
    const cardB = page.getByTestId('compare-card-B');
    await expect(cardA.locator('h2').textContent()).resolves.toContain('CMAA fast track');
    expect(money((await cardA.getByTestId('after-5').locator('dd').first().textContent())!)).toBe(
      a.years[4]!.cumulativeNet,
    );
    expect(money((await cardA.getByTestId('after-10').locator('dd').first().textContent())!)).toBe(
      a.years[9]!.cumulativeNet,
    );
    expect(money((await cardB.getByTestId('after-5').locator('dd').first().textContent())!)).toBe(
      b.years[4]!.cumulativeNet,
    );
    expect(money((await cardB.getByTestId('after-10').locator('dd').first().textContent())!)).toBe(
      b.years[9]!.cumulativeNet,
    );
    expect(signed((await cardB.getByTestId('diff-5').textContent())!)).toBe(comparison.after5);
    expect(signed((await cardB.getByTestId('diff-10').textContent())!)).toBe(comparison.after10);
    const breakEven = (await cardB.getByTestId('break-even').locator('dd').textContent())!;
    if (comparison.breakEvenYear === null) expect(breakEven).toMatch(/^Not within/);
    else expect(breakEven).toContain(String(comparison.breakEvenYear));

    // The sentences are shared/compare/sentences.ts's, word for word.
    const sentences = await page.getByTestId('compare-sentence').allTextContents();
    expect(sentences).toEqual(
      comparisonSentences(comparison, a, b, {
        labelA: '“CMAA fast track”',
        labelB: '“Associate degree first”',
      }),
    );
    expect(sentences.length).toBeGreaterThan(0);

    // The table, money earned so far: each plan's cumulative net and B − A, every year.
    let rows = await readCompareTable(page);
    expect(rows.map((r) => Number(r[0]!.slice(0, 4)))).toEqual(a.years.map((y) => y.year));
    expect(rows.map((r) => money(r[1]!))).toEqual(a.years.map((y) => y.cumulativeNet));
    expect(rows.map((r) => money(r[2]!))).toEqual(b.years.map((y) => y.cumulativeNet));
    expect(rows.map((r) => signed(r[3]!))).toEqual(comparison.years.map((y) => y.cumulativeNetDifference));

    // Charts are images with a summary; the table is their alternative.
    const canvases = page.getByTestId('compare-view').locator('canvas[role="img"]');
    await expect(canvases.count()).resolves.toBe(2);
    await expect(canvases.first().getAttribute('aria-label')).resolves.toMatch(
      /^Line chart of yearly salary in today's dollars, \d{4} to \d{4}\. CMAA fast track: \$/,
    );

    // Screenshots: the first screen, then the whole page, then in grayscale.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'compare-1440x900.png') });
    await page.setViewportSize({ width: 1440, height: 2700 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'compare-1440-tall.png') });
    await page.evaluate(() => document.documentElement.style.setProperty('filter', 'grayscale(1)'));
    await page
      .getByTestId('compare-salary-chart')
      .screenshot({ path: join(ARTIFACTS_DIR, 'compare-chart-grayscale.png') });
    await page.evaluate(() => document.documentElement.style.removeProperty('filter'));
    await page.setViewportSize({ width: 1440, height: 900 });

    // Salary in the table: each plan's salary, its range, and B − A.
    await page.getByRole('button', { name: 'Salary', exact: true }).click();
    await page.locator('[data-testid="compare-table"][data-metric="salary"]').waitFor();
    rows = await readCompareTable(page);
    const { values, ranges } = await readValues(page);
    expect(values.map((r) => money(r[0]!))).toEqual(a.years.map((y) => y.salary));
    expect(values.map((r) => money(r[1]!))).toEqual(b.years.map((y) => y.salary));
    expect(ranges.map((r) => range(r[0]!))).toEqual(a.years.map((y) => [y.salaryLow, y.salaryHigh]));
    expect(ranges.map((r) => range(r[1]!))).toEqual(b.years.map((y) => [y.salaryLow, y.salaryHigh]));
    expect(rows.map((r) => signed(r[3]!))).toEqual(comparison.years.map((y) => y.salaryDifference));

    // Future dollars: the same plans, every amount as the engine gives it in nominal money.
    await page.getByLabel('Future dollars').check();
    await page.getByRole('button', { name: 'Earned so far' }).click();
    const nominal = (plan: Plan): Plan => ({
      ...plan,
      assumptions: { ...plan.assumptions, dollars: 'nominal' },
    });
    const an = projectPlan(nominal(storedA.plan), pack);
    const bn = projectPlan(nominal(storedB.plan), pack);
    const cn = comparePlans(an, bn);
    await expect
      .poll(async () => (await readCompareTable(page)).map((r) => money(r[1]!)))
      .toEqual(an.years.map((y) => y.cumulativeNet));
    rows = await readCompareTable(page);
    expect(rows.map((r) => money(r[2]!))).toEqual(bn.years.map((y) => y.cumulativeNet));
    expect(rows.map((r) => signed(r[3]!))).toEqual(cn.years.map((y) => y.cumulativeNetDifference));
    await expect(page.getByTestId('compare-sentence').allTextContents()).resolves.toEqual(
      comparisonSentences(cn, an, bn, { labelA: '“CMAA fast track”', labelB: '“Associate degree first”' }),
    );
    await page.getByLabel("Today's dollars").check();

    expect(app.problems).toEqual([]);
  });

  it('says plans in different currencies cannot be compared directly', async () => {
    const { page } = app;
    const uk = planFromTemplate(
      pack.templates.find((t) => t.id === 'front-desk-to-lead-moa')!,
      pack,
      {
        startYear: 2026,
        place: 'GB',
        name: 'Front desk in the U.K.',
      },
    );
    await app.call('plans:create', { plan: uk });
    await page.reload();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('compare-view').waitFor();
    // The newest plan is open, so Compare picks it first.
    const ukBox = page.getByRole('checkbox', { name: /^Front desk in the U\.K\./ });
    await expect(ukBox.isChecked()).resolves.toBe(true);
    const notice = page.getByTestId('compare-currency');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/can't be compared directly/);
    await expect(notice.textContent()).resolves.toMatch(/“Front desk in the U\.K\.” is in GBP/);
    await expect(page.getByTestId('compare-table').count()).resolves.toBe(0);
    await ukBox.uncheck();
    await page.getByRole('checkbox', { name: /^CMAA fast track/ }).check();
    await page.getByRole('checkbox', { name: /^Associate degree first/ }).check();
    await page.getByTestId('compare-table').waitFor();
    await expect(notice.count()).resolves.toBe(0);
    expect(app.problems).toEqual([]);
  });
});
