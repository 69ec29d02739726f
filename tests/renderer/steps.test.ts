import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { indexDataPack, projectPlan } from '../../shared/engine/index';
import { newPlan } from '../../shared/plan/new-plan';
import { PlanSchema, type Plan, type Step } from '../../shared/plan/schema';
import { createLookup } from '../../renderer/src/features/planner/pack-lookup';
import {
  changeStepType,
  moveStartYear,
  defaultStep,
  nextStepYear,
  roleInYear,
  sortStepsByYear,
  sortStepsWithKeys,
  stepLabel,
  stepTypes,
} from '../../renderer/src/features/planner/steps';

const pack = loadDataPack();
const lookup = createLookup(pack);
const index = indexDataPack(pack);

function plan(steps: Step[] = [], overrides: Partial<Plan> = {}): Plan {
  return {
    ...newPlan(pack, { startYear: 2026, role: 'medical-assistant', place: 'US-TX' }),
    steps,
    ...overrides,
  };
}

describe('step labels', () => {
  it('says what each step does in plain words', () => {
    expect(stepLabel(lookup, { type: 'role', role: 'senior-medical-assistant', year: 2028 })).toBe(
      'Move to Senior Medical Assistant',
    );
    expect(stepLabel(lookup, { type: 'certification', certification: 'cma', year: 2027 })).toBe(
      'Earn CMA (Certified Medical Assistant)',
    );
    expect(stepLabel(lookup, { type: 'certification', certification: 'cmaa', year: 2027 })).toBe(
      'Earn CMAA (Certified Medical Administrative Assistant)',
    );
    expect(stepLabel(lookup, { type: 'place', place: 'US-CA', year: 2027 })).toBe('Move to California');
    expect(stepLabel(lookup, { type: 'setting', setting: '622000', year: 2027 })).toBe(
      'Work in Hospitals; state, local, and private',
    );
    expect(stepLabel(lookup, { type: 'hours', hoursPerWeek: 30, year: 2027 })).toBe('Work 30 hours a week');
    expect(
      stepLabel(lookup, { type: 'program', program: 'medical-assistant-certificate', year: 2026 }),
    ).toMatch(/^Complete Medical assistant certificate/);
  });

  it('falls back to the id for something the pack does not have', () => {
    expect(stepLabel(lookup, { type: 'role', role: 'astronaut', year: 2028 })).toBe('Move to astronaut');
  });
});

describe('step order', () => {
  it('sorts by year, then in the order the engine applies same-year steps, then as added', () => {
    const steps: Step[] = [
      { type: 'role', role: 'senior-medical-assistant', year: 2028 },
      { type: 'certification', certification: 'cma', year: 2027 },
      { type: 'program', program: 'medical-assistant-certificate', year: 2027 },
      { type: 'hours', hoursPerWeek: 30, year: 2026 },
      { type: 'certification', certification: 'ccma', year: 2027 },
    ];
    expect(sortStepsByYear(steps).map((s) => `${s.year}:${s.type}`)).toEqual([
      '2026:hours',
      '2027:program',
      '2027:certification',
      '2027:certification',
      '2028:role',
    ]);
    // Stable among equals: cma was added before ccma.
    expect(
      sortStepsByYear(steps)
        .filter((s) => s.type === 'certification')
        .map((s) => (s as { certification: string }).certification),
    ).toEqual(['cma', 'ccma']);
  });

  it('keeps keys with their steps and puts a step whose year is not a number last', () => {
    const steps: Step[] = [
      { type: 'role', role: 'senior-medical-assistant', year: Number.NaN },
      { type: 'certification', certification: 'cma', year: 2027 },
    ];
    const sorted = sortStepsWithKeys(steps, [10, 11]);
    expect(sorted.keys).toEqual([11, 10]);
    expect(sorted.steps[0]?.type).toBe('certification');
  });

  it('does not mutate its input', () => {
    const steps: Step[] = [
      { type: 'role', role: 'senior-medical-assistant', year: 2030 },
      { type: 'role', role: 'lead-medical-assistant', year: 2029 },
    ];
    const copy = structuredClone(steps);
    sortStepsByYear(steps);
    expect(steps).toEqual(copy);
  });

  it('matches the engine: a projection of the sorted plan equals one of the unsorted plan', () => {
    const steps: Step[] = [
      { type: 'role', role: 'senior-medical-assistant', year: 2028 },
      { type: 'certification', certification: 'cma', year: 2028 },
      { type: 'program', program: 'medical-assistant-certificate', year: 2026 },
    ];
    const a = projectPlan(plan(steps), index);
    const b = projectPlan(plan(sortStepsByYear(steps)), index);
    expect(b.years.map((y) => y.salary)).toEqual(a.years.map((y) => y.salary));
  });
});

describe('new steps', () => {
  it('picks the year after the last step, within the horizon', () => {
    expect(nextStepYear(plan())).toBe(2027);
    expect(nextStepYear(plan([{ type: 'hours', hoursPerWeek: 30, year: 2030 }]))).toBe(2031);
    expect(nextStepYear(plan([{ type: 'hours', hoursPerWeek: 30, year: 2035 }]))).toBe(2035);
    expect(nextStepYear(plan([], { years: 1 }))).toBe(2026);
  });

  it('knows the role held in a year', () => {
    const p = plan([{ type: 'role', role: 'senior-medical-assistant', year: 2028 }]);
    expect(roleInYear(p, 2027)).toBe('medical-assistant');
    expect(roleInYear(p, 2028)).toBe('senior-medical-assistant');
  });

  it('makes a valid step of every type, with a sensible first choice', () => {
    const p = plan();
    for (const { type } of stepTypes) {
      const step = defaultStep(lookup, p, type);
      expect(step.type).toBe(type);
      const withStep = { ...p, steps: [step] };
      expect(PlanSchema.safeParse(withStep).success, `${type} step should be valid`).toBe(true);
      expect(() => projectPlan(withStep, index)).not.toThrow();
    }
    expect(defaultStep(lookup, p, 'role')).toMatchObject({ role: 'senior-medical-assistant' });
    const place = defaultStep(lookup, p, 'place') as { place: string };
    expect(lookup.place(place.place)?.currency).toBe('USD');
  });

  it('does not offer a certification the plan already earns', () => {
    const first = defaultStep(lookup, plan(), 'certification') as { certification: string };
    const second = defaultStep(lookup, plan([first as Step]), 'certification') as { certification: string };
    expect(second.certification).not.toBe(first.certification);
  });

  it('changes a step type keeping its year', () => {
    const step: Step = { type: 'hours', hoursPerWeek: 30, year: 2030, note: 'part time' };
    const changed = changeStepType(lookup, plan(), step, 'role');
    expect(changed).toMatchObject({ type: 'role', year: 2030, note: 'part time' });
  });
});

describe('moving the start year', () => {
  it('moves every step with it', () => {
    const p = plan([{ type: 'hours', hoursPerWeek: 30, year: 2027 }]);
    const moved = moveStartYear(p, 2030);
    expect(moved.startYear).toBe(2030);
    expect(moved.steps[0]?.year).toBe(2031);
    expect(p.steps[0]?.year).toBe(2027);
  });

  it('leaves steps alone when the new year is not a whole number', () => {
    const p = plan([{ type: 'hours', hoursPerWeek: 30, year: 2027 }]);
    const moved = moveStartYear(p, Number.NaN);
    expect(moved.startYear).toBeNaN();
    expect(moved.steps[0]?.year).toBe(2027);
  });
});
