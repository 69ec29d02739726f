import { describe, expect, it } from 'vitest';
import { PlanFileSchema, PlanSchema } from '../../shared/plan/schema';

const plan = {
  name: 'Front desk to lead',
  startYear: 2026,
  years: 10,
  start: { role: 'junior-medical-office-assistant', place: 'US-TX', setting: '621100', hoursPerWeek: 40 },
  steps: [{ type: 'role', year: 2028, role: 'medical-office-assistant' }],
};

function pathsOf(result: ReturnType<typeof PlanSchema.safeParse>): string[] {
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('plan schema limits', () => {
  it('accepts a well-formed plan', () => {
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it.each([
    ['a step year outside the horizon', { ...plan, steps: [{ type: 'role', year: 2040, role: 'x' }] }, 'steps.0.year'],
    ['a horizon over 45 years', { ...plan, years: 46 }, 'years'],
    ['a fractional year', { ...plan, startYear: 2026.5 }, 'startYear'],
    ['NaN hours', { ...plan, start: { ...plan.start, hoursPerWeek: Number.NaN } }, 'start.hoursPerWeek'],
    ['a blank name', { ...plan, name: '   ' }, 'name'],
    ['an unknown field', { ...plan, colour: 'blue' }, ''],
    ['a negative cost', { ...plan, steps: [{ type: 'program', year: 2027, program: 'p', cost: -1 }] }, 'steps.0.cost'],
  ])('rejects %s and names the field', (_label, input, path) => {
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(pathsOf(result)).toContain(path);
  });

  it('refuses a plan file from a newer format version', () => {
    const result = PlanFileSchema.safeParse({ format: 'pathway-planner/plan', version: 2, plans: [plan] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/version 1/);
  });
});
