/**
 * Privacy in a lab: no telemetry, no network. Every request the app's pages make (the app
 * window and the print pages PDFs are made from) is recorded through a whole session — create
 * plans, edit them, compare them, import a roster, open a student, print a PDF — and every one
 * must go to the local test server that stands in for the app's own files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForSaved } from './harness';
import { useApp } from './use-app';

describe('privacy: nothing leaves the computer', () => {
  const app = useApp();
  let out: string;
  const requests: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-privacy-'));
    // The whole browser context: the app's page and every page opened to print a PDF.
    app.context.on('request', (request) => requests.push(request.url()));
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('makes requests only to the app’s own origin through create, edit, compare, class and print', async () => {
    const { page } = app;
    const origin = new URL(app.url).origin;
    await page.goto(app.url);
    await page.getByTestId('empty-state').waitFor();

    // Create and edit two plans.
    for (const [name, role, place] of [
      ['Plan A', 'medical-assistant', 'US-TX'],
      ['Plan B', 'medical-office-assistant', 'US-CA'],
    ] as const) {
      await page.getByRole('button', { name: 'New plan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start a new plan' });
      await dialog.getByLabel('Plan name').fill(name);
      await dialog.getByLabel('Starting role').selectOption(role);
      await dialog.getByLabel("Where you'll work").selectOption(place);
      await dialog.getByRole('button', { name: 'Create plan' }).click();
      await page.getByTestId('planner').waitFor();
      await page.getByRole('button', { name: 'Add step: earn a certification' }).click();
      await page.getByTestId('step').last().getByLabel('Certification', { exact: true }).selectOption('cma');
      await waitForSaved(page);
    }

    // Compare them.
    await page.locator('.app-nav__button[data-view="compare"]').click();
    await page.getByTestId('compare-view').waitFor();
    await page.getByTestId('compare-table').waitFor();

    // Places and Help.
    await page.locator('.app-nav__button[data-view="places"]').click();
    await page.locator('.app-nav__button[data-view="help"]').click();

    // A class: roster from a file, a student opened, a plan for them, their PDF printed.
    await page.locator('.app-nav__button[data-view="class"]').click();
    const csv = join(out, 'roster.csv');
    writeFileSync(csv, 'name,student id,class\nAna Ruiz,S-1,Period 2\nBen Okafor,S-2,Period 2\n');
    await page.getByRole('button', { name: 'Import roster…' }).first().click();
    const roster = page.getByRole('dialog', { name: 'Import a roster' });
    await roster.getByLabel('Roster file (CSV)').setInputFiles(csv);
    await roster.getByRole('button', { name: 'Import 2 students' }).click();
    await page.getByTestId('student-table').waitFor();
    await page.getByRole('button', { name: /^Ana Ruiz/ }).click();
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const create = page.getByRole('dialog', { name: 'Start a new plan' });
    await create.getByRole('button', { name: 'Create plan' }).click();
    await page.getByTestId('planner').waitFor();
    await waitForSaved(page);
    await page.locator('.app-nav__button[data-view="class"]').click();
    await page.getByRole('button', { name: 'Export PDFs…' }).click();
    app.dialogs.answerSave(join(out, 'PDFs'));
    const batch = page.getByRole('dialog', { name: /^Export Period 2/ });
    await batch.getByRole('button', { name: 'Choose where to save…' }).click();
    await batch.getByTestId('batch-summary').waitFor({ timeout: 60_000 });

    expect(requests.length).toBeGreaterThan(5);
    const elsewhere = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      return new URL(url).origin !== origin;
    });
    expect(elsewhere).toEqual([]);
    // The print pages were recorded too (the PDF was made in this browser).
    expect(requests.some((url) => url.includes('/print.html?'))).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
