/**
 * suggestPromotionSteps: the promotions a plan is missing, at the ladder's usual years (the next
 * role's typicalYears.min − yearsExperience after the start year), within the horizon, never
 * repeating or contradicting the plan's own role steps. Expected years are worked out here from
 * the pack's typicalYears (and the guides' printed years), not from the function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDataPack } from '../../shared/datapack/check-pack';
import type { DataPack } from '../../shared/datapack/schema';
import { projectPlan } from '../../shared/engine';
import { checkPlan } from '../../shared/plan/check-plan';
import type { Plan, Step } from '../../shared/plan/schema';
import { suggestPromotionSteps } from '../../shared/templates/suggest-steps';

const checked = checkDataPack(
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'pack.json'), 'utf8')),
);
if (!checked.ok) throw new Error('data/pack.json is not valid');
const pack: DataPack = checked.value;

const usual = (roleId: string): number => {
  const years = pack.roles.find((r) => r.id === roleId)?.typicalYears;
  if (!years) throw new Error(`${roleId} has no usual years`);
  return years.min;
};
const MOA = [
  'junior-medical-office-assistant',
  'medical-office-assistant',
  'senior-medical-office-assistant',
  'lead-medical-office-assistant',
];
const MA = [
  'medical-assistant',
  'senior-medical-assistant',
  'lead-medical-assistant',
  'medical-office-coordinator',
];

function plan(
  role: string,
  options: { years?: number; yearsExperience?: number; steps?: Step[] } = {},
): Plan {
  const p: Plan = {
    name: 'test',
    startYear: 2026,
    years: options.years ?? 10,
    start: { role, place: 'US', setting: 'all', hoursPerWeek: 40 },
    steps: options.steps ?? [],
  };
  if (options.yearsExperience !== undefined) p.start.yearsExperience = options.yearsExperience;
  return p;
}
const roleStep = (role: string, year: number): Step => ({ type: 'role', role, year });
const suggested = (p: Plan) =>
  suggestPromotionSteps(p, pack).map((s) => (s.type === 'role' ? [s.role, s.year] : [s.type, s.year]));

describe('suggestPromotionSteps', () => {
  it('fills an empty plan up the ladder at the guide’s usual years', () => {
    // Medical office assistant guide: MOA 1-3, Senior 3-6, Lead 6+ years.
    expect([1, 3, 6]).toEqual(MOA.slice(1).map(usual));
    expect(suggested(plan(MOA[0]!))).toEqual([
      [MOA[1], 2026 + usual(MOA[1]!)],
      [MOA[2], 2026 + usual(MOA[2]!)],
      [MOA[3], 2026 + usual(MOA[3]!)],
    ]);
    // Medical assistant guide: Senior 2-4, Lead 4-7, Coordinator 7+ years.
    expect(suggested(plan(MA[0]!))).toEqual([
      [MA[1], 2028],
      [MA[2], 2030],
      [MA[3], 2033],
    ]);
  });

  it('gives steps that make a valid plan without early-promotion warnings', () => {
    const p = plan(MOA[0]!);
    const full = { ...p, steps: suggestPromotionSteps(p, pack) };
    expect(checkPlan(full, pack).ok).toBe(true);
    expect(projectPlan(full, pack).warnings.map((w) => w.code)).not.toContain('early-promotion');
  });

  describe('an already-promoted plan', () => {
    it('does not suggest a promotion the plan already has, and suggests nothing once all are there', () => {
      expect(suggested(plan(MOA[0]!, { steps: [roleStep(MOA[1]!, 2027)] }))).toEqual([
        [MOA[2], 2029],
        [MOA[3], 2032],
      ]);
      const all = [roleStep(MOA[1]!, 2027), roleStep(MOA[2]!, 2029), roleStep(MOA[3]!, 2032)];
      expect(suggested(plan(MOA[0]!, { steps: all }))).toEqual([]);
    });

    it('fills the gaps below an early promotion and nothing it already passed', () => {
      // Lead already in 2028 (early): MOA fits before it, Senior (2029) would be a step down.
      expect(suggested(plan(MOA[0]!, { steps: [roleStep(MOA[3]!, 2028)] }))).toEqual([[MOA[1], 2027]]);
      // Senior already in 2028: MOA before it, Lead at its usual year after it.
      expect(suggested(plan(MOA[0]!, { steps: [roleStep(MOA[2]!, 2028)] }))).toEqual([
        [MOA[1], 2027],
        [MOA[3], 2032],
      ]);
    });

    it('moves later rungs after a late promotion instead of turning it into a step down', () => {
      // MOA only in 2030 (late): Senior's usual 2029 would come before it, so Senior waits until 2031.
      expect(suggested(plan(MOA[0]!, { steps: [roleStep(MOA[1]!, 2030)] }))).toEqual([
        [MOA[2], 2031],
        [MOA[3], 2032],
      ]);
    });

    it('stops once the plan leaves the ladder, and leaves a year the plan already changes role alone', () => {
      expect(suggested(plan(MOA[0]!, { steps: [roleStep('medical-office-manager', 2030)] }))).toEqual([
        [MOA[1], 2027],
        [MOA[2], 2029],
      ]);
      expect(
        suggested(plan(MOA[0]!, { steps: [roleStep('medical-billing-and-coding-specialist', 2029)] })),
      ).toEqual([[MOA[1], 2027]]);
      // A template-like plan with other steps: only role steps count.
      const steps: Step[] = [
        { type: 'program', program: 'self-study', year: 2026 },
        { type: 'certification', certification: 'cmaa', year: 2026 },
      ];
      expect(suggested(plan(MOA[0]!, { steps }))).toEqual([
        [MOA[1], 2027],
        [MOA[2], 2029],
        [MOA[3], 2032],
      ]);
    });
  });

  describe('a short horizon', () => {
    it('suggests only what falls within the plan’s years', () => {
      expect(suggested(plan(MOA[0]!, { years: 4 }))).toEqual([
        [MOA[1], 2027],
        [MOA[2], 2029],
      ]);
      expect(suggested(plan(MOA[0]!, { years: 3 }))).toEqual([[MOA[1], 2027]]);
      expect(suggested(plan(MOA[0]!, { years: 2 }))).toEqual([[MOA[1], 2027]]);
      // A one-year plan has only its start year, when the start role is held.
      expect(suggested(plan(MOA[0]!, { years: 1 }))).toEqual([]);
      // The last year counts: Lead at 6 years is in a 7-year plan (2026–2032), not a 6-year one.
      expect(suggested(plan(MOA[0]!, { years: 7 })).at(-1)).toEqual([MOA[3], 2032]);
      expect(suggested(plan(MOA[0]!, { years: 6 })).at(-1)).toEqual([MOA[2], 2029]);
    });
  });

  describe('experience before the plan', () => {
    it('brings each promotion forward by the years already worked', () => {
      // 3 years as an MOA already: Senior (3) is due now, so the first year after the start; Lead (6) in 3 years.
      expect(suggested(plan(MOA[1]!, { yearsExperience: 3 }))).toEqual([
        [MOA[2], 2027],
        [MOA[3], 2026 + usual(MOA[3]!) - 3],
      ]);
      // 2 years: MOA (1) overdue → 2027; Senior (3) would be 2027 too → 2028; Lead (6) → 2030.
      expect(suggested(plan(MOA[0]!, { yearsExperience: 2 }))).toEqual([
        [MOA[1], 2027],
        [MOA[2], 2028],
        [MOA[3], 2030],
      ]);
      // 1 year in the MA ladder: Senior 2027, Lead 2029, Coordinator 2032.
      expect(suggested(plan(MA[0]!, { yearsExperience: 1 }))).toEqual([
        [MA[1], 2026 + 2 - 1],
        [MA[2], 2026 + 4 - 1],
        [MA[3], 2026 + 7 - 1],
      ]);
    });

    it('spreads overdue promotions one a year and never puts one in the start year', () => {
      expect(suggested(plan(MOA[0]!, { yearsExperience: 20 }))).toEqual([
        [MOA[1], 2027],
        [MOA[2], 2028],
        [MOA[3], 2029],
      ]);
    });

    it('gives no early-promotion warning with experience', () => {
      const p = plan(MOA[0]!, { yearsExperience: 2 });
      const full = { ...p, steps: suggestPromotionSteps(p, pack) };
      expect(projectPlan(full, pack).warnings.map((w) => w.code)).not.toContain('early-promotion');
    });
  });

  describe('the top of the ladder and roles without one', () => {
    it('suggests nothing at the top, on a one-role track, or where the next role has no usual years', () => {
      expect(suggested(plan(MOA[3]!))).toEqual([]);
      expect(suggested(plan(MA[3]!))).toEqual([]);
      expect(suggested(plan('licensed-practical-nurse'))).toEqual([]);
      expect(suggested(plan('medical-administrative-assistant'))).toEqual([]);
      // The billing track lists roles but the guides print no years for them.
      expect(suggested(plan('medical-billing-specialist'))).toEqual([]);
      expect(suggested(plan('no-such-role'))).toEqual([]);
    });

    it('suggests the last rung only from the one below it', () => {
      expect(suggested(plan(MOA[2]!))).toEqual([[MOA[3], 2032]]);
      expect(suggested(plan(MOA[2]!, { yearsExperience: 5 }))).toEqual([[MOA[3], 2027]]);
    });
  });

  it('does not change the plan it is given', () => {
    const p = plan(MOA[0]!, { steps: [roleStep(MOA[1]!, 2027)] });
    const before = JSON.stringify(p);
    suggestPromotionSteps(p, pack);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('for any plan on a ladder: new, in range, rising, never a step down, no early promotion, and nothing more the second time', () => {
    const ladders = [MOA, MA];
    const arbitrary = fc
      .record({
        ladder: fc.constantFrom(...ladders),
        startRung: fc.integer({ min: 0, max: 3 }),
        years: fc.integer({ min: 1, max: 20 }),
        yearsExperience: fc.integer({ min: 0, max: 12 }),
        own: fc.array(
          fc.record({
            role: fc.constantFrom(...MOA, ...MA, 'medical-office-manager', 'licensed-practical-nurse'),
            offset: fc.integer({ min: 0, max: 19 }),
          }),
          { maxLength: 4 },
        ),
      })
      .map(({ ladder, startRung, years, yearsExperience, own }) =>
        plan(ladder[startRung]!, {
          years,
          yearsExperience,
          steps: own.filter((s) => s.offset < years).map((s) => roleStep(s.role, 2026 + s.offset)),
        }),
      );

    fc.assert(
      fc.property(arbitrary, (p) => {
        const steps = suggestPromotionSteps(p, pack);
        const ownRoles = new Set(p.steps.flatMap((s) => (s.type === 'role' ? [s.role] : [])));
        const ladder = [MOA, MA].find((l) => l.includes(p.start.role))!;
        const last = p.startYear + p.years - 1;
        let previous = p.startYear;
        for (const step of steps) {
          if (step.type !== 'role') return false;
          expect(ownRoles.has(step.role)).toBe(false);
          expect(step.year).toBeGreaterThan(previous);
          expect(step.year).toBeLessThanOrEqual(last);
          previous = step.year;
        }
        const merged: Plan = { ...p, steps: [...p.steps, ...steps] };
        expect(checkPlan(merged, pack).ok).toBe(true);
        // Each suggested step is a step up from the role held before it.
        const timeline = merged.steps
          .map((s, i) => ({ s, i }))
          .filter(({ s }) => s.type === 'role')
          .sort((a, b) => a.s.year - b.s.year || a.i - b.i);
        // …and never turns the plan's own next step into a step down.
        let held = p.start.role;
        let heldFromSuggestion = false;
        for (const { s, i } of timeline) {
          if (s.type !== 'role') continue;
          const mine = i >= p.steps.length;
          if (mine || (heldFromSuggestion && ladder.includes(s.role)))
            expect(ladder.indexOf(s.role)).toBeGreaterThan(ladder.indexOf(held));
          held = s.role;
          heldFromSuggestion = mine;
        }
        const warnings = projectPlan(merged, pack).warnings;
        const early = warnings.filter(
          (w) => w.code === 'early-promotion' && (w.stepIndex ?? -1) >= p.steps.length,
        );
        expect(early).toEqual([]);
        expect(suggestPromotionSteps(merged, pack)).toEqual([]);
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
