/** orderedSteps: the order same-year steps are applied in, against a plain reference sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderedSteps, STEP_ORDER } from '../../shared/engine';
import type { Plan, Step } from '../../shared/plan/schema';

const START = 2026;
const YEARS = 10;

/** Steps of every type, some outside the plan's years (which orderedSteps leaves out). */
const step: fc.Arbitrary<Step> = fc
  .record({
    type: fc.constantFrom(...STEP_ORDER),
    year: fc.integer({ min: START - 2, max: START + YEARS + 1 }),
  })
  .map(({ type, year }): Step => {
    switch (type) {
      case 'role':
        return { type, year, role: 'medical-assistant' };
      case 'certification':
        return { type, year, certification: 'cma' };
      case 'program':
        return { type, year, program: 'ma-certificate' };
      case 'setting':
        return { type, year, setting: 'all' };
      case 'place':
        return { type, year, place: 'US' };
      case 'hours':
        return { type, year, hoursPerWeek: 30 };
    }
  });

function planWith(steps: Step[]): Plan {
  return {
    name: 'Timeline',
    startYear: START,
    years: YEARS,
    start: { role: 'medical-assistant', place: 'US', setting: 'all', hoursPerWeek: 40 },
    steps,
  };
}

describe('orderedSteps', () => {
  it('sorts by year, then by type in STEP_ORDER, then by position in the plan; drops steps outside the years', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const expected = steps
          .map((s, stepIndex) => ({ s, stepIndex }))
          .filter(({ s }) => s.year >= START && s.year < START + YEARS)
          .sort(
            (a, b) =>
              a.s.year - b.s.year ||
              STEP_ORDER.indexOf(a.s.type) - STEP_ORDER.indexOf(b.s.type) ||
              a.stepIndex - b.stepIndex,
          );
        const timed = orderedSteps(planWith(steps));
        expect(timed.map((t) => t.stepIndex)).toEqual(expected.map((e) => e.stepIndex));
        for (const t of timed) {
          // Each entry carries its own step, its type and its year since the start.
          expect(t.step).toBe(steps[t.stepIndex]);
          expect(t.type).toBe(t.step.type);
          expect(t.yearIndex).toBe(t.step.year - START);
        }
      }),
      { numRuns: 300 },
    );
  });
});
