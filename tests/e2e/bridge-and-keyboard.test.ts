/**
 * The bridge refuses bad input without touching the database, and the planner works with the
 * keyboard alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput, IpcResult } from '../../shared/ipc/contract';
import { newPlan } from '../../shared/plan/new-plan';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { ARTIFACTS_DIR, waitForSaved } from './harness';
import { useApp } from './use-app';
import type { Page } from 'playwright-core';

type StoredPlan = ChannelOutput<'plans:get'>;
type Summary = ChannelOutput<'plans:list'>[number];

function hashFile(file: string): string | null {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; label: string; text: string }) => boolean,
  limit = 80,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        label: el?.getAttribute('aria-label') ?? '',
        text: (el?.textContent ?? '').trim(),
      };
    });
    if (matches(focused)) return;
  }
  throw new Error(`Tab never reached the element after ${limit} presses`);
}

describe('bridge', () => {
  const app = useApp();

  it('refuses an invalid save with invalid_input naming the field, and leaves the database byte-for-byte unchanged', async () => {
    const { page } = app;
    // A real plan in the database first, saved through the UI's own path.
    const pack = loadDataPack();
    const created = await app.call<StoredPlan>('plans:create', {
      plan: newPlan(pack, { startYear: 2026, name: 'Existing plan' }),
    });
    await page.goto(app.url);
    await page.getByTestId('planner').waitFor();
    await waitForSaved(page);

    const db = app.services.databaseFile;
    const before = [hashFile(db), hashFile(`${db}-wal`)];
    expect(before[0]).not.toBeNull();

    const result = await page.evaluate(() =>
      (
        window as unknown as { planner: { invoke: (c: string, p: unknown) => Promise<unknown> } }
      ).planner.invoke('plans:save', {
        id: 1,
        revision: 0,
        plan: { name: '' },
      }),
    );
    const refused = result as IpcResult<unknown>;
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_input');
    expect(`${refused.error.path ?? ''} ${refused.error.message}`).toMatch(/name/);

    expect([hashFile(db), hashFile(`${db}-wal`)]).toEqual(before);
    // And the stored plan is untouched.
    const stored = await app.call<StoredPlan>('plans:get', { id: created.id });
    expect(stored.revision).toBe(created.revision);
    expect(stored.plan.name).toBe('Existing plan');
  });
});

describe('keyboard only', () => {
  const app = useApp();

  it('creates a plan and adds a step with only the keyboard', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('empty-state').waitFor();

    // Escape closes the new-plan dialog without creating anything.
    await tabTo(page, (el) => el.tag === 'button' && el.text.includes('New plan'));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Start a new plan' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(app.call<Summary[]>('plans:list', {})).resolves.toEqual([]);
    // Focus went back to the button that opened it.
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toContain(
      'New plan',
    );

    // Open it again, name the plan, pick a starting role with the arrow keys, press Enter.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
    await dialog.waitFor();
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
    ).resolves.toBe('My plan');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Keyboard plan');
    await page.keyboard.press('Tab'); // starting role
    const roleBefore = await dialog.getByLabel('Starting role').inputValue();
    await page.keyboard.press('ArrowDown');
    const role = await dialog.getByLabel('Starting role').inputValue();
    expect(role).not.toBe(roleBefore);
    await page.keyboard.press('Shift+Tab'); // back to the name
    await page.keyboard.press('Enter');
    await page.getByTestId('planner').waitFor();

    // The new plan's name has focus; Tab through the form to "add a certification".
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('plan-name');
    await tabTo(page, (el) => el.label === 'Add step: earn a certification');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'keyboard-focus.png') });
    await page.keyboard.press('Enter');

    // Focus lands on the new step's certification picker; change it with the arrow keys.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    const certification = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);

    // Then the year: type it and press Enter.
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent),
    ).resolves.toBe('Year');
    const [summary] = await app.call<Summary[]>('plans:list', {});
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(summary!.startYear + 2));
    await page.keyboard.press('Enter');

    await waitForSaved(page);
    const stored = await app.call<StoredPlan>('plans:get', { id: summary!.id });
    expect(stored.plan.name).toBe('Keyboard plan');
    expect(stored.plan.start.role).toBe(role);
    expect(stored.plan.steps).toEqual([
      { type: 'certification', certification, year: summary!.startYear + 2 },
    ]);
    expect(app.problems).toEqual([]);
  });
});
