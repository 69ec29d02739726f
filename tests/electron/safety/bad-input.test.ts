/**
 * Bad input at the boundary a person's typing and files reach: the IPC handlers over a real
 * plans file. Names with HTML or script, emoji and right-to-left text are stored exactly as
 * typed (the renderer shows them as text; see tests/e2e/bad-input.test.ts). Values no plan can
 * have — negative, NaN, infinite, huge or fractional where a whole number is needed, a year
 * outside the plan — are refused with `invalid_input`, a message naming the field, and nothing
 * written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppServices, type AppServices } from '../../../electron/main/app-services';
import type { Plan } from '../../../shared/plan/schema';
import { samplePlan, TINY_PACK_PATH } from '../helpers/fixtures';
import { dumpDatabase, valueOf, type DatabaseDump } from './helpers';

interface Stored {
  id: number;
  revision: number;
  plan: Plan;
}

const NAMES_KEPT_AS_TYPED = [
  '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
  '</textarea><b>bold</b>&amp;&lt;',
  'Nurse 👩🏽‍⚕️ plan 🇺🇸',
  'خطة مساعد طبي ٢٠٢٦',
  'תוכנית MA (עברית)',
  `Robert'); DROP TABLE plans;--`,
];

describe('bad input through IPC', () => {
  let services: AppServices;
  let file: string;
  let existing: Stored;

  // One plans file for the whole file (useTempDirs would remove it after the first test).
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-bad-input-'));

  beforeAll(async () => {
    file = join(dataDir, 'planner.sqlite');
    services = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: 'test' });
    existing = valueOf<Stored>(
      await services.invoke('plans:create', { plan: samplePlan({ name: 'Existing' }) }),
    );
  });
  afterAll(() => {
    services?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every row of the plans file, read through a second connection. */
  function dump(): DatabaseDump {
    const db = new Database(file, { readonly: true });
    try {
      return dumpDatabase(db);
    } finally {
      db.close();
    }
  }

  async function expectRefused(channel: string, payload: unknown, field: string) {
    const before = dump();
    const result = await services.invoke(channel, payload);
    expect(result.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message.startsWith(`${field}: `), result.error.message).toBe(true);
    expect(dump(), 'nothing written').toEqual(before);
  }

  it.each(NAMES_KEPT_AS_TYPED)(
    'stores the name %j exactly as typed, and gives it back the same',
    async (name) => {
      const created = valueOf<Stored>(await services.invoke('plans:create', { plan: samplePlan({ name }) }));
      expect(created.plan.name).toBe(name);
      const renamed = valueOf<Stored>(
        await services.invoke('plans:rename', { id: created.id, name: `${name} 2` }),
      );
      expect(renamed.plan.name).toBe(`${name} 2`);
      const read = valueOf<Stored>(await services.invoke('plans:get', { id: created.id }));
      expect(read.plan.name).toBe(`${name} 2`);
      const student = valueOf<{ name: string }>(
        await services.invoke('students:create', {
          classId: valueOf<{ id: number }>(
            await services.invoke('classes:create', { name: `Class ${name}`.slice(0, 80) }),
          ).id,
          name: name.slice(0, 100),
        }),
      );
      expect(student.name).toBe(name.slice(0, 100));
    },
  );

  it.each([
    ['10,000 characters', 'x'.repeat(10_000)],
    ['10,000 emoji', '😀'.repeat(10_000)],
    ['a line break', 'two\nlines'],
    ['half an emoji', 'broken \uD83D'],
    ['only spaces', '    '],
  ])('refuses a plan name of %s and writes nothing', async (_label, name) => {
    await expectRefused('plans:create', { plan: samplePlan({ name }) }, 'plan.name');
    await expectRefused('plans:rename', { id: existing.id, name }, 'name');
    await expectRefused(
      'plans:save',
      { id: existing.id, revision: existing.revision, plan: { ...existing.plan, name } },
      'plan.name',
    );
  });

  it.each([
    ['a 10,000-character student name', 'students:create', { classId: 1, name: 's'.repeat(10_000) }, 'name'],
    ['a student name with a tab', 'students:create', { classId: 1, name: 'Ana\tLee' }, 'name'],
    ['a 10,000-character class name', 'classes:create', { name: 'c'.repeat(10_000) }, 'name'],
    [
      'a report for a 10,000-character student name',
      'export:pdf',
      { planId: 1, paper: 'letter', studentName: 'n'.repeat(10_000) },
      'studentName',
    ],
  ])('refuses %s', async (_label, channel, payload, field) => {
    await expectRefused(channel, payload, field);
  });

  const plan = samplePlan();
  it.each<[string, Plan, string]>([
    ['negative hours', { ...plan, start: { ...plan.start, hoursPerWeek: -5 } }, 'plan.start.hoursPerWeek'],
    ['NaN hours', { ...plan, start: { ...plan.start, hoursPerWeek: Number.NaN } }, 'plan.start.hoursPerWeek'],
    [
      'infinite hours',
      { ...plan, start: { ...plan.start, hoursPerWeek: Infinity } },
      'plan.start.hoursPerWeek',
    ],
    ['200 hours a week', { ...plan, start: { ...plan.start, hoursPerWeek: 200 } }, 'plan.start.hoursPerWeek'],
    ['a fractional start year', { ...plan, startYear: 2026.5 }, 'plan.startYear'],
    ['a start year of 20,260', { ...plan, startYear: 20_260 }, 'plan.startYear'],
    ['a negative horizon', { ...plan, years: -3 }, 'plan.years'],
    ['a 1,000-year horizon', { ...plan, years: 1000 }, 'plan.years'],
    [
      'half a year of experience',
      { ...plan, start: { ...plan.start, yearsExperience: 0.5 } },
      'plan.start.yearsExperience',
    ],
    [
      'a step before the plan starts',
      { ...plan, steps: [{ type: 'hours', year: 2025, hoursPerWeek: 30 }] },
      'plan.steps[0].year',
    ],
    [
      'a step after the plan ends',
      { ...plan, steps: [{ type: 'hours', year: 2036, hoursPerWeek: 30 }] },
      'plan.steps[0].year',
    ],
    [
      'a negative cost',
      { ...plan, steps: [{ type: 'hours', year: 2027, hoursPerWeek: 30, cost: -500 }] },
      'plan.steps[0].cost',
    ],
    [
      'a cost of a trillion dollars',
      { ...plan, steps: [{ type: 'hours', year: 2027, hoursPerWeek: 30, cost: 1e12 }] },
      'plan.steps[0].cost',
    ],
    [
      'a NaN cost',
      { ...plan, steps: [{ type: 'hours', year: 2027, hoursPerWeek: 30, cost: Number.NaN }] },
      'plan.steps[0].cost',
    ],
    [
      'inflation of 1,000%',
      { ...plan, assumptions: { inflationPct: 1000 } },
      'plan.assumptions.inflationPct',
    ],
    ['a NaN raise', { ...plan, assumptions: { realRaisePct: Number.NaN } }, 'plan.assumptions.realRaisePct'],
    ['a number typed as text', { ...plan, startYear: '2026' as unknown as number }, 'plan.startYear'],
  ])('refuses a plan with %s, naming the field', async (_label, bad, field) => {
    await expectRefused('plans:create', { plan: bad }, field);
    await expectRefused('plans:save', { id: existing.id, revision: existing.revision, plan: bad }, field);
  });

  it('still has the plan it started with, unchanged', async () => {
    const read = valueOf<Stored>(await services.invoke('plans:get', { id: existing.id }));
    expect(read.revision).toBe(existing.revision);
    expect(read.plan).toEqual(existing.plan);
  });
});
