/**
 * Export and import as a student does it: the planner's Export buttons (PDF, CSV, plan file),
 * the PDF options dialog, the File menu, and "Import plans" with the name question. Clicks go
 * through the real renderer and handlers; only the native dialogs answer from the test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { pathwayPlan, stayPlan } from './fixtures/report-plans';
import { ARTIFACTS_DIR } from './harness';
import { useApp } from './use-app';

type Summary = ChannelOutput<'plans:list'>[number];

describe('export and import in the app', () => {
  const app = useApp({ viewport: { width: 1440, height: 900 } });
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-files-ui-'));
    await app.call('plans:create', { plan: stayPlan() });
    await app.call('plans:create', { plan: { ...pathwayPlan(), studentName: 'Jordan Rivera' } });
    await app.page.goto(app.url);
    await app.page.getByTestId('planner').waitFor();
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const toast = () => app.page.getByRole('status');

  it('saves a PDF report with the options chosen in the dialog', async () => {
    const { page } = app;
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toBe('Texas MA with certificate');
    const exportGroup = page.getByRole('group', { name: 'Export this plan' });
    await exportGroup.getByRole('button', { name: 'PDF report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save a PDF report' });
    await dialog.waitFor();
    // The student's name comes from the plan; the other plan is offered for comparison.
    await expect(dialog.getByLabel("Student's name").inputValue()).resolves.toBe('Jordan Rivera');
    await dialog.getByLabel('A4').check();
    await dialog.getByLabel('Compare with').selectOption({ label: 'Front desk, no program' });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'pdf-dialog.png') });

    app.dialogs.answerSave(join(out, 'jordan.pdf'));
    await dialog.getByRole('button', { name: 'Save PDF…' }).click();
    await toast().filter({ hasText: 'Saved “jordan.pdf”.' }).waitFor({ timeout: 20_000 });
    await expect(dialog.isVisible()).resolves.toBe(false);
    const pdf = readFileSync(join(out, 'jordan.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(app.dialogs.saves.at(-1)!.defaultPath).toMatch(/Jordan Rivera - Texas MA with certificate\.pdf$/);
  });

  it('saves the table as CSV from the Export buttons', async () => {
    app.dialogs.answerSave(join(out, 'table.csv'));
    await app.page.getByRole('group', { name: 'Export this plan' }).getByRole('button', { name: 'CSV table' }).click();
    await toast().filter({ hasText: 'Saved “table.csv”.' }).waitFor();
    expect(readFileSync(join(out, 'table.csv'), 'utf8')).toMatch(/^\uFEFFYear,Role,/);
  });

  it('saves both plans to one file from the File menu', async () => {
    const { page } = app;
    await app.menu('export');
    const dialog = page.getByRole('dialog', { name: 'Save plans to a file' });
    await dialog.waitFor();
    await dialog.getByLabel('All plans (2)').check();
    app.dialogs.answerSave(join(out, 'both.pathway.json'));
    await dialog.getByRole('button', { name: 'Save 2 plans…' }).click();
    await toast().filter({ hasText: 'Saved “both.pathway.json”.' }).waitFor();
    const file = JSON.parse(readFileSync(join(out, 'both.pathway.json'), 'utf8'));
    expect(file.plans.map((p: { name: string }) => p.name).sort()).toEqual(['Front desk, no program', 'Texas MA with certificate']);
  });

  it('imports a file whose names are taken only after asking, as "Name (2)"', async () => {
    const { page } = app;
    app.dialogs.answerOpen(join(out, 'both.pathway.json'));
    await page.getByRole('button', { name: 'Import plans…' }).click();
    const question = page.getByRole('dialog', { name: 'Some of these plans have names you already use' });
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain('“Texas MA with certificate” → “Texas MA with certificate (2)”');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-conflict-dialog.png') });
    await question.getByRole('button', { name: 'Rename and import' }).click();
    await toast().filter({ hasText: /Imported 2 plans from “both\.pathway\.json” \(2 plans renamed\)\./ }).waitFor();
    const names = (await app.call<Summary[]>('plans:list', {})).map((p) => p.name).sort();
    expect(names).toEqual([
      'Front desk, no program',
      'Front desk, no program (2)',
      'Texas MA with certificate',
      'Texas MA with certificate (2)',
    ]);
    // The first imported plan is open.
    await expect(page.getByLabel('Plan name').inputValue()).resolves.toMatch(/\(2\)$/);
  });

  it('shows what is wrong with a bad file, and imports nothing', async () => {
    const { page } = app;
    const before = await app.call<Summary[]>('plans:list', {});
    app.dialogs.answerOpen(join(__dirname, '..', 'fixtures', 'bad-plans', 'syntax-missing-comma.json'));
    await app.menu('import');
    const dialog = page.getByRole('dialog', { name: 'Nothing was imported' });
    await dialog.waitFor();
    const problems = dialog.getByTestId('import-problems');
    await expect(problems.textContent()).resolves.toMatch(/plans\[0\]\.startYear.*line 8, column 7: expected ',' or '\}'/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-problems-dialog.png') });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(app.call<Summary[]>('plans:list', {})).resolves.toEqual(before);
  });

  it('opens the PDF dialog from File › Print, and Cancel saves nothing', async () => {
    const { page } = app;
    await app.menu('print');
    const dialog = page.getByRole('dialog', { name: 'Save a PDF report' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(existsSync(join(out, 'cancelled.pdf'))).toBe(false);
    expect(app.problems).toEqual([]);
  });
});
