/**
 * Plan files through the real handlers: export one or many, import on "another computer" (a
 * second data folder) and get the very same projection; names already taken are never
 * overwritten (the import asks, then renames or cancels); each kind of file remembers its folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataPack } from '../../../electron/main/datapack/load-data-pack';
import { SETTINGS_FILE } from '../../../electron/main/files/export-settings';
import { projectPlan } from '../../../shared/engine/index';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { PlanFileSchema, type Plan } from '../../../shared/plan/schema';
import { careerPlan, pathwayPlan, stayPlan } from '../../e2e/fixtures/report-plans';
import { useTempDirs } from '../helpers/temp-dir';
import { dumpDatabase, openFilesApp, type FilesApp } from './app-with-files';

type Stored = ChannelOutput<'plans:get'>;
type Saved = ChannelOutput<'export:plans'>;
type ImportResult = ChannelOutput<'import:plans'>;

const pack = loadDataPack();
const tempDir = useTempDirs();
let lab: FilesApp;
let home: FilesApp;
let usb: string;

beforeEach(async () => {
  lab = await openFilesApp(tempDir());
  home = await openFilesApp(tempDir());
  usb = tempDir();
});
afterEach(() => {
  lab.services.close();
  home.services.close();
});

const create = (app: FilesApp, plan: Plan) => app.call<Stored>('plans:create', { plan });

async function exportPlans(app: FilesApp, ids: number[], path: string): Promise<Saved> {
  app.dialogs.answerSave(path);
  return app.call<Saved>('export:plans', { planIds: ids });
}

async function importFrom(app: FilesApp, path: string, input: Record<string, unknown> = {}): Promise<ImportResult> {
  app.dialogs.answerOpen(path);
  return app.call<ImportResult>('import:plans', input);
}

describe('plan files', () => {
  it('export → import on another computer gives an identical projection', async () => {
    const plans = [pathwayPlan(), stayPlan(), careerPlan()];
    const stored = [];
    for (const plan of plans) stored.push(await create(lab, plan));
    const saved = await exportPlans(lab, stored.map((s) => s.id), join(usb, 'my plans'));
    expect(saved).toEqual({ status: 'saved', path: join(usb, 'my plans.pathway.json'), fileName: 'my plans.pathway.json' });
    expect(lab.dialogs.saves[0]).toMatchObject({ title: 'Save 3 plans to a file', defaultPath: expect.stringMatching(/3 plans\.pathway\.json$/) });

    // The file is the versioned format the command line reads.
    const file = PlanFileSchema.parse(JSON.parse(readFileSync(join(usb, 'my plans.pathway.json'), 'utf8')));
    expect(file.plans).toEqual(plans);

    const result = await importFrom(home, join(usb, 'my plans.pathway.json'));
    expect(result).toMatchObject({ status: 'imported', fileName: 'my plans.pathway.json', renamed: [] });
    if (result.status !== 'imported') return;
    expect(result.plans.map((p) => p.name)).toEqual(plans.map((p) => p.name));
    for (const [i, summary] of result.plans.entries()) {
      const back = await home.call<Stored>('plans:get', { id: summary.id });
      expect(back.plan).toEqual(plans[i]);
      expect(projectPlan(back.plan, pack)).toEqual(projectPlan(stored[i]!.plan, pack));
    }
  });

  it('never overwrites a plan with the same name: it asks, then renames to "Name (2)"', async () => {
    const mine = await create(home, pathwayPlan());
    await create(lab, pathwayPlan());
    await exportPlans(lab, [1], join(usb, 'plan.pathway.json'));
    const before = dumpDatabase(home.services.databaseFile);

    const asked = await importFrom(home, join(usb, 'plan.pathway.json'));
    expect(asked).toMatchObject({
      status: 'needs-decision',
      fileName: 'plan.pathway.json',
      conflicts: [{ name: 'Texas MA with certificate', renameTo: 'Texas MA with certificate (2)' }],
    });
    expect(dumpDatabase(home.services.databaseFile)).toEqual(before);
    if (asked.status !== 'needs-decision') return;

    const done = await home.call<ImportResult>('import:plans', { token: asked.token, onConflict: 'rename' });
    expect(done).toMatchObject({
      status: 'imported',
      plans: [{ name: 'Texas MA with certificate (2)' }],
      renamed: [{ from: 'Texas MA with certificate', to: 'Texas MA with certificate (2)' }],
    });
    // Mine is untouched.
    expect(await home.call<Stored>('plans:get', { id: mine.id })).toEqual(mine);
    // The token is spent.
    const again = await home.services.invoke('import:plans', { token: asked.token, onConflict: 'rename' });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('Cancel at the question imports nothing', async () => {
    await create(home, stayPlan());
    await create(lab, stayPlan());
    await exportPlans(lab, [1], join(usb, 'stay.pathway.json'));
    const before = dumpDatabase(home.services.databaseFile);
    const asked = await importFrom(home, join(usb, 'stay.pathway.json'));
    if (asked.status !== 'needs-decision') throw new Error(asked.status);
    await expect(home.call('import:plans', { token: asked.token, onConflict: 'cancel' })).resolves.toEqual({ status: 'cancelled' });
    expect(dumpDatabase(home.services.databaseFile)).toEqual(before);
  });

  it("onConflict: 'rename' up front renames without asking, counting past names already taken", async () => {
    await create(home, { ...stayPlan(), name: 'Front desk, no program' });
    await create(home, { ...stayPlan(), name: 'Front desk, no program (2)' });
    await create(lab, stayPlan());
    await exportPlans(lab, [1], join(usb, 'stay.pathway.json'));
    const result = await importFrom(home, join(usb, 'stay.pathway.json'), { onConflict: 'rename' });
    expect(result).toMatchObject({ status: 'imported', plans: [{ name: 'Front desk, no program (3)' }] });
  });

  it('a plan file never holds two plans with one name: exporting same-named plans numbers them', async () => {
    const a = await create(lab, stayPlan());
    const b = await create(lab, stayPlan());
    const saved = await exportPlans(lab, [a.id, b.id], join(usb, 'twins.pathway.json'));
    if (saved.status !== 'saved') throw new Error('not saved');
    const file = PlanFileSchema.parse(JSON.parse(readFileSync(saved.path, 'utf8')));
    expect(file.plans.map((p) => p.name)).toEqual(['Front desk, no program', 'Front desk, no program (2)']);
    await expect(importFrom(home, saved.path)).resolves.toMatchObject({ status: 'imported' });
  });

  it('suggests file names with no hidden direction marks and no Windows device name', async () => {
    // U+202E turns the text after it around on screen: "Report\u202Efdp.exe" reads as "Reportexe.pdf".
    const disguised = await create(lab, { ...stayPlan(), name: 'Report\u202Efdp.exe' });
    const device = await create(lab, { ...stayPlan(), name: 'con' });
    for (const call of [
      () => lab.call('export:plans', { planIds: [disguised.id] }),
      () => lab.call('export:csv', { planId: disguised.id }),
      () => lab.call('export:plans', { planIds: [device.id] }),
    ]) {
      lab.dialogs.answerSave(null);
      await call();
    }
    expect(lab.dialogs.saves.map((save) => save.defaultPath)).toEqual([
      'Reportfdp.exe.pathway.json',
      'Reportfdp.exe - year by year.csv',
      '_con.pathway.json',
    ]);
  });

  it('cancelling a dialog writes and imports nothing', async () => {
    await create(lab, stayPlan());
    lab.dialogs.answerSave(null);
    await expect(lab.call('export:plans', { planIds: [1] })).resolves.toEqual({ status: 'cancelled' });
    lab.dialogs.answerOpen(null);
    await expect(lab.call('import:plans', {})).resolves.toEqual({ status: 'cancelled' });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('remembers the last folder of each kind in settings.json, and starts the next dialog there', async () => {
    const plan = await create(lab, stayPlan());
    await exportPlans(lab, [plan.id], join(usb, 'first.pathway.json'));
    await exportPlans(lab, [plan.id], join(usb, 'second.pathway.json'));
    expect(lab.dialogs.saves[0]!.defaultPath).toBe('Front desk, no program.pathway.json');
    expect(dirname(lab.dialogs.saves[1]!.defaultPath)).toBe(usb);

    lab.dialogs.answerSave(join(tempDir(), 'table.csv'));
    await lab.call('export:csv', { planId: plan.id });
    const settings = JSON.parse(readFileSync(join(lab.services.dataDir, SETTINGS_FILE), 'utf8'));
    expect(settings.lastFolders.plans).toBe(usb);
    expect(settings.lastFolders.csv).not.toBe(usb);
  });

  it('refuses to export a plan that does not exist', async () => {
    const result = await lab.services.invoke('export:plans', { planIds: [42] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(lab.dialogs.saves).toEqual([]);
  });
});
