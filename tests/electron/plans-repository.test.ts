import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/main/db/connection';
import { CorruptPlanError } from '../../electron/main/db/plan-body';
import { createPlansRepository, type PlansRepository } from '../../electron/main/db/plans-repository';
import {
  createProfilesRepository,
  type ProfilesRepository,
} from '../../electron/main/db/profiles-repository';
import { openTestDatabase } from './helpers/database';
import { samplePlan } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();

/** A clock that moves one second per reading, so every write has its own timestamp. */
function steppingClock(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
  let now = start;
  const clock = () => new Date((now += 1000));
  clock.jump = (ms: number) => (now += ms);
  return clock;
}

let db: Db;
let plans: PlansRepository;
let profiles: ProfilesRepository;
let clock: ReturnType<typeof steppingClock>;
let me: number;

beforeEach(async () => {
  ({ db } = await openTestDatabase(tempDir()));
  clock = steppingClock();
  plans = createPlansRepository(db, clock);
  profiles = createProfilesRepository(db, clock);
  me = profiles.getDefault().id;
  return () => db.close();
});

describe('plans repository', () => {
  it('creates a plan at revision 0 and reads back the same document', () => {
    const created = plans.create(me, samplePlan());
    expect(created).toMatchObject({ profileId: me, revision: 0, plan: samplePlan() });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(plans.get(created.id)).toEqual(created);
    expect(db.prepare('SELECT name, body_version FROM plans WHERE id = ?').get(created.id)).toEqual({
      name: 'Become a medical assistant',
      body_version: 1,
    });
  });

  it('lists live plans of a profile, most recently changed first', () => {
    const a = plans.create(me, samplePlan({ name: 'A' }));
    const b = plans.create(me, samplePlan({ name: 'B', startYear: 2030, steps: [] }));
    const other = profiles.create('Class of 2027');
    plans.create(other.id, samplePlan({ name: 'Elsewhere' }));
    plans.save(a.id, 0, samplePlan({ name: 'A2' }));

    expect(plans.list(me)).toEqual([
      expect.objectContaining({
        id: a.id,
        name: 'A2',
        startRole: 'medical-assistant',
        startYear: 2026,
        years: 10,
      }),
      expect.objectContaining({ id: b.id, name: 'B', startYear: 2030, profileId: me }),
    ]);
    expect(plans.list(other.id).map((p) => p.name)).toEqual(['Elsewhere']);
  });

  it('saves with the current revision and refuses a stale one', () => {
    const created = plans.create(me, samplePlan());
    const saved = plans.save(created.id, 0, samplePlan({ years: 12 }));
    expect(saved).toMatchObject({ status: 'saved', plan: { revision: 1, plan: { years: 12 } } });

    expect(plans.save(created.id, 0, samplePlan({ years: 20 }))).toEqual({
      status: 'conflict',
      currentRevision: 1,
    });
    expect(plans.get(created.id)?.plan.years).toBe(12);
    expect(plans.save(999, 0, samplePlan())).toEqual({ status: 'missing' });
  });

  it('renames the column and the document together, as a new revision', () => {
    const created = plans.create(me, samplePlan());
    const renamed = plans.rename(created.id, 'Front desk first');
    expect(renamed).toMatchObject({ revision: 1, plan: { name: 'Front desk first' } });
    expect(
      db
        .prepare("SELECT name, json_extract(body, '$.name') AS bodyName FROM plans WHERE id = ?")
        .get(created.id),
    ).toEqual({
      name: 'Front desk first',
      bodyName: 'Front desk first',
    });
    expect(plans.rename(999, 'x')).toBeUndefined();
  });

  it('duplicates into the same profile with a "(copy)" name', () => {
    const original = plans.create(me, samplePlan({ name: 'Nursing' }));
    const first = plans.duplicate(original.id);
    const second = plans.duplicate(original.id);
    const ofCopy = plans.duplicate(first!.id);
    expect([first, second, ofCopy].map((p) => p?.plan.name)).toEqual([
      'Nursing (copy)',
      'Nursing (copy 2)',
      'Nursing (copy 3)',
    ]);
    expect(first).toMatchObject({
      profileId: me,
      revision: 0,
      plan: { ...samplePlan(), name: 'Nursing (copy)' },
    });
    expect(first!.id).not.toBe(original.id);
    expect(plans.duplicate(999)).toBeUndefined();
  });

  it('moves a plan to the bin and restores it in its old place in the list', () => {
    const older = plans.create(me, samplePlan({ name: 'Older' }));
    plans.create(me, samplePlan({ name: 'Newer' }));
    expect(plans.softDelete(older.id)).toBe('deleted');
    expect(plans.softDelete(older.id)).toBe('already-deleted');
    expect(plans.softDelete(999)).toBe('missing');
    expect(plans.get(older.id)).toBeUndefined();
    expect(plans.list(me).map((p) => p.name)).toEqual(['Newer']);
    expect(plans.save(older.id, 0, samplePlan())).toEqual({ status: 'missing' });

    expect(plans.restore(older.id)).toEqual(older);
    expect(plans.list(me).map((p) => p.name)).toEqual(['Newer', 'Older']);
    expect(plans.restore(999)).toBeUndefined();
  });

  it('purges only plans that went into the bin before the cutoff', () => {
    const longGone = plans.create(me, samplePlan({ name: 'Long gone' }));
    plans.softDelete(longGone.id);
    clock.jump(40 * 24 * 3600 * 1000);
    const recent = plans.create(me, samplePlan({ name: 'Recently deleted' }));
    plans.softDelete(recent.id);
    const live = plans.create(me, samplePlan({ name: 'Live' }));

    const cutoff = new Date(clock().getTime() - 30 * 24 * 3600 * 1000);
    expect(plans.purgeDeletedBefore(cutoff)).toBe(1);
    expect(plans.restore(longGone.id)).toBeUndefined();
    expect(plans.restore(recent.id)?.plan.name).toBe('Recently deleted');
    expect(plans.get(live.id)).toBeDefined();
  });

  it('never reuses the id of a purged plan', () => {
    const gone = plans.create(me, samplePlan());
    plans.softDelete(gone.id);
    plans.purgeDeletedBefore(new Date(Date.UTC(2100, 0, 1)));
    expect(plans.create(me, samplePlan()).id).toBeGreaterThan(gone.id);
  });

  it('reports a row whose body no longer validates, and leaves it in place', () => {
    const good = plans.create(me, samplePlan({ name: 'Good' }));
    const bad = plans.create(me, samplePlan({ name: 'Bad' }));
    const corrupt = JSON.stringify({
      ...samplePlan({ name: 'Bad' }),
      steps: [{ type: 'hours', hoursPerWeek: 32, year: 1999 }],
    });
    db.prepare('UPDATE plans SET body = ? WHERE id = ?').run(corrupt, bad.id);

    expect(() => plans.get(bad.id)).toThrow(CorruptPlanError);
    expect(() => plans.get(bad.id)).toThrow(`Plan ${bad.id} is stored in a form this app cannot read`);
    expect(() => plans.get(bad.id)).toThrow("$.steps[0].year: must be within the plan's years 2026–2035");
    // The list neither hides it nor fails because of it: it is there, marked, with why.
    const listed = plans.list(me);
    expect(listed.map((p) => p.name).sort()).toEqual(['Bad', 'Good']);
    expect(listed.find((p) => p.id === good.id)?.unreadable).toBeUndefined();
    expect(listed.find((p) => p.id === bad.id)?.unreadable).toContain("$.steps[0].year: must be within the plan's years");
    expect(() => plans.duplicate(bad.id)).toThrow(CorruptPlanError);
    expect(plans.get(good.id)?.plan.name).toBe('Good');
    expect(db.prepare('SELECT body FROM plans WHERE id = ?').get(bad.id)).toEqual({ body: corrupt });
  });

  it('reports a body in a plan format version it does not know', () => {
    const plan = plans.create(me, samplePlan());
    db.prepare('UPDATE plans SET body_version = 2 WHERE id = ?').run(plan.id);
    expect(() => plans.get(plan.id)).toThrow(/plan format version 2; this app reads version 1/);
  });
});

describe('profiles repository', () => {
  it('lists the default profile first, then the others by name', () => {
    profiles.create('zeta');
    profiles.create('Alpha');
    expect(profiles.list()).toEqual([
      { id: me, name: 'My plans', isDefault: true },
      expect.objectContaining({ name: 'Alpha', isDefault: false }),
      expect.objectContaining({ name: 'zeta', isDefault: false }),
    ]);
    expect(profiles.get(me)).toEqual({ id: me, name: 'My plans', isDefault: true });
    expect(profiles.get(999)).toBeUndefined();
  });
});
