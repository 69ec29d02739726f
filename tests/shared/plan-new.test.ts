/** newPlan: a valid, sensible default plan from the pack's defaults. */
import { describe, expect, it } from 'vitest';
import { projectPlan } from '../../shared/engine';
import { checkPlan } from '../../shared/plan/check-plan';
import { ladderSteps, newPlan } from '../../shared/plan/new-plan';
import { packs } from './fixtures/packs';

describe.each(packs)('newPlan (%s)', (_label, pack) => {
  it("starts at the first track's entry role, nationwide, with the pack's default hours and horizon", () => {
    const plan = newPlan(pack, { startYear: 2027 });
    expect(plan).toEqual({
      name: `${pack.roles.find((r) => r.id === pack.tracks[0]!.roleIds[0])!.title} plan`,
      startYear: 2027,
      years: pack.defaults.horizonYears.value,
      start: {
        role: pack.tracks[0]!.roleIds[0],
        place: 'US',
        setting: 'all',
        hoursPerWeek: pack.defaults.hoursPerWeek.value,
      },
      steps: [],
    });
    expect(checkPlan(plan, pack).ok).toBe(true);
  });

  it('takes overrides and can lay out the ladder at the usual years of experience', () => {
    const plan = newPlan(pack, {
      startYear: 2027,
      role: 'medical-assistant',
      place: 'US-CA',
      years: 12,
      ladder: true,
      name: 'Mine',
    });
    expect(plan.name).toBe('Mine');
    expect(plan.steps).toEqual([
      { type: 'role', role: 'senior-medical-assistant', year: 2029 },
      { type: 'role', role: 'lead-medical-assistant', year: 2031 },
      { type: 'role', role: 'medical-office-coordinator', year: 2034 },
    ]);
    expect(checkPlan(plan, pack).ok).toBe(true);
    expect(projectPlan(plan, pack).warnings.filter((w) => w.code === 'early-promotion')).toEqual([]);
  });

  it('ladder steps respect experience already gained and stop at the horizon', () => {
    expect(ladderSteps(pack, 'medical-assistant', 2027, 3, 3)).toEqual([
      { type: 'role', role: 'senior-medical-assistant', year: 2028 },
      { type: 'role', role: 'lead-medical-assistant', year: 2029 },
    ]);
  });
});
