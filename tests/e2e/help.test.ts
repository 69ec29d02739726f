/**
 * Help end to end: "How projections work" is docs/how-projections-work.md rendered in the app,
 * "Sources" lists every source of the pack with what uses it, a figure's source note opens
 * Sources at that source, and the sections are reachable with the keyboard and the app menu.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { newPlan } from '../../shared/plan/new-plan';
import { headingsOf } from '../../renderer/src/features/help/markdown-toc';
import { ARTIFACTS_DIR, ROOT } from './harness';
import { useApp } from './use-app';

describe('help', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  const pack = loadDataPack();

  it('opens Sources at the source a figure cites, and lists every source with what uses it', async () => {
    const { page } = app;
    await app.call('plans:create', {
      plan: newPlan(pack, {
        startYear: 2026,
        name: 'Sources plan',
        role: 'medical-assistant',
        place: 'US-TX',
      }),
    });
    await page.goto(app.url);
    await page.getByTestId('planner').waitFor();

    // The starting role's pay note names its source; "See in Sources" opens the Sources screen there.
    const role = pack.roles.find((r) => r.id === 'medical-assistant')!;
    await page.getByLabel('Source for Medical Assistant pay').first().click();
    await page.getByRole('button', { name: 'See in Sources' }).first().click();
    await page.getByTestId('sources-screen').waitFor();
    await expect(page.getByRole('tab', { name: 'Sources' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    const target = page.locator(`[data-source-id="${role.medianPay!.sourceId}"]`);
    await expect(target.getAttribute('class')).resolves.toContain('is-target');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).resolves.toBe(
      role.medianPay!.sourceId,
    );
    await expect(
      page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: 'Help' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');

    // Every source: publisher, dataset, period and where it was obtained, and what cites it.
    await expect(page.locator('.source-entry').count()).resolves.toBe(pack.sources.length);
    for (const source of pack.sources) {
      const entry = page.locator(`[data-source-id="${source.id}"]`);
      const text = (await entry.textContent())!;
      for (const field of [source.publisher, source.dataset, source.period, source.obtained])
        expect(text).toContain(field);
    }
    const guide = page.locator(`[data-source-id="${role.sourceId}"]`);
    await expect(guide.locator('.source-uses').textContent()).resolves.toContain('Medical Assistant');
    await guide.screenshot({ path: join(ARTIFACTS_DIR, 'help-source-guide.png') });
    await expect(page.locator('[data-source-id="bea-rpp-2024"] .source-uses').textContent()).resolves.toMatch(
      /Regional price parities for \d+ places/,
    );

    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'help-sources-1440x900.png') });

    // A filter shows one kind of source.
    await page.getByRole('button', { name: /^Career guide/ }).click();
    const guides = pack.sources.filter((s) => s.kind === 'career-guide').length;
    await expect(page.locator('.source-entry').count()).resolves.toBe(guides);
    await page.getByRole('button', { name: /^All/ }).click();
    expect(app.problems).toEqual([]);
  });

  it('renders How projections work from the repository’s document, with a contents list', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'How projections work' }).click();
    const doc = page.getByTestId('projections-doc');
    await doc.waitFor();
    const markdown = readFileSync(join(ROOT, 'docs', 'how-projections-work.md'), 'utf8');
    const headings = headingsOf(markdown, 2, 3);
    await expect(doc.locator('h2, h3').allTextContents()).resolves.toEqual(headings.map((h) => h.text));
    // GitHub tables and code blocks render as real tables and preformatted text; no raw HTML.
    const tables = markdown.split('\n').filter((line) => /^\|\s*-{3,}/.test(line)).length;
    expect(tables).toBeGreaterThan(0);
    await expect(doc.locator('table').count()).resolves.toBe(tables);
    await expect(doc.locator('pre code').first().textContent()).resolves.toContain('rate   = base × place');
    await expect(doc.locator('script, style, [style]').count()).resolves.toBe(0);

    // The contents list jumps to a section and gives it focus.
    await page
      .getByRole('navigation', { name: 'On this page' })
      .getByRole('button', { name: 'The formula' })
      .click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('The formula');

    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'help-projections-1440x900.png') });

    // The app menu's Help items open either tab.
    await app.menu('help-sources');
    await page.getByTestId('sources-screen').waitFor();
    await app.menu('help-projections');
    await page.getByTestId('projections-doc').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('moves between sections with the keyboard', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('button', { name: 'My plans' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('planner').waitFor();
    await expect(nav.getByRole('button', { name: 'My plans' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Compare');
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-view').waitFor();
    await expect(nav.getByRole('button', { name: 'Compare' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expect(
      nav.getByRole('button', { name: 'My plans' }).getAttribute('aria-current'),
    ).resolves.toBeNull();
    const labels = await nav.getByRole('button').allTextContents();
    await page.keyboard.press('End');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      labels[labels.length - 1],
    );
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      labels[labels.length - 1],
    );
    expect(app.problems).toEqual([]);
  });
});
