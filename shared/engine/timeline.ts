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

const rank: Record<StepType, number> = {
  place: 0,
  setting: 1,
  hours: 2,
  program: 3,
  certification: 4,
  role: 5,
};

export interface TimedStep {
  step: Step;
  /** Index into plan.steps, so warnings can point at the step. */
  stepIndex: number;
  /** Years since the plan's start. */
  yearIndex: number;
}

/** Room for the step's position in the plan below its year and type in one sort key. */
const POSITIONS = 2 ** 20;

interface Keyed extends TimedStep {
  key: number;
}

const byKey = (a: Keyed, b: Keyed): number => a.key - b.key;

/**
 * The plan's steps sorted by year, then by type (STEP_ORDER), then by their order in the plan.
 * Steps outside the plan's years (which checkPlan rejects) are left out.
 */
export function orderedSteps(plan: Plan): TimedStep[] {
  const timed: Keyed[] = [];
  let sorted = true;
  for (let stepIndex = 0; stepIndex < plan.steps.length; stepIndex++) {
    const step = plan.steps[stepIndex]!;
    const yearIndex = step.year - plan.startYear;
    if (!(yearIndex >= 0 && yearIndex < plan.years && Number.isInteger(yearIndex))) continue;
    // One number orders year, then type, then position (stepIndex < POSITIONS: plans are capped far lower).
    const key = (yearIndex * STEP_ORDER.length + rank[step.type]) * POSITIONS + stepIndex;
    if (timed.length > 0 && key < timed[timed.length - 1]!.key) sorted = false;
    timed.push({ step, stepIndex, yearIndex, key });
  }
  return sorted ? timed : timed.sort(byKey);
}
