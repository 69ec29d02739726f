/**
 * What-if controls and "Suggest steps" in the planner. The engine runs in the page, so a slider
 * moves the chart and the totals before the next frame is painted: measured here with
 * performance.now() from the input event to the paint after it (requestAnimationFrame, then a
 * task), and required to be under 100 ms. The numbers are written to tests/artifacts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { projectPlan } from '../../shared/engine/index';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { newPlan } from '../../shared/plan/new-plan';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import { suggestPromotionSteps } from '../../shared/templates/suggest-steps';
import { ARTIFACTS_DIR, money, waitForSaved } from './harness';
import { useApp } from './use-app';

type StoredPlan = ChannelOutput<'plans:get'>;

const LIMIT_MS = 100;

describe('what if', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  const pack = loadDataPack();

  it('moves the chart and totals within 100 ms of a slider, and saves what the sliders set', async () => {
    const { page } = app;
    const template = pack.templates.find((t) => t.id === 'associate-degree-first')!;
    const original = planFromTemplate(template, pack, {
      startYear: 2026,
      place: 'US-TX',
      name: 'What if plan',
    });
    const created = await app.call<StoredPlan>('plans:create', { plan: original });
    await page.goto(app.url);
    await page.getByTestId('planner').waitFor();
    await page.getByTestId('what-if').waitFor();
    await waitForSaved(page);

    // One change: set the slider as a person would (the input event), then wait for the next paint.
    const change = (testId: string, value: string) =>
      page.evaluate(
        async ({ testId, value }) => {
          const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
          const total = document.querySelector('[data-testid="total-after-10"] .stat__value')!;
          const canvas = document.querySelector('.planner__results canvas[role="img"]')!;
          const totalBefore = total.textContent;
          const chartBefore = canvas.getAttribute('aria-label');
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const start = performance.now();
          setValue.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          const ms = performance.now() - start;
          return {
            ms,
            totalChanged: total.textContent !== totalBefore,
            chartChanged: canvas.getAttribute('aria-label') !== chartBefore,
          };
        },
        { testId, value },
      );

    // The very first change also compiles the code it runs: reported, not part of the samples.
    const first = await change('what-if-hours', '38');
    await waitForSaved(page);
    const samples: Array<{
      control: string;
      value: string;
      ms: number;
      totalChanged: boolean;
      chartChanged: boolean;
    }> = [];
    const controls: Array<[string, string[]]> = [
      ['what-if-hours', ['30', '24', '36', '40']],
      ['what-if-raise', ['2', '3.5', '0', '1']],
      ['what-if-year-program', ['2028', '2030', '2027', '2026']],
    ];
    for (const [testId, values] of controls) {
      for (const value of values) {
        // Each change on a quiet page: the autosave of the one before has gone through.
        await waitForSaved(page);
        samples.push({ control: testId, value, ...(await change(testId, value)) });
      }
    }
    const times = samples.map((s) => s.ms).sort((x, y) => x - y);
    const round = (ms: number) => Number(ms.toFixed(1));
    const report = {
      limitMs: LIMIT_MS,
      measured:
        'performance.now() from the input event to the first task after the next requestAnimationFrame (the paint)',
      firstChangeMs: round(first.ms),
      samples: samples.length,
      medianMs: round(times[Math.floor(times.length / 2)]!),
      p90Ms: round(times[Math.ceil(times.length * 0.9) - 1]!),
      maxMs: round(times[times.length - 1]!),
      each: samples.map((s) => ({ ...s, ms: round(s.ms) })),
    };
    writeFileSync(join(ARTIFACTS_DIR, 'what-if-latency.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `what-if latency (input → next paint): median ${report.medianMs} ms, 90th percentile ${report.p90Ms} ms, ` +
        `max ${report.maxMs} ms over ${report.samples} changes; first change ${report.firstChangeMs} ms`,
    );
    // The typical change is painted within the limit. Single samples are wall-clock time on a
    // machine whose cores other test browsers share, so one can be late for reasons outside the
    // page; the upper bound only catches a change that really hangs.
    expect(report.medianMs).toBeLessThan(LIMIT_MS);
    expect(report.maxMs).toBeLessThan(10 * LIMIT_MS);
    // Each change moved what the student sees (the hours and raise changes all change pay).
    for (const s of samples.filter((x) => x.control !== 'what-if-year-program')) {
      expect(s.totalChanged, `${s.control} → ${s.value} changed the total`).toBe(true);
      expect(
        s.chartChanged || s.control === 'what-if-raise',
        `${s.control} → ${s.value} changed the chart`,
      ).toBe(true);
    }

    // Now as a person would: the keyboard moves the program's year, and the plan saves it.
    const stepYear = page.getByTestId('what-if-year-program').first();
    await stepYear.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('what-if-hours').fill('32');
    await waitForSaved(page);
    let stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    expect(stored.plan.start.hoursPerWeek).toBe(32);
    expect(stored.plan.steps.find((s) => s.type === 'program')?.year).toBe(2028);
    const projection = projectPlan(stored.plan, pack);
    await expect
      .poll(async () =>
        money((await page.getByTestId('total-after-10').locator('.stat__value').textContent())!),
      )
      .toBe(projection.years[9]!.cumulativeNet);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'what-if-1440x900.png') });

    // "Put back" returns to the plan as it was opened.
    await page.getByRole('button', { name: 'Put back' }).click();
    await waitForSaved(page);
    stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    expect(stored.plan).toEqual(original);
    expect(app.problems).toEqual([]);
  });

  it('suggests the ladder’s promotions, says what it added, and undoes them', async () => {
    const { page } = app;
    const plan = newPlan(pack, {
      startYear: 2026,
      name: 'Suggest plan',
      role: 'medical-assistant',
      place: 'US-OH',
    });
    const created = await app.call<StoredPlan>('plans:create', { plan });
    await page.reload();
    await page.getByTestId('plan-list-item').filter({ hasText: 'Suggest plan' }).click();
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe('Suggest plan');
    await waitForSaved(page);

    const expected = suggestPromotionSteps(plan, pack);
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Suggest steps' }).click();
    const toast = page.locator('.toast');
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toMatch(
      new RegExp(`^Added ${expected.length} promotions up the medical assistant ladder`),
    );
    await expect(page.getByTestId('step').count()).resolves.toBe(expected.length);
    await waitForSaved(page);
    let stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    expect(stored.plan.steps).toEqual(expected);

    // Asking again adds nothing and says why.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('step').count()).resolves.toBe(0);
    await waitForSaved(page);
    stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    expect(stored.plan.steps).toEqual([]);
    await page.getByRole('button', { name: 'Suggest steps' }).click();
    await page.getByRole('button', { name: 'Suggest steps' }).click();
    await expect(page.locator('.toast').textContent()).resolves.toMatch(
      /^Nothing to suggest: the plan already has every promotion/,
    );
    await expect(page.getByTestId('step').count()).resolves.toBe(expected.length);
    expect(app.problems).toEqual([]);
  });
});
