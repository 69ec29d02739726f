/**
 * Bad input where a person types, seen in the window: a name with HTML or script is shown as
 * text (never run, never parsed), a pasted 10,000-character name gets a plain message instead of
 * being silently cut, emoji and right-to-left names are kept and laid out in their own
 * direction, and impossible numbers are explained next to their field and never saved.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { newPlan } from '../../shared/plan/new-plan';
import type { Locator } from 'playwright-core';
import { ARTIFACTS_DIR, waitForSaved } from './harness';
import { useApp } from './use-app';

type StoredPlan = ChannelOutput<'plans:get'>;
type Summary = ChannelOutput<'plans:list'>[number];

const pack = loadDataPack();
const HTML_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>Bold</b>';
const TOO_LONG = 'The plan name is 10,000 characters long. Keep it to 120 or fewer.';
const RTL_NAME = 'خطة مساعد طبي 👩🏽‍⚕️ 2026';

describe('bad input in the window', () => {
  const app = useApp();
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-bad-input-out-'));
  });
  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
  });

  const plans = () => app.call<Summary[]>('plans:list', {});
  /** The field messages shown in `scope`, once React has drawn them. */
  const fieldErrors = (scope: Locator) =>
    scope
      .locator('.field__error')
      .allTextContents()
      .then((t) => t.join(' | '));
  const pwned = () => app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

  it('shows a name made of HTML and script as text, everywhere it appears', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
    await dialog.getByLabel('Plan name').fill(HTML_NAME);
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await page.getByTestId('planner').waitFor();

    expect((await plans()).map((p) => p.name)).toEqual([HTML_NAME]);
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe(HTML_NAME);
    await expect(page.locator('.plan-list__name').first().textContent()).resolves.toBe(HTML_NAME);
    // Nothing of it became an element, and nothing ran.
    await expect(page.locator('img[src="x"], main script, .plan-list b').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();

    // The same in the PDF report: the title is the text, and the file name is safe everywhere.
    await page
      .getByRole('group', { name: 'Export this plan' })
      .getByRole('button', { name: 'PDF report' })
      .click();
    const pdfDialog = page.getByRole('dialog', { name: 'Save a PDF report' });
    await pdfDialog.waitFor();
    app.dialogs.answerSave(join(out, 'html-name.pdf'));
    await pdfDialog.getByRole('button', { name: 'Save PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “html-name.pdf”.' }).waitFor({ timeout: 30_000 });
    const suggested = app.dialogs.saves.at(-1)!.defaultPath ?? '';
    expect(suggested.split(/[\\/]/).pop()).not.toMatch(/[<>:"|?*\\/]/);
    const text = execFileSync('pdftotext', ['-layout', join(out, 'html-name.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('<img src=x onerror=');
    await expect(pwned()).resolves.toBeUndefined();
    expect(app.problems).toEqual([]);
  });

  it('says a pasted 10,000-character name is too long instead of cutting it, and keeps the old name', async () => {
    const { page } = app;
    const before = await app.call<StoredPlan>('plans:get', { id: (await plans())[0]!.id });
    const long = `${'Medical assistant plan '.repeat(435).slice(0, 9_999)}!`;

    // The rename dialog.
    await page
      .getByRole('group', { name: `Actions for ${HTML_NAME}` })
      .getByRole('button', { name: 'Rename' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Rename plan' });
    await dialog.getByLabel('Plan name').fill(long);
    await expect(dialog.getByLabel('Plan name').inputValue()).resolves.toHaveLength(10_000);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => fieldErrors(dialog)).toContain(TOO_LONG);
    await expect(dialog.getByLabel('Plan name').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'bad-input-long-name.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The name field at the top of the planner: the message, and no save.
    await page.getByLabel('Plan name').fill(long);
    await expect.poll(() => fieldErrors(page.locator('.planner__header'))).toContain(TOO_LONG);
    await expect(page.getByTestId('save-status').textContent()).resolves.toContain('Fix the');
    await page.waitForTimeout(1200);
    const stored = await app.call<StoredPlan>('plans:get', { id: before.id });
    expect(stored.plan.name).toBe(HTML_NAME);
    expect(stored.revision).toBe(before.revision);

    // Back to a good name: it saves.
    await page.getByLabel('Plan name').fill(HTML_NAME);
    await waitForSaved(page);
  });

  it('keeps an emoji and right-to-left name exactly, laid out right to left', async () => {
    const { page } = app;
    const [plan] = await plans();
    await page.getByLabel('Plan name').fill(RTL_NAME);
    await waitForSaved(page);
    const stored = await app.call<StoredPlan>('plans:get', { id: plan!.id });
    expect(stored.plan.name).toBe(RTL_NAME);
    // Each name is its own bidirectional island: Arabic reads right to left without pulling
    // the text around it along.
    const listName = page.locator('.plan-list__name').first();
    await expect(listName.textContent()).resolves.toBe(RTL_NAME);
    await expect(listName.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    await expect(page.getByLabel('Plan name').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe(
      'rtl',
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'bad-input-rtl-name.png') });

    // The report's student name: one line, at most 120 characters, explained before anything is saved.
    await page
      .getByRole('group', { name: 'Export this plan' })
      .getByRole('button', { name: 'PDF report' })
      .click();
    const pdfDialog = page.getByRole('dialog', { name: 'Save a PDF report' });
    await pdfDialog.getByLabel("Student's name").fill('s'.repeat(10_000));
    const savesBefore = app.dialogs.saves.length;
    await pdfDialog.getByRole('button', { name: 'Save PDF…' }).click();
    await expect
      .poll(() => fieldErrors(pdfDialog))
      .toContain("The student's name is 10,000 characters long. Keep it to 120 or fewer.");
    expect(app.dialogs.saves.length, 'no save dialog was opened').toBe(savesBefore);
    await pdfDialog.getByRole('button', { name: 'Cancel' }).click();
    expect(readdirSync(out)).toEqual(['html-name.pdf']);
  });

  it.each([
    ['Hours per week', '-5', 'Hours per week must be at least 1 hour.'],
    ['Hours per week', 'forty', 'Hours per week needs a number.'],
    ['Hours per week', '1e9', 'Hours per week needs a number.'],
    ['Hours per week', '1000000', 'Hours per week must be at most 80 hours.'],
    ['Start year', '2026.5', 'The start year must be a whole year.'],
    ['Start year', '20265', 'The start year must be 2100 or earlier.'],
    ['Years to plan', '0', 'The number of years must be at least 1.'],
    ['Years to plan', '46', 'The number of years must be at most 45.'],
    ['Years to plan', '2.5', 'The number of years must be a whole number of years.'],
    ['Years already worked', '-1', 'Years of experience must not be negative.'],
    ['Years already worked', '0.5', 'Years of experience must be a whole number of years.'],
  ])('explains %s = %j next to the field and saves nothing', async (label, typed, message) => {
    const { page } = app;
    const plan = await app.call<StoredPlan>('plans:create', {
      plan: newPlan(pack, {
        startYear: 2026,
        name: `Numbers ${label} ${typed}`,
        role: 'medical-assistant',
        place: 'US-OH',
      }),
    });
    await page.goto(app.url);
    await page
      .getByRole('button', { name: `Numbers ${label} ${typed}` })
      .first()
      .click();
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe(`Numbers ${label} ${typed}`);
    const field = page.getByLabel(label, { exact: true }).first();
    await field.fill(typed);
    await field.press('Tab');
    await expect.poll(() => fieldErrors(page.locator('main'))).toContain(message);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.waitForTimeout(1200);
    const stored = await app.call<StoredPlan>('plans:get', { id: plan.id });
    expect(stored.revision).toBe(plan.revision);
    expect(stored.plan).toEqual(plan.plan);
    expect(app.problems).toEqual([]);
  });
});
