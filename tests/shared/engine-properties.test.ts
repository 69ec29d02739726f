/** Invariants over generated valid plans (fast-check), against every pack. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexDataPack, projectPlan, yearGrowth } from '../../shared/engine';
import type { Plan } from '../../shared/plan/schema';
import { checkPlan } from '../../shared/plan/check-plan';
import { packs } from './fixtures/packs';
import { planArbitrary } from './fixtures/plan-arbitrary';

const RUNS = 300;

describe.each(packs)('projection invariants (%s)', (_label, pack) => {
  const index = indexDataPack(pack);
  const plans = planArbitrary(pack);

  it('generated plans are valid plans', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        expect(checkPlan(plan, index)).toEqual({ ok: true, value: plan });
      }),
      { numRuns: 100 },
    );
  });

  it('money is whole, finite and never negative; low ≤ salary ≤ high', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const y of projectPlan(plan, index).years) {
          for (const value of [
            y.salary,
            y.salaryLow,
            y.salaryHigh,
            y.costs,
            y.cumulativeEarnings,
            y.cumulativeCosts,
          ]) {
            expect(Number.isSafeInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
          expect(Number.isSafeInteger(y.cumulativeNet)).toBe(true);
          expect(y.salaryLow).toBeLessThanOrEqual(y.salary);
          expect(y.salary).toBeLessThanOrEqual(y.salaryHigh);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("each year's salary is its shared factors × the raise and inflation its own fields imply", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const projection = projectPlan(plan, index);
        for (const y of projection.years) {
          const f = y.factors;
          const { raise, inflation } = yearGrowth(projection, y);
          const rate = f.baseRate * f.place * f.setting * f.certification * f.hours * f.keptPay;
          // The engine multiplies year by year and yearGrowth takes powers: equal to float rounding,
          // so a salary may land on the other side of a half dollar, never further.
          expect(Math.abs(y.salary - rate * raise * inflation)).toBeLessThanOrEqual(0.5 + 1e-6 * y.salary);
        }
        // Years without a step share their factors: at most one object per year with steps, plus the start.
        const stepYears = new Set(plan.steps.map((step) => step.year));
        const shared = new Set(projection.years.map((y) => y.factors));
        expect(shared.size).toBeLessThanOrEqual(stepYears.size + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('years are contiguous from the start year; cumulative figures are sums of the yearly ones', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const projection = projectPlan(plan, index);
        expect(projection.years).toHaveLength(plan.years);
        let earnings = 0;
        let costs = 0;
        projection.years.forEach((y, i) => {
          expect([y.year, y.index]).toEqual([plan.startYear + i, i]);
          earnings += y.salary;
          costs += y.costs;
          expect([y.cumulativeEarnings, y.cumulativeCosts, y.cumulativeNet]).toEqual([
            earnings,
            costs,
            earnings - costs,
          ]);
        });
        expect(projection.totals).toEqual({ earnings, costs, net: earnings - costs });
        expect(projection.warnings).toEqual(projection.years.flatMap((y) => y.warnings));
      }),
      { numRuns: RUNS },
    );
  });

  it("today's and nominal dollars are identical when inflation is 0", () => {
    fc.assert(
      fc.property(plans, fc.double({ min: -10, max: 20, noNaN: true }), (plan, realRaisePct) => {
        const today = projectPlan(
          { ...plan, assumptions: { realRaisePct, inflationPct: 0, dollars: 'today' } },
          index,
        );
        const nominal = projectPlan(
          { ...plan, assumptions: { realRaisePct, inflationPct: 0, dollars: 'nominal' } },
          index,
        );
        expect(nominal.years.map((y) => [y.salary, y.salaryLow, y.salaryHigh, y.costs])).toEqual(
          today.years.map((y) => [y.salary, y.salaryLow, y.salaryHigh, y.costs]),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('a year with only role steps pays at least what staying put would have', () => {
    fc.assert(
      fc.property(plans, fc.double({ min: -10, max: 20, noNaN: true }), (generated, realRaisePct) => {
        const plan: Plan = { ...generated, assumptions: { realRaisePct, dollars: 'today' } };
        const projection = projectPlan(plan, index);
        const growth = 1 + realRaisePct / 100;
        for (let i = 1; i < plan.years; i++) {
          const steps = plan.steps.filter((s) => s.year === plan.startYear + i);
          if (steps.length === 0 || steps.some((s) => s.type !== 'role')) continue;
          // Staying would pay last year's rate × one more raise; rounding moves each figure by ≤ 0.5.
          expect(projection.years[i]!.salary).toBeGreaterThanOrEqual(
            projection.years[i - 1]!.salary * growth - 0.5 * growth - 0.5,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with raises ≥ 0 and no place, setting or hours steps, pay never falls', () => {
    const upward = planArbitrary(pack, {
      assumptions: { realRaisePct: 1, inflationPct: 0, dollars: 'today' },
    });
    fc.assert(
      fc.property(upward, (generated) => {
        // Certification overrides may be negative (a student may enter one); keep them ≥ 0 here.
        const steps = generated.steps.filter(
          (s) =>
            s.type === 'role' ||
            s.type === 'program' ||
            (s.type === 'certification' && (s.payChangePct ?? 0) >= 0),
        );
        const plan = { ...generated, steps };
        const salaries = projectPlan(plan, index).years.map((y) => y.salary);
        for (let i = 1; i < salaries.length; i++)
          expect(salaries[i]).toBeGreaterThanOrEqual(salaries[i - 1]!);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        expect(projectPlan(plan, index)).toEqual(projectPlan(plan, index));
      }),
      { numRuns: 50 },
    );
  });
});
