/**
 * Places end to end: the open plan in other places, each projected by the engine with the plan's
 * start place replaced, the engine's warnings where a place lacks data, and what the pay buys at
 * home (BEA price parities) — every figure checked against the shared code run here.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { projectPlan } from '../../shared/engine/index';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { purchasingPowerEquivalent, purchasingPowerSentence } from '../../shared/places/cost-of-living';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import { ARTIFACTS_DIR, money } from './harness';
import { useApp } from './use-app';

type StoredPlan = ChannelOutput<'plans:get'>;

describe('places', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  const pack = loadDataPack();

  it('shows the plan in up to five places with the engine’s pay, warnings and price-adjusted pay', async () => {
    const { page } = app;
    const template = pack.templates.find((t) => t.id === 'ma-to-office-coordinator')!;
    const created = await app.call<StoredPlan>('plans:create', {
      plan: planFromTemplate(template, pack, { startYear: 2026, place: 'US-OH', name: 'Ohio MA ladder' }),
    });
    await page.goto(app.url);
    await page.getByTestId('planner').waitFor();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Places' }).click();
    await page.getByTestId('places-view').waitFor();
    await page.getByTestId('places-table').waitFor();

    // Add California, San Francisco (a city: its state's data), Guam (a territory) and the U.K.
    for (const place of ['US-CA', 'US-CA-san-francisco', 'US-GU']) {
      await page.getByLabel('Add a place').selectOption(place);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    // Five is the most: Ohio, the U.S., California, San Francisco, Guam.
    await expect(page.getByLabel('Add a place').isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Remove Guam' }).click();
    await page.getByLabel('Add a place').selectOption('GB');
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    const places = ['US-OH', 'US', 'US-CA', 'US-CA-san-francisco', 'GB'];
    await expect(
      page
        .getByTestId('places-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-place'))),
    ).resolves.toEqual(places);

    const stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    const inPlace = (placeId: string): Plan => ({
      ...stored.plan,
      start: { ...stored.plan.start, place: placeId },
    });
    const home = projectPlan(stored.plan, pack);
    for (const placeId of places) {
      const projection = projectPlan(inPlace(placeId), pack);
      const row = page.locator(`[data-testid="places-table"] tr[data-place="${placeId}"]`);
      const text = async (id: string) => (await row.getByTestId(id).textContent())!.trim();
      expect(money(await text('first-salary'))).toBe(projection.years[0]!.salary);
      expect(money(await text('last-salary'))).toBe(projection.years[projection.years.length - 1]!.salary);
      expect(money(await text('total-net'))).toBe(projection.totals.net);
      // The engine's warnings about the place's data are next to it.
      const notes = await row.getByTestId('place-note').allTextContents();
      for (const w of projection.warnings.filter((x) =>
        ['no-place-data', 'city-uses-state-data', 'no-pay-data'].includes(x.code),
      ))
        expect(notes).toContain(w.message);
      if (projection.currency === 'USD') {
        const atHome = purchasingPowerEquivalent(projection.years[0]!.salary, placeId, 'US-OH', pack);
        expect(atHome.value).not.toBeNull();
        expect(money(await text('at-home-prices'))).toBe(Math.round(atHome.value!));
      } else {
        await expect(row.textContent()).resolves.toMatch(/in GBP, not USD: it can't be compared directly/);
      }
    }
    await expect(
      page.locator('tr[data-place="US-CA-san-francisco"]').getByTestId('place-note').first().textContent(),
    ).resolves.toMatch(/California/);

    // "$X in California buys what $Y buys in Ohio", from shared/places/cost-of-living.ts.
    const sentences = await page.getByTestId('col-sentence').allTextContents();
    const ca = projectPlan(inPlace('US-CA'), pack).years[0]!.salary;
    expect(sentences).toContain(purchasingPowerSentence(ca, 'US-CA', 'US-OH', pack));
    expect(sentences.some((s) => /^\$[\d,]+ in California buys what \$[\d,]+ buys in Ohio\.$/.test(s))).toBe(
      true,
    );
    await page.getByLabel('Amount').fill('54000');
    await page.getByLabel('In', { exact: true }).selectOption('US-CA');
    await page.getByLabel('Buys what this buys in').selectOption('US-OH');
    await expect(page.getByTestId('col-answer').textContent()).resolves.toBe(
      purchasingPowerSentence(54000, 'US-CA', 'US-OH', pack),
    );

    // A chart of the places in dollars, with a summary; the table is its alternative.
    await expect(
      page.getByTestId('places-chart').locator('canvas').getAttribute('aria-label'),
    ).resolves.toMatch(/^Line chart of yearly salary by place in today's dollars/);
    expect(home.years[0]!.salary).toBeGreaterThan(0);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'places-1440x900.png') });
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'places-1440-tall.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Future dollars: the same places, in the engine's nominal money.
    await page.getByLabel('Future dollars').check();
    const nominal = projectPlan({ ...inPlace('US-CA'), assumptions: { dollars: 'nominal' } }, pack);
    await expect
      .poll(async () =>
        money((await page.locator('tr[data-place="US-CA"]').getByTestId('last-salary').textContent())!),
      )
      .toBe(nominal.years[nominal.years.length - 1]!.salary);
    await page.getByLabel("Today's dollars").check();

    expect(app.problems).toEqual([]);
  });
});
