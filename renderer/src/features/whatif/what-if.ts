/**
 * What-if controls on the plan being edited: hours, inflation, the yearly raise and the year of
 * each certification or program, as changes to the draft (by step key, re-sorted into year
 * order), plus the snapshot they can be put back to. Pure, unit-tested.
 */
import type { Assumptions, Plan, Step } from '../../../../shared/plan/schema';
import { sortStepsWithKeys, stepLabel, type KeyedDraft } from '../planner/steps';
import type { Lookup } from '../planner/pack-lookup';

export const WHAT_IF_RANGES = {
  hours: { min: 8, max: 60, step: 1 },
  inflationPct: { min: 0, max: 8, step: 0.5 },
  realRaisePct: { min: -2, max: 6, step: 0.5 },
} as const;

export interface StepSlider {
  key: number;
  index: number;
  type: 'certification' | 'program';
  label: string;
  year: number;
  min: number;
  max: number;
}

/** One slider per certification or program step, in the plan's order. */
export function stepSliders(draft: KeyedDraft, lookup: Lookup): StepSlider[] {
  const { plan, keys } = draft;
  const min = plan.startYear;
  const max = plan.startYear + Math.max(1, plan.years) - 1;
  return plan.steps.flatMap((step, index) =>
    step.type === 'certification' || step.type === 'program'
      ? [
          {
            key: keys[index] ?? index,
            index,
            type: step.type,
            label: stepLabel(lookup, step),
            year: step.year,
            min,
            max,
          },
        ]
      : [],
  );
}

export function setStepYear(draft: KeyedDraft, key: number, year: number): KeyedDraft {
  const at = draft.keys.indexOf(key);
  const step = draft.plan.steps[at];
  if (at < 0 || !step || step.year === year) return draft;
  const steps = draft.plan.steps.slice();
  steps[at] = { ...step, year } as Step;
  const sorted = sortStepsWithKeys(steps, draft.keys);
  return { plan: { ...draft.plan, steps: sorted.steps }, keys: sorted.keys };
}

export function setHours(draft: KeyedDraft, hoursPerWeek: number): KeyedDraft {
  if (draft.plan.start.hoursPerWeek === hoursPerWeek) return draft;
  return { ...draft, plan: { ...draft.plan, start: { ...draft.plan.start, hoursPerWeek } } };
}

type RateKey = 'inflationPct' | 'realRaisePct';

/** Sets (or, with undefined, clears) one of the plan's own assumptions. */
export function setRate(draft: KeyedDraft, key: RateKey, value: number | undefined): KeyedDraft {
  if (draft.plan.assumptions?.[key] === value) return draft;
  const assumptions: Assumptions = { ...(draft.plan.assumptions ?? {}) };
  if (value === undefined) delete assumptions[key];
  else assumptions[key] = value;
  const plan: Plan = { ...draft.plan, assumptions };
  if (Object.keys(assumptions).length === 0) delete plan.assumptions;
  return { ...draft, plan };
}

export interface WhatIfSnapshot {
  hours: number;
  inflationPct: number | undefined;
  realRaisePct: number | undefined;
  /** Year of each certification or program step by key. */
  stepYears: ReadonlyMap<number, number>;
}

export function snapshotOf(draft: KeyedDraft): WhatIfSnapshot {
  const stepYears = new Map<number, number>();
  draft.plan.steps.forEach((step, i) => {
    if (step.type === 'certification' || step.type === 'program')
      stepYears.set(draft.keys[i] ?? i, step.year);
  });
  return {
    hours: draft.plan.start.hoursPerWeek,
    inflationPct: draft.plan.assumptions?.inflationPct,
    realRaisePct: draft.plan.assumptions?.realRaisePct,
    stepYears,
  };
}

/** True when anything the what-if controls change differs from the snapshot. */
export function differsFrom(draft: KeyedDraft, snapshot: WhatIfSnapshot): boolean {
  if (draft.plan.start.hoursPerWeek !== snapshot.hours) return true;
  if (draft.plan.assumptions?.inflationPct !== snapshot.inflationPct) return true;
  if (draft.plan.assumptions?.realRaisePct !== snapshot.realRaisePct) return true;
  return draft.plan.steps.some((step, i) => {
    const was = snapshot.stepYears.get(draft.keys[i] ?? i);
    return was !== undefined && was !== step.year;
  });
}

/** Puts hours, the two rates and every step year still on the plan back to the snapshot. */
export function restoreSnapshot(draft: KeyedDraft, snapshot: WhatIfSnapshot): KeyedDraft {
  let next = setHours(draft, snapshot.hours);
  next = setRate(next, 'inflationPct', snapshot.inflationPct);
  next = setRate(next, 'realRaisePct', snapshot.realRaisePct);
  for (const [key, year] of snapshot.stepYears) next = setStepYear(next, key, year);
  return next;
}

/** "40 (full time)", "20 (half time)", "32": the slider's label already says "hours a week". */
export function hoursText(hours: number): string {
  if (hours === 40) return '40 (full time)';
  if (hours === 20) return '20 (half time)';
  return String(hours);
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "1% a year", "−0.5% a year". */
export function rateText(value: number): string {
  const text = `${oneDecimal.format(Math.abs(value))}% a year`;
  return value < 0 ? `−${text}` : text;
}
