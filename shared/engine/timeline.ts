/**
 * Puts a plan's steps on its timeline, in the fixed order the engine applies same-year steps in.
 * The order is what makes a year with several steps unambiguous: you move first, then change
 * setting and hours, finish programs, earn certifications, and only then take the new role, so
 * the role step sees everything else that happened that year (a program completed in a year
 * counts for a certification the same year, and a certification counts for a role the same year).
 */
import type { Plan, Step, StepType } from '../plan/schema';

export const STEP_ORDER: readonly StepType[] = [
  'place',
  'setting',
  'hours',
  'program',
  'certification',
  'role',
];

/**
 * A step with where it falls. `type` is copied out of the step: steps come in six shapes, and a
 * read of a field all six share is megamorphic in V8 (its slow, generic path), so the engine
 * switches on `type` once here and reads a step's fields only in code for that one type.
 */
export type TimedStep = {
  [T in StepType]: {
    type: T;
    step: Extract<Step, { type: T }>;
    /** Index into plan.steps, so warnings can point at the step. */
    stepIndex: number;
    /** Years since the plan's start. */
    yearIndex: number;
  };
}[StepType];

/** Room for the step's position in the plan below its year and type in one sort key. */
const POSITIONS = 2 ** 20;

type Keyed = TimedStep & { key: number };

/** One object shape for every type, so the engine's reads of a timed step stay fast. */
function keyed<T extends StepType>(
  type: T,
  step: Extract<Step, { type: T }>,
  rank: number,
  stepIndex: number,
  yearIndex: number,
): Keyed {
  // One number orders year, then type, then position (stepIndex < POSITIONS: plans are capped far lower).
  const key = (yearIndex * STEP_ORDER.length + rank) * POSITIONS + stepIndex;
  return { type, step, stepIndex, yearIndex, key } as Keyed;
}

/** The step timed and keyed; its rank is its position in STEP_ORDER. */
function timed(step: Step, stepIndex: number, startYear: number): Keyed {
  switch (step.type) {
    case 'place':
      return keyed('place', step, 0, stepIndex, step.year - startYear);
    case 'setting':
      return keyed('setting', step, 1, stepIndex, step.year - startYear);
    case 'hours':
      return keyed('hours', step, 2, stepIndex, step.year - startYear);
    case 'program':
      return keyed('program', step, 3, stepIndex, step.year - startYear);
    case 'certification':
      return keyed('certification', step, 4, stepIndex, step.year - startYear);
    case 'role':
      return keyed('role', step, 5, stepIndex, step.year - startYear);
  }
}

/** Plans have a handful of steps (at most MAX_STEPS): an insertion sort beats the general sort's set-up. */
function sortByKey(steps: Keyed[]): Keyed[] {
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i]!;
    let at = i;
    while (at > 0 && steps[at - 1]!.key > step.key) {
      steps[at] = steps[at - 1]!;
      at--;
    }
    steps[at] = step;
  }
  return steps;
}

/**
 * The plan's steps sorted by year, then by type (STEP_ORDER), then by their order in the plan.
 * Steps outside the plan's years (which checkPlan rejects) are left out.
 */
export function orderedSteps(plan: Plan): TimedStep[] {
  const steps: Keyed[] = [];
  let sorted = true;
  for (let stepIndex = 0; stepIndex < plan.steps.length; stepIndex++) {
    const step = timed(plan.steps[stepIndex]!, stepIndex, plan.startYear);
    const { yearIndex } = step;
    if (!(yearIndex >= 0 && yearIndex < plan.years && Number.isInteger(yearIndex))) continue;
    if (steps.length > 0 && step.key < steps[steps.length - 1]!.key) sorted = false;
    steps.push(step);
  }
  return sorted ? steps : sortByKey(steps);
}
