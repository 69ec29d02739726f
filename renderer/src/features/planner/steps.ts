/**
 * Plan steps as the timeline shows them: plain-language labels, the year order, and sensible
 * defaults for a newly added step. Pure, so it is unit-tested under Node.
 */
import { STEP_ORDER } from '../../../../shared/engine/timeline';
import type { Plan, Step, StepType } from '../../../../shared/plan/schema';
import type { Lookup } from './pack-lookup';

export const stepTypes: ReadonlyArray<{ type: StepType; label: string; verb: string }> = [
  { type: 'role', label: 'Move to a new role', verb: 'Move to' },
  { type: 'certification', label: 'Earn a certification', verb: 'Earn' },
  { type: 'program', label: 'Complete a program', verb: 'Complete' },
  { type: 'setting', label: 'Change work setting', verb: 'Work in' },
  { type: 'place', label: 'Move to another place', verb: 'Move to' },
  { type: 'hours', label: 'Change hours per week', verb: 'Work' },
];

export function stepTypeLabel(type: StepType): string {
  return stepTypes.find((t) => t.type === type)?.label ?? type;
}

/** "Earn CMA (Certified Medical Assistant)", "Move to Senior Medical Assistant", "Work 30 hours a week". */
export function stepLabel(lookup: Lookup, step: Step): string {
  switch (step.type) {
    case 'role':
      return `Move to ${lookup.roleTitle(step.role)}`;
    case 'certification':
      return `Earn ${lookup.certificationName(step.certification)}`;
    case 'program':
      return `Complete ${lookup.programName(step.program)}`;
    case 'setting':
      return `Work in ${lookup.settingName(step.setting)}`;
    case 'place':
      return `Move to ${lookup.placeName(step.place)}`;
    case 'hours':
      return `Work ${step.hoursPerWeek} hours a week`;
  }
}

const rank = new Map<string, number>(STEP_ORDER.map((type, i) => [type, i]));

/** Year first; within a year, the order the engine applies steps in (move, setting, hours, program, certification, role); then as added. */
function compareSteps(
  a: { step: { year: number; type?: string }; index: number },
  b: { step: { year: number; type?: string }; index: number },
): number {
  const ay = Number.isFinite(a.step.year) ? a.step.year : Infinity;
  const by = Number.isFinite(b.step.year) ? b.step.year : Infinity;
  return (
    ay - by || (rank.get(a.step.type ?? '') ?? 0) - (rank.get(b.step.type ?? '') ?? 0) || a.index - b.index
  );
}

/** Steps in the order they happen: by year, and within a year in the order the engine applies them. */
export function sortStepsByYear<T extends { year: number; type?: string }>(steps: readonly T[]): T[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort(compareSteps)
    .map((x) => x.step);
}

/** The plan being edited, with a stable React key per step (parallel to plan.steps). */
export interface KeyedDraft {
  plan: Plan;
  keys: number[];
}

/**
 * Sorts steps together with a parallel array (the timeline's stable React keys), returning
 * both in year order.
 */
export function sortStepsWithKeys<T extends { year: number; type?: string }>(
  steps: readonly T[],
  keys: readonly number[],
): { steps: T[]; keys: number[] } {
  const order = steps.map((step, index) => ({ step, key: keys[index] ?? index, index })).sort(compareSteps);
  return { steps: order.map((o) => o.step), keys: order.map((o) => o.key) };
}

/** Year a new step gets: the year after the last step, kept within the plan's horizon. */
export function nextStepYear(plan: Pick<Plan, 'startYear' | 'years' | 'steps'>): number {
  const last = plan.startYear + Math.max(1, plan.years) - 1;
  const latest = plan.steps.reduce((max, s) => Math.max(max, s.year), plan.startYear);
  return Math.min(last, Math.max(plan.startYear + 1, latest + (plan.steps.length ? 1 : 0)));
}

/** The role someone holds in a given year, from the start role and the role steps before it. */
export function roleInYear(plan: Pick<Plan, 'start' | 'steps'>, year: number): string {
  let role = plan.start.role;
  for (const step of sortStepsByYear(plan.steps)) {
    if (step.year > year) break;
    if (step.type === 'role') role = step.role;
  }
  return role;
}

/** A new step of the given type with a sensible first choice (the next role up, an unearned certification…). */
export function defaultStep(lookup: Lookup, plan: Plan, type: StepType): Step {
  const year = nextStepYear(plan);
  const pack = lookup.pack;
  const currentRole = lookup.role(roleInYear(plan, year));
  const track = currentRole?.trackId;
  switch (type) {
    case 'role': {
      const next =
        currentRole?.nextRoleIds[0] ??
        pack.roles.find((r) => r.id !== plan.start.role)?.id ??
        plan.start.role;
      return { type, role: next, year };
    }
    case 'certification': {
      const earned = new Set(
        plan.steps.flatMap((s) => (s.type === 'certification' ? [s.certification] : [])),
      );
      const candidates = pack.certifications.filter((c) => !earned.has(c.id));
      const pick =
        candidates.find((c) => track && c.trackIds.includes(track)) ??
        candidates[0] ??
        pack.certifications[0];
      return { type, certification: pick?.id ?? '', year };
    }
    case 'program': {
      const done = new Set(plan.steps.flatMap((s) => (s.type === 'program' ? [s.program] : [])));
      const candidates = pack.programs.filter((p) => !done.has(p.id));
      const pick =
        candidates.find((p) => track && p.trackIds.includes(track)) ?? candidates[0] ?? pack.programs[0];
      return { type, program: pick?.id ?? '', year };
    }
    case 'setting': {
      const other = pack.settings.find((s) => s.id !== plan.start.setting) ?? pack.settings[0];
      return { type, setting: other?.id ?? 'all', year };
    }
    case 'place': {
      // Same currency as the start: a plan stays in one currency.
      const currency = lookup.place(plan.start.place)?.currency ?? 'USD';
      const sameCurrency = pack.places.filter((p) => p.id !== plan.start.place && p.currency === currency);
      const other =
        sameCurrency.find((p) => p.kind === 'state') ?? sameCurrency[0] ?? lookup.place(plan.start.place);
      return { type, place: other?.id ?? plan.start.place, year };
    }
    case 'hours':
      return { type, hoursPerWeek: plan.start.hoursPerWeek >= 40 ? 32 : 40, year };
  }
}

/** Replaces a step's type-specific choice, keeping its year, cost and note. */
export function changeStepType(lookup: Lookup, plan: Plan, step: Step, type: StepType): Step {
  if (step.type === type) return step;
  const fresh = defaultStep(lookup, plan, type);
  const kept: Partial<Step> = { year: step.year };
  if (step.note !== undefined) kept.note = step.note;
  return { ...fresh, ...kept } as Step;
}

/**
 * A new start year, with every step moved by the same number of years, so "a certification in
 * the plan's second year" stays in the second year. Steps stay put when either year is not a
 * whole number (the field shows its own message then).
 */
export function moveStartYear(plan: Plan, startYear: number): Plan {
  const delta = startYear - plan.startYear;
  if (!Number.isInteger(delta) || delta === 0) return { ...plan, startYear };
  return { ...plan, startYear, steps: plan.steps.map((step) => ({ ...step, year: step.year + delta })) };
}
